/**
 * Which VAT a line gets when the user (or a script) does not say everything: one rule for the composer's new
 * lines, the ledger and the CLI.
 *
 * - nothing given → the business's default tax rate (rate, category and exemption reason);
 * - a rate alone → that rate, its category following from it (above 0: standard "S"; 0: zero-rated "Z");
 * - a category alone → 0 % for the zero and exempt categories, the default rate when the default has that
 *   category, otherwise the rate must be given;
 * - both → as given (an exemption is always the user's explicit choice, with its reason).
 */
import type { TaxRate, VatCategory } from './domain';

/** Categories whose rate is always 0 (EN 16931 BR-Z/E/AE/IC/G/O-xx). */
export const ZERO_RATE_CATEGORIES: readonly VatCategory[] = ['Z', 'E', 'AE', 'K', 'G', 'O'];

/** The category a rate implies when the user picked no exemption. */
export const categoryForRate = (rate: string): VatCategory => (Number(rate) > 0 ? 'S' : 'Z');

export interface LineTaxInput {
  taxRate?: string | undefined;
  taxCategory?: VatCategory | undefined;
  exemptionReason?: string | null | undefined;
}

export interface LineTax {
  taxRate: string;
  taxCategory: VatCategory;
  exemptionReason?: string;
}

export type DefaultTax = Pick<TaxRate, 'rate' | 'category' | 'exemptionReason'>;

/** The line's VAT, or null when it cannot be known (no rate given and no default that fits). */
export function resolveLineTax(line: LineTaxInput, fallback: DefaultTax | null): LineTax | null {
  const reason = line.exemptionReason || undefined;
  const withReason = (t: LineTax, r: string | undefined): LineTax => (r ? { ...t, exemptionReason: r } : t);
  if (line.taxRate !== undefined && line.taxCategory !== undefined)
    return withReason({ taxRate: line.taxRate, taxCategory: line.taxCategory }, reason);
  if (line.taxRate !== undefined)
    return withReason({ taxRate: line.taxRate, taxCategory: categoryForRate(line.taxRate) }, reason);
  if (line.taxCategory !== undefined) {
    if (ZERO_RATE_CATEGORIES.includes(line.taxCategory))
      return withReason({ taxRate: '0', taxCategory: line.taxCategory }, reason);
    if (fallback && fallback.category === line.taxCategory)
      return withReason({ taxRate: fallback.rate, taxCategory: line.taxCategory }, reason ?? fallback.exemptionReason);
    return null;
  }
  if (!fallback) return null;
  return withReason({ taxRate: fallback.rate, taxCategory: fallback.category }, reason ?? fallback.exemptionReason);
}
