import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createFormatter, supportedLocale } from '../../../main/pdf/format';
import { formatMoney } from '../../../shared/money';

describe('PDF formatting', () => {
  it('formats amounts exactly as shared formatMoney does, for every provider currency and several locales', () => {
    const amounts = [0, 1, 5, 99, 100, 123456, -9900, 100_000_000_01, 7];
    for (const [locale, currency] of [
      ['ar-EG', 'EGP'],
      ['en-EG', 'EGP'],
      ['en-NG', 'NGN'],
      ['de-DE', 'EUR'],
      ['fr-FR', 'EUR'],
      ['en-GB', 'GBP'],
      ['es-PE', 'PEN'],
      ['en-US', 'USD'],
      ['ja-JP', 'JPY'],
    ] as const) {
      const f = createFormatter(locale, currency);
      for (const a of amounts) assert.equal(f.money(a), formatMoney(a, currency, locale), `${a} ${currency} ${locale}`);
    }
  });

  it('formats dates in the profile locale, as calendar dates (no time-zone shift)', () => {
    assert.equal(createFormatter('en-GB', 'GBP').date('2025-03-01'), '1 Mar 2025');
    assert.equal(createFormatter('de-DE', 'EUR').date('2025-12-31'), '31.12.2025');
    assert.equal(createFormatter('en-GB', 'GBP').date(null), '—');
  });

  it('keeps decimal strings exact', () => {
    const f = createFormatter('en-US', 'USD');
    assert.equal(f.quantity('1234.125'), '1,234.125');
    assert.equal(f.percent('7.5'), '7.5%');
    assert.equal(f.percent('0.0001'), '0.0001%');
    assert.equal(createFormatter('de-DE', 'EUR').percent('19'), '19\u00a0%');
  });

  it('falls back to English for a locale Intl does not know', () => {
    assert.equal(supportedLocale('zz-bogus'), 'en');
    assert.equal(supportedLocale('fr-FR'), 'fr-FR');
  });
});
