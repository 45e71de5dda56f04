/**
 * The fonts shipped in resources/fonts (SIL OFL 1.1, see OFL-1.1.txt there): Noto Sans for Latin text and every
 * currency sign the providers use (€ ₦ £ $ E£ S/), Noto Sans Arabic for Arabic names and the ar-* number forms.
 *
 * Each file is parsed once per process (fontkit.openSync) and the parsed object is handed to every document:
 * pdfkit re-parses a font given as a path or buffer on every document, which costs ~15–20 ms per font per PDF.
 * Shaping is cached across documents too (see withLayoutCache): pdfkit's own layout cache lives and dies with
 * each document, and shaping the same labels, dates and amounts again was half the time of a small invoice.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { KassaError } from '../../shared/errors';
import { projectRoot } from '../native/bindings';
import { encodeSubset, type GlyphSubset, type RawFont } from './subset';

export type FaceName = 'latin' | 'latin-bold' | 'arabic' | 'arabic-bold';

const FILES: Record<FaceName, string> = {
  latin: 'NotoSans-Regular.ttf',
  'latin-bold': 'NotoSans-Bold.ttf',
  arabic: 'NotoSansArabic-Regular.ttf',
  'arabic-bold': 'NotoSansArabic-Bold.ttf',
};

export const FACE_NAMES = Object.keys(FILES) as FaceName[];

/** The file of a face in resources/fonts (packaging checks that each one ships). */
export const fontFile = (face: FaceName): string => FILES[face];

export type FontSet = Readonly<Record<FaceName, fontkit.Font>>;

/** resources/fonts in a checkout or build; next to app.asar in a packaged app. */
export function fontsDir(): string {
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  const candidates = [
    path.join(projectRoot(__dirname), 'resources', 'fonts'),
    ...(resourcesPath ? [path.join(resourcesPath, 'resources', 'fonts'), path.join(resourcesPath, 'fonts')] : []),
  ];
  const found = candidates.find((d) => fs.existsSync(path.join(d, FILES.latin)));
  if (!found) {
    throw new KassaError('io', 'pdf_fonts_missing', { looked: candidates.join(', ') });
  }
  return found;
}

let loaded: FontSet | undefined;

export function loadFonts(): FontSet {
  if (loaded) return loaded;
  const dir = fontsDir();
  const set = {} as Record<FaceName, fontkit.Font>;
  for (const face of FACE_NAMES) set[face] = withLayoutCache(fontkit.openSync(path.join(dir, FILES[face])));
  loaded = set;
  return loaded;
}

const LAYOUT_CACHE_MAX = 2_000;

/**
 * The parsed font with a bounded, process-wide cache in front of layout(). pdfkit scales the positions of the
 * run it gets back in place, so every call returns fresh copies of the cached positions; glyph objects are
 * fontkit's own shared, immutable-in-practice instances. Everything else is inherited from the real font.
 */
function withLayoutCache(font: fontkit.Font): fontkit.Font {
  const cache = new Map<string, { glyphs: unknown[]; positions: fontkit.GlyphPosition[] }>();
  const cached = Object.create(font) as fontkit.Font;
  cached.layout = (text, features) => {
    const key = features === undefined ? text : `${JSON.stringify(features)}\u0000${text}`;
    let hit = cache.get(key);
    if (!hit) {
      const run = font.layout(text, features);
      hit = { glyphs: run.glyphs, positions: run.positions.map((p) => ({ ...p })) };
      if (cache.size >= LAYOUT_CACHE_MAX) cache.clear();
      cache.set(key, hit);
    }
    const positions = hit.positions.map((p) => ({ ...p }));
    return {
      glyphs: hit.glyphs,
      positions,
      get advanceWidth(): number {
        let w = 0;
        for (const p of positions) w += p.xAdvance;
        return w;
      },
    };
  };
  // Embedding: fontkit's subset object keeps the glyph bookkeeping pdfkit relies on; only its encoder is swapped.
  const createSubset = (font as unknown as { createSubset(this: fontkit.Font): GlyphSubset & { encode(): Uint8Array } })
    .createSubset;
  (cached as unknown as { createSubset(): GlyphSubset }).createSubset = () => {
    const subset = createSubset.call(cached);
    subset.encode = () => encodeSubset(font as unknown as RawFont, subset);
    return subset;
  };
  return cached;
}
