/**
 * Phone numbers as people type them become E.164 with the customer's country; what cannot be a (mobile) number is
 * refused with a catalogue code before anything is sent anywhere.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KassaError } from '../../shared/errors';
import { normalizeMobile, normalizePhone, phoneDigits, requireMobile } from '../../shared/phone';

const e164 = (raw: string, country?: string | null): string => {
  const r = normalizePhone(raw, country);
  assert.ok(r.ok, `${raw} (${String(country)}) should be valid, got ${r.ok ? '' : r.problem}`);
  return r.e164;
};

test('local numbers are read with the customer country; international ones keep their own code', () => {
  assert.equal(e164('0100 123 4567', 'EG'), '+201001234567');
  assert.equal(e164('0100-123-4567', 'eg'), '+201001234567');
  assert.equal(e164('(0100) 123 4567', 'EG'), '+201001234567');
  assert.equal(e164('٠١٠٠ ١٢٣ ٤٥٦٧', 'EG'), '+201001234567', 'Arabic-Indic digits');
  assert.equal(e164('0803 123 4567', 'NG'), '+2348031234567');
  assert.equal(e164('987 654 321', 'PE'), '+51987654321');
  assert.equal(e164('612 34 56 78', 'ES'), '+34612345678');
  assert.equal(e164('+20 100 123 4567', 'NG'), '+201001234567', 'a + number keeps its own country');
  assert.equal(e164('0020 100 123 4567', null), '+201001234567', '00 is the international prefix');
  assert.equal(e164('+2348031234567'), '+2348031234567');
});

test('what cannot be read is refused with the reason', () => {
  const problem = (raw: string, country?: string | null): string => {
    const r = normalizePhone(raw, country);
    assert.equal(r.ok, false, raw);
    return r.ok ? '' : r.problem;
  };
  assert.equal(problem('   '), 'phone_empty');
  assert.equal(problem('0100 123 4567'), 'phone_needs_country', 'a local number without a country');
  assert.equal(problem('0100 123 4567', 'Egypt'), 'phone_needs_country', 'a country that is not a code');
  assert.equal(problem('12', 'EG'), 'phone_invalid');
  assert.equal(problem('0100 123 45', 'EG'), 'phone_invalid', 'too short');
  assert.equal(problem('call me', 'EG'), 'phone_invalid');
  assert.equal(problem('+999 1234 5678'), 'phone_invalid', 'no such country code');
});

test('only mobile numbers can receive SMS and WhatsApp', () => {
  const landline = normalizeMobile('02 2345 6789', 'EG');
  assert.deepEqual(landline, { ok: false, problem: 'phone_not_mobile' });
  assert.equal(normalizePhone('02 2345 6789', 'EG').ok, true, 'a landline is still a valid phone number');
  assert.deepEqual(normalizeMobile('0100 123 4567', 'EG'), { ok: true, e164: '+201001234567', type: 'MOBILE' });
  // Plans that do not tell mobile from fixed lines (US) are accepted.
  assert.equal(normalizeMobile('(201) 555-0123', 'US').ok, true);
  assert.throws(
    () => requireMobile('02 2345 6789', 'EG', 'to'),
    (err: unknown) => err instanceof KassaError && err.code === 'phone_not_mobile' && err.field === 'to',
  );
  assert.equal(requireMobile('0100 123 4567', 'EG', 'to'), '+201001234567');
  assert.equal(phoneDigits('+201001234567'), '201001234567');
});
