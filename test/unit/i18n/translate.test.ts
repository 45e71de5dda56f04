import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KassaError, invalid, notFound, toErrorBody } from '../../../shared/errors';
import { intlLocale, pickLanguage } from '../../../shared/i18n/languages';
import { createTranslator } from '../../../shared/i18n/catalogue';
import { PSEUDO_CLOSE, PSEUDO_OPEN } from '../../../shared/i18n/translate';
import type { Translation } from '../../../shared/i18n/types';
import type enCommon from '../../../shared/i18n/en/common';
import { withEnglish } from '../../../main/cli/framework';

test('Arabic plurals take all six CLDR forms; English and Spanish their two', () => {
  const ar = createTranslator({ language: 'ar' });
  const forms = [0, 1, 2, 3, 11, 100].map((count) => ar.t('facts.invoices', { count }));
  assert.deepEqual(forms, ['لا فواتير', 'فاتورة واحدة', 'فاتورتان', '3 فواتير', '11 فاتورة', '100 فاتورة']);
  const en = createTranslator({ language: 'en' });
  assert.deepEqual(
    [0, 1, 2].map((count) => en.t('facts.invoices', { count })),
    ['0 invoices', '1 invoice', '2 invoices'],
  );
  const es = createTranslator({ language: 'es' });
  assert.deepEqual(
    [1, 1500].map((count) => es.t('facts.invoices', { count })),
    ['1 factura', '1500 facturas'],
  );
});

test('Arabic digits are Latin unless Arabic-Indic ones are chosen', () => {
  assert.equal(createTranslator({ language: 'ar' }).t('facts.invoices', { count: 12 }), '12 فاتورة');
  assert.equal(createTranslator({ language: 'ar', digits: 'arab' }).t('facts.invoices', { count: 12 }), '١٢ فاتورة');
  assert.equal(intlLocale('es', 'arab'), 'es-u-nu-latn');
});

test('money parameters are formatted for the reader; unknown run-time keys fall back', () => {
  const es = createTranslator({ language: 'es' });
  const text = es.text('error.amount_too_large', { field: { minor: 123456, currency: 'EUR' } });
  assert.match(text, /^1234,56\s€ es demasiado grande\.$/);
  assert.equal(es.text('error.no_such_code', {}, 'English fallback'), 'English fallback');
  assert.equal(es.text('no.such.key'), 'no.such.key');
  // A code from run time whose parameter is missing reads it as empty instead of losing the message.
  assert.equal(es.text('error.invoice_not_found', {}, 'No invoice.'), 'No hay ninguna factura con el id .');
});

test('date parameters ({d, date, medium}) format an ISO day as that calendar day, in every language', () => {
  const day = { date: '2026-12-20' };
  assert.match(createTranslator({ language: 'en' }).t('error.draft_dated_in_future', day), /dated Dec 20, 2026,/);
  assert.match(createTranslator({ language: 'es' }).t('error.draft_dated_in_future', day), /20 dic 2026/);
  assert.match(createTranslator({ language: 'ar' }).t('error.draft_dated_in_future', day), /20 ديسمبر 2026/);
});

test('the pseudo-locale marks every text it makes', () => {
  const p = createTranslator({ language: 'en', pseudo: true });
  assert.equal(p.t('nav.invoices'), `${PSEUDO_OPEN}Invoices${PSEUDO_CLOSE}`);
  assert.equal(p.text('not.a.key', {}, 'raw'), 'raw');
});

test('the system language decides the first language; anything else is English', () => {
  assert.equal(pickLanguage(['ar-EG', 'en-US']), 'ar');
  assert.equal(pickLanguage(['fr-FR', 'es-419']), 'es');
  assert.equal(pickLanguage(['de-DE']), 'en');
  assert.equal(pickLanguage([]), 'en');
});

test('KassaError carries code + params; its English message comes from the catalogue', () => {
  const err = invalid('too_many_decimals', { field: 'quantity', max: 1 }, 'quantity');
  assert.equal(err.message, 'quantity allows at most 1 decimal place.');
  assert.deepEqual(err.toBody(), {
    kind: 'invalid_input',
    code: 'too_many_decimals',
    params: { field: 'quantity', max: 1 },
    message: 'quantity allows at most 1 decimal place.',
    field: 'quantity',
  });
  const back = KassaError.fromBody(err.toBody());
  assert.deepEqual(back.params, err.params);
  // Inside Arabic text a parameter is a bidi isolate (FSI … PDI), so "quantity" keeps its direction.
  assert.equal(
    createTranslator({ language: 'ar' }).text(`error.${back.code}`, back.params),
    'يقبل \u2068quantity\u2069 منزلة عشرية واحدة على الأكثر.',
  );
  assert.equal(notFound('invoice', 'abc').message, 'No invoice with id abc.');
  assert.equal(
    toErrorBody(new Error('secret detail')).message,
    'An unexpected error occurred; see the log for details.',
  );
});

test('the type checker holds languages and parameters to the English catalogue', () => {
  // These lines are checked by `npm run typecheck`; if the types stopped catching them, @ts-expect-error fails.
  // @ts-expect-error a language file missing a key
  const missing: Translation<typeof enCommon> = { 'app.name': 'Kassa' };
  const t = createTranslator({ language: 'en' }).t;
  // @ts-expect-error a message called without its parameter
  assert.equal(typeof t('facts.invoices'), 'string');
  // @ts-expect-error an unknown key
  assert.equal(t('nav.nowhere'), 'nav.nowhere');
  // @ts-expect-error an error code that is not in the catalogue
  assert.equal(invalid('not_a_code', {}, 'x').message, 'not_a_code');
  assert.ok(missing);
});

test('CLI results carry each message in English next to its key and params', () => {
  const out = withEnglish({
    items: [{ advice: { key: 'providers.instead.send_link_yourself', params: { provider: 'Kashier' } } }],
  });
  assert.deepEqual(out, {
    items: [
      {
        advice: {
          key: 'providers.instead.send_link_yourself',
          params: { provider: 'Kashier' },
          text: 'Send the customer the payment link or payment code yourself.',
        },
      },
    ],
  });
});
