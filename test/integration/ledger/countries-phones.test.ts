/**
 * Countries are ISO codes chosen from a list of names, never a truncated text; phone numbers are read with the
 * customer's (or the business's) country through the one normaliser in shared/phone.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  COUNTRY_CODES,
  countryCodeOfName,
  countryName,
  countryOptions,
  isCountryCode,
} from '../../../shared/countries';
import { dumpLedger, expectError, ledgerServices } from './helpers';

test('the country list: 249 ISO codes, each with a name in English, Arabic and Spanish, sorted by name', () => {
  assert.equal(COUNTRY_CODES.length, 249);
  assert.equal(new Set(COUNTRY_CODES).size, 249);
  for (const locale of ['en', 'ar', 'es']) {
    const options = countryOptions(locale);
    assert.equal(options.length, 249);
    for (const o of options) assert.notEqual(o.name, o.code, `${locale}: ${o.code} has a name`);
    const names = options.map((o) => o.name);
    assert.deepEqual(names, [...names].sort(new Intl.Collator(locale).compare));
  }
  assert.equal(countryName('NG', 'en'), 'Nigeria');
  assert.equal(countryName('NI', 'en'), 'Nicaragua');
  assert.equal(countryName('NG', 'ar'), 'نيجيريا');
  assert.equal(countryCodeOfName('Nigeria'), 'NG');
  assert.equal(countryCodeOfName('مصر'), 'EG');
  assert.ok(isCountryCode('EG') && !isCountryCode('XX') && !isCountryCode('eg'));
});

test('the contract refuses what is not an ISO code, and says the code when it was given a name', async () => {
  const { call, db } = await ledgerServices();
  const before = dumpLedger(db);
  // Before, "Nigeria" was cut to "NI" by the form and Nicaragua printed on the customer's invoice.
  const named = await expectError(
    call('customer.create', { name: 'Lagos Prints', address: { country: 'Nigeria' } }),
    'invalid_input',
    'address.country',
  );
  assert.match(named.message, /country code, not its name: NG/);
  const unknown = await expectError(
    call('customer.create', { name: 'X', address: { country: 'XX' } }),
    'invalid_input',
    'address.country',
  );
  assert.match(unknown.message, /country code such as EG, NG or DE/);
  await expectError(call('profile.set', { address: { country: 'Egypt' } }), 'invalid_input', 'address.country');
  assert.deepEqual(dumpLedger(db), before);
  const ok = await call('customer.create', { name: 'Lagos Prints', address: { country: 'ng' } });
  assert.equal(ok.address.country, 'NG');
});

test("a local phone number is read with the customer's country and stored in E.164", async () => {
  const { call } = await ledgerServices();
  // The Cairo customer: a local number with country EG was refused.
  const cairo = await call('customer.create', {
    name: 'Nile Bakery',
    phone: '0100 123 4567',
    address: { country: 'EG' },
  });
  assert.equal(cairo.phone, '+201001234567');
  const lagos = await call('customer.create', {
    name: 'Lagos Prints',
    phone: '0803 123 4567',
    address: { country: 'NG' },
  });
  assert.equal(lagos.phone, '+2348031234567');
  // An update of the phone alone is read with the country already stored.
  const updated = await call('customer.update', { id: lagos.id, phone: '0803 765 4321' });
  assert.equal(updated.phone, '+2348037654321');
  // International numbers keep their own country; Arabic-Indic digits are read too.
  const intl = await call('customer.create', { name: 'Intl', phone: '+49 30 901820', address: { country: 'EG' } });
  assert.equal(intl.phone, '+4930901820');
  const arabic = await call('customer.create', { name: 'عربي', phone: '٠١٠٠ ١٢٣ ٤٥٦٧', address: { country: 'EG' } });
  assert.equal(arabic.phone, '+201001234567');
  // Without any country a local number cannot be read: said so, at the field.
  const noCountry = await call('customer.create', { name: 'Nowhere' });
  await expectError(
    call('customer.update', { id: noCountry.id, phone: '0100 123 4567' }),
    'phone_needs_country',
    'phone',
  );
  await expectError(
    call('customer.create', { name: 'Bad', phone: '0100 12', address: { country: 'EG' } }),
    'invalid_input',
    'phone',
  );
  // The business profile's phone follows the same rule with the business's country.
  const p = await call('profile.set', { address: { country: 'EG' }, phone: '02 2345 6789' });
  assert.equal(p.phone, '+20223456789');
});
