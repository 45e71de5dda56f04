/**
 * Amounts and codes inside right-to-left text, checked with the Unicode bidi algorithm itself (bidi-js, the one the
 * PDF text engine uses): the visual order of an amount at the end of an Arabic line, and before Arabic or Latin text,
 * for every provider currency with Latin and Arabic-Indic digits; a Latin code inside an Arabic message.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import bidiFactory from 'bidi-js';
import { isolateLtrRuns, isRtlLocale } from '../../shared/bidi';
import { createTranslator } from '../../shared/i18n/catalogue';
import { formatMoney } from '../../shared/money';

const bidi = bidiFactory();
const CONTROLS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

/** The line as displayed, left to right (bidi controls dropped once they have done their work). */
function visual(line: string): string {
  const levels = bidi.getEmbeddingLevels(line, 'rtl');
  const chars = [...line];
  // getReorderSegments works on UTF-16 indices; every character used here is one code unit.
  for (const [start = 0, end = 0] of bidi.getReorderSegments(line, levels)) {
    const rev = chars.slice(start, end + 1).reverse();
    chars.splice(start, rev.length, ...rev);
  }
  return chars.join('').replace(CONTROLS, '');
}

const reversed = (s: string): string => [...s].reverse().join('');

describe('an amount inside right-to-left text', () => {
  const cases: Array<[string, string]> = [];
  for (const locale of ['ar-u-nu-latn', 'ar-EG-u-nu-arab'])
    for (const currency of ['EGP', 'USD', 'SAR', 'EUR', 'NGN']) cases.push([locale, currency]);

  for (const [locale, currency] of cases)
    for (const minor of [9900, -21600]) {
      it(`${minor} ${currency} in ${locale}: its sign reads whole, on the left of the number, wherever the amount stands`, () => {
        const amount = formatMoney(minor, currency, locale);
        const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0);
        const sign = parts.find((p) => p.type === 'currency')?.value ?? '';
        // An Arabic sign (ج.م.) is drawn right to left, a Latin one (US$) left to right.
        const shownSign = /[\u0600-\u06ff]/.test(sign) ? reversed(sign) : sign;
        const digits = /[\d٠-٩][\d٠-٩.,٬٫]*[\d٠-٩]/.exec(amount)?.[0] ?? '';
        for (const line of [
          `الإجمالي ${amount}`,
          `الإجمالي ${amount} بعد الخصم`,
          `الإجمالي ${amount} for consulting`,
        ]) {
          const shown = visual(line);
          const at = shown.indexOf(shownSign);
          assert.ok(at >= 0, `${JSON.stringify(shownSign)} whole in ${JSON.stringify(shown)}`);
          assert.ok(shown.includes(digits), `${digits} in order in ${JSON.stringify(shown)}`);
          assert.ok(at < shown.indexOf(digits), `sign left of the number in ${JSON.stringify(shown)}`);
        }
      });
    }

  it('leaves amounts in left-to-right languages as Intl writes them', () => {
    assert.equal(formatMoney(-21600, 'USD', 'en-US'), '-$216.00');
    assert.equal(formatMoney(9900, 'USD', 'es-u-nu-latn'), '99,00\u00a0US$');
    assert.equal(isRtlLocale('ar-EG-u-nu-latn'), true);
    assert.equal(isRtlLocale('es-ES'), false);
  });
});

describe('a left-to-right code inside right-to-left text', () => {
  for (const code of [
    '2026-Q1',
    '2026-03',
    'INV-2026-0001',
    '2026-03-10',
    'ap@nile.example',
    'https://pay.example/i/7/',
  ])
    it(`${code} keeps its order in an Arabic sentence`, () => {
      const shown = visual(isolateLtrRuns(`ربع مثل ${code} أو غيره`));
      assert.ok(shown.includes(code), JSON.stringify(shown));
    });

  it('the Arabic period hint shows 2026-Q1 and 2026-03 as written (the hint the Bookkeeping field shows)', () => {
    const hint = createTranslator({ language: 'ar' }).t('books.periods.close_hint');
    const shown = visual(hint);
    assert.ok(shown.includes('2026-Q1') && shown.includes('2026-03'), JSON.stringify(shown));
  });

  it('isolates a code once, leaving text inside an existing isolate alone', () => {
    assert.equal(isolateLtrRuns('مثل \u2068A-1\u2069'), 'مثل \u2068A-1\u2069');
    assert.equal(isolateLtrRuns('مثل A-1'), 'مثل \u2066A-1\u2069');
    assert.equal(isolateLtrRuns('كلمة Word و 42'), 'كلمة Word و 42');
  });
});
