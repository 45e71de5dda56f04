/** Which characters the PDF flags as undrawable and replaces with the fallback glyph. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadFonts } from '../../../main/pdf/fonts';
import { FALLBACK_GLYPH, undrawable, withFallbackGlyphs } from '../../../main/pdf/glyphs';

const fonts = loadFonts();

test('Arabic vowel marks are drawn with the letter they sit on; emoji are flagged and replaced', () => {
  // Tanween, shadda and kasra are Script=Inherited: they used to be checked against the Latin face and flagged.
  for (const word of ['شكرًا', 'محمّد', 'بِسْمِ']) {
    assert.deepEqual(undrawable(fonts, word), [], word);
    assert.equal(withFallbackGlyphs(fonts, word), word);
  }
  assert.deepEqual(undrawable(fonts, 'Thank you 🙏 — شكرًا'), ['🙏']);
  assert.equal(withFallbackGlyphs(fonts, 'Cake 🎂 كعكة'), `Cake ${FALLBACK_GLYPH} كعكة`);
  // A mark after a Latin letter goes to the Latin face, which has the common ones (é as e + U+0301).
  assert.deepEqual(undrawable(fonts, 'Cafe\u0301'), []);
});
