/**
 * The business's default tax rate: set from the profile or when a rate is created, never an archived rate, and a
 * rate cannot be archived while it is the default (new lines would silently lose their VAT). Lines that name no
 * VAT get it through shared/tax-default.ts when they are written (drafts.ts).
 */
import type { TaxRateCreateInput, TaxRateUpdateInput } from '../../shared/contract/ledger';
import { refused } from '../../shared/errors';
import type { LedgerCtx } from './context';
import { getProfile, setProfile } from './tables/profile';
import { createTaxRate, getTaxRate, updateTaxRate } from './tables/tax-rates';

export function assertUsableDefault(ctx: LedgerCtx, id: string | null | undefined): void {
  if (!id) return;
  if (getTaxRate(ctx.db, id).archived) throw refused('tax_rate_archived', {}, 'defaultTaxRateId');
}

export function addTaxRate(ctx: LedgerCtx, input: TaxRateCreateInput): string {
  const id = createTaxRate(ctx, input);
  if (input.makeDefault) setProfile(ctx, { defaultTaxRateId: id });
  return id;
}

export function changeTaxRate(ctx: LedgerCtx, input: TaxRateUpdateInput): void {
  if (input.archived && getProfile(ctx.db, { withLogo: false }).defaultTaxRateId === input.id)
    throw refused('tax_rate_is_default', {}, 'archived');
  updateTaxRate(ctx, input);
}
