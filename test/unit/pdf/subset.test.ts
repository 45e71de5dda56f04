import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import * as fontkit from 'fontkit';
import { fontsDir } from '../../../main/pdf/fonts';
import { encodeSubset, type GlyphSubset, type RawFont } from '../../../main/pdf/subset';

interface FkGlyph {
  id: number;
  advanceWidth: number;
  path: { toSVG(): string };
}
interface FkFont {
  numGlyphs: number;
  getGlyph(id: number): FkGlyph;
  layout(text: string): { glyphs: FkGlyph[] };
  createSubset(): GlyphSubset & { encode(): Uint8Array };
}

function open(file: string): FkFont {
  return fontkit.openSync(path.join(fontsDir(), file)) as unknown as FkFont;
}

/** Builds a subset with the glyphs of `text`, encoded by our encoder, re-parsed by fontkit. */
function roundTrip(font: FkFont, text: string): { subset: GlyphSubset; parsed: FkFont } {
  const subset = font.createSubset();
  for (const g of font.layout(text).glyphs) subset.includeGlyph(g.id);
  const bytes = encodeSubset(font as unknown as RawFont, subset);
  return { subset, parsed: fontkit.create(bytes) as unknown as FkFont };
}

describe('TrueType subsetting', () => {
  for (const [file, text] of [
    ['NotoSans-Regular.ttf', 'Invoice F-2025-0042 Atelier Lumière & Co €1,234.50 ₦ £ S/ E£ ÀÉÎÕÜ ñ ç ğ ł'],
    ['NotoSans-Bold.ttf', 'TOTAL 1 237,97 € Çà'],
    ['NotoSansArabic-Regular.ttf', 'شركة النيل للتجارة ١٬٢٣٤٫٥٠ ج.م.'],
  ] as const) {
    it(`keeps every glyph outline and advance of ${file}, composites included`, () => {
      const font = open(file);
      const { subset, parsed } = roundTrip(font, text);
      assert.equal(parsed.numGlyphs, subset.glyphs.length, 'one glyph per subset entry (components added)');
      subset.glyphs.forEach((orig, i) => {
        const a = font.getGlyph(orig);
        const b = parsed.getGlyph(i);
        assert.equal(b.advanceWidth, a.advanceWidth, `advance of glyph ${orig}`);
        assert.equal(b.path.toSVG(), a.path.toSVG(), `outline of glyph ${orig}`);
      });
    });
  }

  it('adds and remaps the components of composite glyphs', () => {
    const font = open('NotoSans-Regular.ttf');
    // Accented capitals are composites (base letter + accent) in Noto Sans.
    const { subset } = roundTrip(font, 'ÀÉ');
    const asked = font.layout('ÀÉ').glyphs.length + 1; // + .notdef
    assert.ok(subset.glyphs.length > asked, `components were added: ${subset.glyphs.length} > ${asked}`);
  });
});
