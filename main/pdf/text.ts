/**
 * Drawing mixed Latin/Arabic text with pdfkit, which shapes glyphs (through fontkit) but has neither font
 * fallback nor the Unicode bidirectional algorithm. Every line is:
 *   1. split into paragraphs and wrapped at spaces (logical order), measured per font segment;
 *   2. given embedding levels by bidi-js (UAX #9), then cut into runs of one level and one font;
 *   3. reordered run by run (rule L2), and each run drawn on its own at an explicit x, on a shared baseline.
 *
 * fontkit reverses a run by itself whenever the first script-specific character of the string belongs to a
 * right-to-left script, whatever the run's real direction. So a run is handed over pre-reversed exactly when
 * fontkit's guess and the bidi level disagree (e.g. Arabic-Indic digits, which are Arabic script but laid out
 * left to right), and mirrored characters are only ever drawn from the Latin face, where we mirror them
 * ourselves; the Arabic face never sees a mirrorable character.
 */
import bidiFactory from 'bidi-js';
import type { FaceName, FontSet } from './fonts';
import { withFallbackGlyphs } from './glyphs';

const bidi = bidiFactory();

export type Weight = 'regular' | 'bold';
export type Align = 'left' | 'right' | 'center' | 'start' | 'end';

export interface TextStyle {
  size: number;
  weight?: Weight;
  color?: string;
}

/** What the engine needs from a pdfkit document (kept narrow so it is easy to reason about). */
export interface TextSurface {
  font(name: string): unknown;
  fontSize(size: number): unknown;
  fillColor(color: string): unknown;
  text(
    text: string,
    x: number,
    y: number,
    options: { lineBreak: false; baseline: 'alphabetic'; features?: [] },
  ): unknown;
  markContent(tag: 'Span', options: { actual: string }): unknown;
  endMarkedContent(): unknown;
}

interface Segment {
  text: string;
  face: FaceName;
}

interface Run extends Segment {
  level: number;
}

/** Bidi formatting characters: they steer the algorithm and are never drawn (fonts lack some of them). */
const BIDI_CONTROLS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;
const ARABIC = /\p{Script=Arabic}/u;
const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}]/u;
/** Script characters that make fontkit lay a string out right to left (its RTL script list, the ones we can meet). */
const FONTKIT_RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const SCRIPT_SPECIFIC = /[^\p{Script=Common}\p{Script=Inherited}]/u;
/** Strong right-to-left characters and explicit bidi controls: without any, a line is plain left to right. */
const MAY_NEED_BIDI =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u061c\u202a-\u202e\u2066-\u2069]|\ud802[\udc00-\udfff]|\ud803[\udc00-\udeff]|\ud83a/;

/** Line height and baseline as a fraction of the font size; room for Arabic ascenders and descenders. */
export const LINE_HEIGHT = 1.42;
const BASELINE = 1.02;

export function lineHeight(style: TextStyle): number {
  return style.size * LINE_HEIGHT;
}

function faceFor(script: 'latin' | 'arabic', weight: Weight): FaceName {
  if (script === 'arabic') return weight === 'bold' ? 'arabic-bold' : 'arabic';
  return weight === 'bold' ? 'latin-bold' : 'latin';
}

function isMirrorable(ch: string): boolean {
  return bidi.getMirroredCharacter(ch) !== null;
}

/** Does fontkit lay this string out right to left? (It looks at the first script-specific character only.) */
function fontkitReverses(text: string): boolean {
  const m = SCRIPT_SPECIFIC.exec(text);
  return m !== null && FONTKIT_RTL_SCRIPT.test(m[0]);
}

/** Characters neither shipped font has, replaced by their closest look-alike rather than drawn as a box. */
const SUBSTITUTES: Record<string, string> = { '\u2212': '-' };
const SUBSTITUTE_RE = new RegExp(`[${Object.keys(SUBSTITUTES).join('')}]`, 'g');

function substitute(text: string): string {
  return text.replace(SUBSTITUTE_RE, (ch) => SUBSTITUTES[ch] ?? ch);
}

/**
 * Advance widths in 1/1000 em, cached per face across documents (pdfkit's own layout cache lives and dies with
 * each document, and measuring is most of the work of a small invoice). Latin runs are measured the way pdfkit
 * draws them — word by word, each word with its trailing space — Arabic runs as one shaped run.
 */
const widthCaches = new WeakMap<FontSet, Map<string, number>>();
const WIDTH_CACHE_MAX = 5_000;

function widthUnits(fonts: FontSet, face: FaceName, text: string): number {
  let cache = widthCaches.get(fonts);
  if (!cache) {
    cache = new Map();
    widthCaches.set(fonts, cache);
  }
  if (isArabicFace(face)) return cachedLayout(cache, fonts, face, text);
  let w = 0;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 32 || ch === 9) {
      w += cachedLayout(cache, fonts, face, text.slice(last, i + 1));
      last = i + 1;
    }
  }
  if (last < text.length) w += cachedLayout(cache, fonts, face, text.slice(last));
  return w;
}

function cachedLayout(cache: Map<string, number>, fonts: FontSet, face: FaceName, text: string): number {
  const key = `${face}\u0000${text}`;
  let w = cache.get(key);
  if (w === undefined) {
    const font = fonts[face];
    w = (font.layout(text).advanceWidth * 1000) / font.unitsPerEm;
    // Bounded: a bulk export of distinct descriptions must not grow the cache without limit.
    if (cache.size >= WIDTH_CACHE_MAX) cache.clear();
    cache.set(key, w);
  }
  return w;
}

const DIGIT = /\p{Nd}/gu;
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}](?<=\p{L})/gu;

/**
 * Text extractors rebuild logical order from the visual glyph order with their own bidi guesses, which works
 * for words but scrambles numbers inside right-to-left text ("١٬٢٣٤٫٥٠ ج.م." came out as ".م. ج١٬٢٣٤٫٥٠").
 * Such lines — amounts, dates, percentages: more digits than right-to-left letters — carry their logical
 * string as ActualText, which copy/paste, search and screen readers then use. Lines of words are left to the
 * extractors: poppler reverses right-to-left ActualText a second time.
 */
function numberDominated(text: string): boolean {
  return (text.match(DIGIT)?.length ?? 0) > (text.match(RTL_LETTER)?.length ?? 0);
}

function isArabicFace(face: FaceName): boolean {
  return face === 'arabic' || face === 'arabic-bold';
}

function reverseCodePoints(text: string): string {
  return [...text].reverse().join('');
}

function mirror(text: string): string {
  return [...text].map((ch) => bidi.getMirroredCharacter(ch) ?? ch).join('');
}

export class TextEngine {
  /**
   * A right-to-left document mirrors its layout: with the page width set here, every box a caller places from the
   * left edge is drawn at the same distance from the right edge, and left/right alignment swap.
   */
  mirrorPageWidth: number | null = null;

  constructor(
    private readonly doc: TextSurface,
    private readonly fonts: FontSet,
  ) {}

  /** Where a box of `width` placed at `x` (from the left) is drawn: mirrored in a right-to-left document. */
  x(x: number, width: number): number {
    return this.mirrorPageWidth === null ? x : this.mirrorPageWidth - x - width;
  }

  /**
   * Font per character: Arabic script → Arabic face; neutrals (spaces, digits, punctuation) stay with the face
   * before them when it has the glyph (so "شركة النيل" is one shaped run), except mirrorable characters.
   */
  private segments(text: string, weight: Weight): Array<Segment & { start: number; end: number }> {
    const out: Array<Segment & { start: number; end: number }> = [];
    let i = 0;
    let prev: 'latin' | 'arabic' | null = null;
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      let script: 'latin' | 'arabic';
      if (ARABIC.test(ch) && !isMirrorable(ch)) script = 'arabic';
      else if (
        NEUTRAL.test(ch) &&
        prev === 'arabic' &&
        !isMirrorable(ch) &&
        this.fonts[faceFor('arabic', weight)].hasGlyphForCodePoint(cp)
      )
        script = 'arabic';
      else script = 'latin';
      const face = faceFor(script, weight);
      const last = out[out.length - 1];
      if (last && last.face === face) {
        last.text += ch;
        last.end = i + ch.length;
      } else out.push({ text: ch, face, start: i, end: i + ch.length });
      prev = script;
      i += ch.length;
    }
    return out;
  }

  private setFace(face: FaceName, size: number): void {
    this.doc.font(face);
    this.doc.fontSize(size);
  }

  private width(s: Segment, size: number): number {
    return (widthUnits(this.fonts, s.face, s.text) * size) / 1000;
  }

  /** Look-alikes for missing signs, then the fallback glyph for whatever no face can draw (never a box). */
  private drawable(text: string): string {
    return withFallbackGlyphs(this.fonts, substitute(text));
  }

  measure(text: string, style: TextStyle): number {
    const clean = this.drawable(text).replace(BIDI_CONTROLS, '');
    let w = 0;
    for (const s of this.segments(clean, style.weight ?? 'regular')) w += this.width(s, style.size);
    return w;
  }

  /** Wraps at spaces (and inside words longer than the width); "\n" starts a new paragraph. */
  wrap(text: string, style: TextStyle, width: number): string[] {
    // Each word is measured once; a space is counted at the wider of the two faces' spaces, so a line
    // judged to fit always does.
    const space = this.spaceWidth(style);
    const lines: string[] = [];
    for (const para of text.split(/\r?\n/)) {
      const words = para.split(/[ \t]+/).filter((w) => w !== '');
      if (words.length === 0) {
        lines.push('');
        continue;
      }
      let line = '';
      let lineW = 0;
      for (const word of words) {
        const w = this.measure(word, style);
        if (line !== '' && lineW + space + w <= width) {
          line = `${line} ${word}`;
          lineW += space + w;
          continue;
        }
        if (line !== '') lines.push(line);
        line = word;
        lineW = w;
        // A single word wider than the column (a URL, an IBAN) is cut where it must be.
        while (lineW > width && [...line].length > 1) {
          const chars = [...line];
          let n = chars.length - 1;
          while (n > 1 && this.measure(chars.slice(0, n).join(''), style) > width) n--;
          lines.push(chars.slice(0, n).join(''));
          line = chars.slice(n).join('');
          lineW = this.measure(line, style);
        }
      }
      lines.push(line);
    }
    return lines;
  }

  private spaceWidth(style: TextStyle): number {
    const weight = style.weight ?? 'regular';
    return (
      (Math.max(
        widthUnits(this.fonts, faceFor('latin', weight), ' '),
        widthUnits(this.fonts, faceFor('arabic', weight), ' '),
      ) *
        style.size) /
      1000
    );
  }

  /** Runs of one level and one face, in visual order, each with the string to hand to pdfkit. */
  visualRuns(raw: string, weight: Weight): { runs: Segment[]; rtl: boolean; reordered: boolean } {
    const line = this.drawable(raw);
    // Most text has nothing right-to-left in it: one left-to-right run per face, no bidi pass needed.
    if (!MAY_NEED_BIDI.test(line))
      return {
        runs: this.segments(line, weight).map(({ text, face }) => ({ text, face })),
        rtl: false,
        reordered: false,
      };
    const levels = bidi.getEmbeddingLevels(line);
    const rtl = (levels.paragraphs[0]?.level ?? 0) % 2 === 1;
    const runs: Run[] = [];
    for (const seg of this.segments(line, weight)) {
      // Split the font segment further wherever the level changes.
      let start = seg.start;
      for (let i = seg.start + 1; i <= seg.end; i++) {
        if (i === seg.end || levels.levels[i] !== levels.levels[start]) {
          const text = line.slice(start, i).replace(BIDI_CONTROLS, '');
          if (text !== '') runs.push({ text, face: seg.face, level: levels.levels[start] ?? 0 });
          start = i;
        }
      }
    }
    // L2: from the highest level down to the lowest odd one, reverse every maximal sequence at that level or above.
    const max = runs.reduce((m, r) => Math.max(m, r.level), 0);
    const minOdd = runs.reduce((m, r) => (r.level % 2 === 1 ? Math.min(m, r.level) : m), Infinity);
    for (let lvl = max; lvl >= minOdd && lvl >= 1; lvl--) {
      let i = 0;
      while (i < runs.length) {
        if ((runs[i]?.level ?? 0) >= lvl) {
          let j = i;
          while (j + 1 < runs.length && (runs[j + 1]?.level ?? 0) >= lvl) j++;
          const rev = runs.slice(i, j + 1).reverse();
          runs.splice(i, rev.length, ...rev);
          i = j + 1;
        } else i++;
      }
    }
    const out = runs.map((r): Segment => {
      const wantRtl = r.level % 2 === 1;
      let text = r.text;
      if (wantRtl && !isArabicFace(r.face)) text = mirror(text);
      if (wantRtl !== fontkitReverses(text)) text = reverseCodePoints(text);
      // A no-break space only matters for wrapping, which is done by now. Drawn as a plain space, it lets text
      // extractors (pdftotext) see the word break between "١٬٢٣٤٫٥٠" and "ج.م." and put each back in logical order.
      return { text: text.replace(/\u00a0/g, ' '), face: r.face };
    });
    return { runs: out, rtl, reordered: true };
  }

  /** Draws one line (no wrapping); y is the top of the line box. Returns the drawn width. */
  line(text: string, x: number, y: number, opts: { style: TextStyle; width?: number; align?: Align }): number {
    const { style } = opts;
    const { runs, rtl, reordered } = this.visualRuns(text, style.weight ?? 'regular');
    const actual = reordered && numberDominated(text);
    const widths = runs.map((r) => this.width(r, style.size));
    const total = widths.reduce((s, w) => s + w, 0);
    const width = opts.width ?? total;
    const given = opts.align ?? 'start';
    const mirror = this.mirrorPageWidth !== null;
    const align = mirror && given === 'left' ? 'right' : mirror && given === 'right' ? 'left' : given;
    x = this.x(x, width);
    const right = align === 'right' || (align === 'start' && rtl) || (align === 'end' && !rtl);
    let cx = align === 'center' ? x + (width - total) / 2 : right ? x + width - total : x;
    const baseline = y + style.size * BASELINE;
    if (style.color) this.doc.fillColor(style.color);
    if (actual) this.doc.markContent('Span', { actual: text.replace(BIDI_CONTROLS, '') });
    runs.forEach((r, i) => {
      this.setFace(r.face, style.size);
      if (isArabicFace(r.face))
        this.doc.text(r.text, cx, baseline, { lineBreak: false, baseline: 'alphabetic', features: [] });
      else this.doc.text(r.text, cx, baseline, { lineBreak: false, baseline: 'alphabetic' });
      cx += widths[i] ?? 0;
    });
    if (actual) this.doc.endMarkedContent();
    return total;
  }

  /** Wraps and draws a block; returns its height. */
  block(
    text: string,
    x: number,
    y: number,
    width: number,
    opts: { style: TextStyle; align?: Align; lines?: string[] },
  ): number {
    const lines = opts.lines ?? this.wrap(text, opts.style, width);
    const lh = lineHeight(opts.style);
    lines.forEach((l, i) => {
      if (l !== '') this.line(l, x, y + i * lh, { style: opts.style, width, align: opts.align ?? 'start' });
    });
    return lines.length * lh;
  }
}
