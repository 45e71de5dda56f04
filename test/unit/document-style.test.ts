import assert from 'node:assert/strict';
import test from 'node:test';
import {
  documentIntlLocale,
  documentLanguageOf,
  documentStyleOf,
  type DocumentProfile,
} from '../../shared/document-style';
import { formatMoney } from '../../shared/money';

const egypt: DocumentProfile = { locale: 'ar-EG' };

test('the document language: the customer’s, else the business’s document language, else its locale’s, else English', () => {
  assert.equal(documentLanguageOf('ar', { locale: 'en-GB' }), 'ar');
  assert.equal(documentLanguageOf(null, { locale: 'es-PE' }), 'es');
  assert.equal(documentLanguageOf(undefined, egypt), 'ar');
  assert.equal(documentLanguageOf('de', { locale: 'fr-FR' }), 'en');
  // The business's own choice wins over its locale (a Madrid business writing to Gulf customers in Arabic).
  assert.equal(documentLanguageOf(null, { locale: 'es-ES', language: 'ar' }), 'ar');
  assert.equal(documentLanguageOf('es', { locale: 'en-US', language: 'ar' }), 'es');
});

test('Arabic documents use Latin digits unless the business chose Arabic-Indic ones; other languages always Latin', () => {
  const latin = documentStyleOf(null, egypt);
  assert.deepEqual(latin, { language: 'ar', digits: 'latn', second: null });
  // ar-EG alone would write ٩٩٫٠٠: the document locale carries the digits.
  const locale = documentIntlLocale(latin, egypt.locale);
  assert.equal(locale, 'ar-EG-u-nu-latn');
  assert.match(formatMoney(9900, 'USD', locale), /99\.00/);
  const indic = documentStyleOf(null, { ...egypt, documentDigits: 'arab' });
  assert.equal(indic.digits, 'arab');
  assert.match(formatMoney(9900, 'USD', documentIntlLocale(indic, egypt.locale)), /٩٩٫٠٠/);
  assert.equal(documentStyleOf('es', { ...egypt, documentDigits: 'arab' }).digits, 'latn');
  assert.equal(documentIntlLocale(documentStyleOf('es', egypt), egypt.locale), 'es-u-nu-latn');
});

test('the bilingual layout pairs Arabic and English; Spanish documents stay in one language', () => {
  const gulf: DocumentProfile = { locale: 'ar-AE', documentLayout: 'bilingual' };
  assert.equal(documentStyleOf(null, gulf).second, 'en');
  assert.equal(documentStyleOf('en', gulf).second, 'ar');
  assert.equal(documentStyleOf('es', gulf).second, null);
  assert.equal(documentStyleOf(null, { ...gulf, documentLayout: 'single' }).second, null);
});
