/** Owner of the `tax_rates` table: tax rates offered when writing lines. Lines copy rate, category and reason, so editing a rate never changes an invoice. */
import type { Database as Db } from 'better-sqlite3';
import { taxCategoryProblem } from '../../../shared/contract/fields';
import { categoryForRate } from '../../../shared/tax-default';
import type { TaxRateCreateInput, TaxRateUpdateInput } from '../../../shared/contract/ledger';
import type { TaxRate, VatCategory } from '../../../shared/domain';
import { invalid, notFound } from '../../../shared/errors';
import type { LedgerCtx } from '../context';
import { newId } from '../ids';
import { stmt } from '../sql';

interface TaxRateRow {
  id: string;
  name: string;
  rate: string;
  category: VatCategory;
  exemption_reason: string | null;
  archived: number;
}

function mapTaxRate(r: TaxRateRow): TaxRate {
  const t: TaxRate = { id: r.id, name: r.name, rate: r.rate, category: r.category, archived: r.archived === 1 };
  if (r.exemption_reason) t.exemptionReason = r.exemption_reason;
  return t;
}

export function listTaxRates(db: Db, includeArchived: boolean): TaxRate[] {
  return stmt<TaxRateRow>(
    db,
    `SELECT id, name, rate, category, exemption_reason, archived FROM tax_rates WHERE archived = 0 OR @all = 1
     ORDER BY category, CAST(rate AS REAL), name`,
  )
    .all({ all: includeArchived ? 1 : 0 })
    .map(mapTaxRate);
}

export function getTaxRate(db: Db, id: string): TaxRate {
  const r = stmt<TaxRateRow>(
    db,
    `SELECT id, name, rate, category, exemption_reason, archived FROM tax_rates WHERE id = @id`,
  ).get({ id });
  if (!r) throw notFound('tax_rate', id);
  return mapTaxRate(r);
}

export function createTaxRate(ctx: LedgerCtx, input: TaxRateCreateInput): string {
  const id = newId('tax', ctx.now);
  const at = ctx.now.toISOString();
  stmt(
    ctx.db,
    `INSERT INTO tax_rates (id, name, rate, category, exemption_reason, archived, created_at, updated_at) 
     VALUES (@id, @name, @rate, @category, @exemption_reason, 0, @at, @at)`,
  ).run({
    id,
    name: input.name,
    rate: input.rate,
    category: input.category ?? categoryForRate(input.rate),
    exemption_reason: input.exemptionReason || null,
    at,
  });
  return id;
}

export function updateTaxRate(ctx: LedgerCtx, input: TaxRateUpdateInput): void {
  const cur = getTaxRate(ctx.db, input.id);
  const next = {
    name: input.name ?? cur.name,
    rate: input.rate ?? cur.rate,
    category: input.category ?? cur.category,
    exemptionReason: input.exemptionReason === undefined ? cur.exemptionReason : input.exemptionReason || undefined,
    archived: input.archived ?? cur.archived,
  };
  const problem = taxCategoryProblem(next.category, next.rate, next.exemptionReason);
  if (problem) throw invalid('invalid_tax_rate', { problem: problem.problem }, problem.field);
  stmt(
    ctx.db,
    `UPDATE tax_rates SET name = @name, rate = @rate, category = @category, exemption_reason = @exemption_reason, archived = @archived,
       updated_at = @updated_at
     WHERE id = @id`,
  ).run({
    id: input.id,
    name: next.name,
    rate: next.rate,
    category: next.category,
    exemption_reason: next.exemptionReason ?? null,
    archived: next.archived ? 1 : 0,
    updated_at: ctx.now.toISOString(),
  });
}
