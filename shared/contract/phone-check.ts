/**
 * The phone check of objects with a phone and an address (customer, profile): on its own, so that the contracts
 * that only share fields.ts (app, invoices, …) do not load libphonenumber-js's metadata at every start.
 */
import type { z } from 'zod';
import { normalizePhone } from '../phone';
import { says } from './validation';

/** For an object with a phone and an address: an issue at `phone` when it cannot be read with that country. */
export function checkPhone(
  v: { phone?: string | null | undefined; address?: { country?: string | null | undefined } | undefined },
  ctx: z.RefinementCtx,
  opts: { countryKnown: boolean },
): void {
  if (!v.phone) return;
  // Without the address in this input (an update of the phone alone), the ledger checks it with the stored country.
  if (!opts.countryKnown && v.address === undefined) return;
  const r = normalizePhone(v.phone, v.address?.country);
  if (!r.ok)
    ctx.addIssue({
      code: 'custom',
      message: says(r.problem === 'phone_needs_country' ? 'validation.phone_needs_country' : 'validation.phone'),
      path: ['phone'],
    });
}
