import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadFonts } from '../../../main/pdf/fonts';
import { TextEngine, type TextSurface } from '../../../main/pdf/text';

const fonts = loadFonts();

/** Records what would be drawn: the engine only needs fonts for measuring, the surface for drawing. */
function recorder(): {
  surface: TextSurface;
  drawn: Array<{ face: string; text: string; x: number }>;
  spans: string[];
} {
  const drawn: Array<{ face: string; text: string; x: number }> = [];
  const spans: string[] = [];
  let face = '';
  const surface: TextSurface = {
    font: (name) => (face = name),
    fontSize: () => undefined,
    fillColor: () => undefined,
    text: (text, x) => drawn.push({ face, text, x }),
    markContent: (_tag, o) => spans.push(o.actual),
    endMarkedContent: () => spans.push('end'),
  };
  return { surface, drawn, spans };
}

const engine = (): TextEngine => new TextEngine(recorder().surface, fonts);

describe('visual runs (bidi + font fallback)', () => {
  it('keeps a Latin line as one left-to-right run in the Latin face', () => {
    const r = engine().visualRuns('Invoice F-2025-0042 · €1,234.50 ₦ £ S/ E£', 'regular');
    assert.equal(r.rtl, false);
    assert.deepEqual(r.runs, [{ text: 'Invoice F-2025-0042 · €1,234.50 ₦ £ S/ E£', face: 'latin' }]);
  });

  it('hands an Arabic name to fontkit as one logical-order run, which fontkit itself reverses', () => {
    const r = engine().visualRuns('شركة النيل للتجارة', 'bold');
    assert.equal(r.rtl, true);
    assert.deepEqual(r.runs, [{ text: 'شركة النيل للتجارة', face: 'arabic-bold' }]);
  });

  it('orders the runs of a mixed line visually and mirrors brackets in right-to-left context', () => {
    // Logical: Arabic word, space, "2000", space, "(القاهرة)".
    const r = engine().visualRuns('عميل 2000 (القاهرة)', 'regular');
    assert.equal(r.rtl, true);
    const texts = r.runs.map((x) => x.text);
    // Visually, left to right: "(" [the mirrored ")"], القاهرة, ")" [the mirrored "("], the number, then the first word.
    assert.equal(texts[0], '(');
    assert.equal(texts[1], 'القاهرة');
    assert.equal(texts[2], ')');
    assert.ok(texts.indexOf('2000') > 2, `number after the parenthesis: ${JSON.stringify(texts)}`);
    assert.ok(texts[texts.length - 1]?.startsWith('عميل'), JSON.stringify(texts));
  });

  it('pre-reverses Arabic-Indic digits, which are Arabic script but laid out left to right', () => {
    const r = engine().visualRuns('\u200f١٬٢٣٤٫٥٠\u00a0ج.م.\u200f', 'regular');
    assert.equal(r.rtl, true);
    const digits = r.runs.find((x) => /[٠-٩]/.test(x.text));
    // fontkit reverses anything whose first script character is Arabic, so the engine hands it reversed.
    assert.equal(digits?.text, '٠٥٫٤٣٢٬١');
    // The currency run stays logical (fontkit's own reversal makes it visual), and comes first (leftmost).
    assert.equal(r.runs[0]?.text.trim(), 'ج.م.');
    assert.ok(
      r.runs.every((x) => !/[\u200e\u200f\u061c]/.test(x.text)),
      'bidi marks are never drawn',
    );
  });

  it('Latin text inside an Arabic paragraph stays left to right', () => {
    const r = engine().visualRuns('فاتورة INV-2025-0001', 'regular');
    assert.equal(r.rtl, true);
    assert.ok(
      r.runs.some((x) => x.text === 'INV-2025-0001' && x.face === 'latin'),
      JSON.stringify(r.runs),
    );
  });
});

describe('measuring and wrapping', () => {
  it('wraps at spaces within the width and cuts words longer than the width', () => {
    const t = engine();
    const style = { size: 9 };
    const width = 120;
    const text =
      'A deliberately long description that has to wrap onto several lines https://pay.example/a-very-long-path-without-any-spaces-at-all';
    const lines = t.wrap(text, style, width);
    assert.ok(lines.length >= 3, JSON.stringify(lines));
    for (const l of lines) assert.ok(t.measure(l, style) <= width + 0.01, `${l} is ${t.measure(l, style)} wide`);
    assert.equal(lines.join(' ').replace(/\s+/g, ''), text.replace(/\s+/g, ''), 'no character lost');
  });

  it('keeps paragraphs apart', () => {
    assert.deepEqual(engine().wrap('one\ntwo', { size: 9 }, 500), ['one', 'two']);
  });

  it('measures with the font that will draw each part (Arabic and Latin differ)', () => {
    const t = engine();
    const both = t.measure('Nile شركة', { size: 10 });
    const sum = t.measure('Nile ', { size: 10 }) + t.measure('شركة', { size: 10 });
    assert.ok(Math.abs(both - sum) < 0.5, `${both} vs ${sum}`);
    assert.ok(t.measure('WWW', { size: 20 }) > t.measure('WWW', { size: 10 }) * 1.99);
  });

  it('gives amounts in right-to-left text their logical string as ActualText, but not lines of words', () => {
    const rec = recorder();
    const t = new TextEngine(rec.surface, fonts);
    t.line('\u200f١٬٢٣٤٫٥٠\u00a0ج.م.\u200f', 0, 0, { style: { size: 9 } });
    assert.deepEqual(rec.spans, ['١٬٢٣٤٫٥٠\u00a0ج.م.', 'end']);
    t.line('شركة النيل للتجارة', 0, 0, { style: { size: 9 } });
    t.line('Invoice 2025', 0, 0, { style: { size: 9 } });
    assert.equal(rec.spans.length, 2, 'no span for pure words or left-to-right text');
  });

  it('right-aligns a line against the given width', () => {
    const rec = recorder();
    const t = new TextEngine(rec.surface, fonts);
    const w = t.line('1 234,50 €', 100, 0, { style: { size: 9 }, width: 200, align: 'right' });
    assert.equal(rec.drawn.length, 1);
    assert.ok(Math.abs((rec.drawn[0]?.x ?? 0) + w - 300) < 0.01);
  });
});
