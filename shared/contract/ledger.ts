/**
 * The ledger's contract: business profile, tax rates, numbering series, dashboard, backup/restore/check,
 * CSV export — and, spread in, customers and invoices. `ledgerMethods` is what shared/api.ts spreads.
 */
import { z } from 'zod';
import type { BusinessProfile, TaxRate } from '../domain';
import type { ParamValues } from '../i18n/params';
import type { Minor } from '../money';
import { customerMethods } from './customers';
import { msg } from '../i18n/keys';
import { method } from './define';
import {
  LIMITS,
  addProblem,
  address,
  currencyCode,
  email,
  filePath,
  isoDate,
  ledgerId,
  locale,
  optionalText,
  percent,
  phone,
  requiredText,
  taxCategoryProblem,
  text,
  vatCategory,
  wholeNumber,
} from './fields';
import { checkPhone } from './phone-check';
import { categoryForRate } from '../tax-default';
import { DIGITS, DOCUMENT_LAYOUTS } from '../document-style';
import { LANGUAGES } from '../i18n/languages';
import { invoiceFilterFields, invoiceMethods } from './invoices';
import { says } from './validation';

export const profileSetInput = z
  .object({
    name: text(LIMITS.name).optional(),
    address: address.optional(),
    email,
    phone,
    taxId: optionalText(LIMITS.taxId),
    vatId: optionalText(LIMITS.taxId),
    locale: locale.optional(),
    defaultCurrency: currencyCode.optional(),
    paymentTermsDays: wholeNumber().min(0).max(365).optional(),
    /** The tax rate new lines use when they name none; null clears it. */
    defaultTaxRateId: ledgerId().nullable().optional(),
    /** The language of documents for customers without one; null: the locale's language. */
    language: z.enum(LANGUAGES).nullable().optional(),
    documentLayout: z.enum(DOCUMENT_LAYOUTS).optional(),
    documentDigits: z.enum(DIGITS).optional(),
    logo: z
      .object({
        mime: z.enum(['image/png', 'image/jpeg']),
        base64: z
          .string()
          .max(LIMITS.logoBase64, { error: says('validation.too_large') })
          .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: says('validation.logo_base64') }),
      })
      .strict()
      .superRefine((logo, ctx) => {
        const ok = logo.mime === 'image/png' ? logo.base64.startsWith('iVBORw0KGgo') : logo.base64.startsWith('/9j/');
        if (!ok)
          addProblem(ctx, msg('validation.logo_format', { format: logo.mime === 'image/png' ? 'PNG' : 'JPEG' }), [
            'base64',
          ]);
      })
      .nullable()
      .optional(),
  })
  .strict()
  .superRefine((v, ctx) => checkPhone(v, ctx, { countryKnown: false }));
export type ProfileSetInput = z.output<typeof profileSetInput>;

export const taxRateCreateInput = z
  .object({
    name: requiredText(LIMITS.name),
    rate: percent(),
    /** Follows from the rate when left out (above 0: S, 0: Z); an exemption is chosen explicitly, with its reason. */
    category: vatCategory.optional(),
    exemptionReason: optionalText(LIMITS.reason),
    /** Makes it the business's default tax rate (the one new lines use). */
    makeDefault: z.boolean().default(false),
  })
  .strict()
  .superRefine((v, ctx) => {
    const p = taxCategoryProblem(v.category ?? categoryForRate(v.rate), v.rate, v.exemptionReason ?? undefined);
    if (p) addProblem(ctx, p.problem, [p.field]);
  });
export const taxRateUpdateInput = z
  .object({
    id: ledgerId(),
    name: requiredText(LIMITS.name).optional(),
    rate: percent().optional(),
    category: vatCategory.optional(),
    exemptionReason: optionalText(LIMITS.reason),
    archived: z.boolean().optional(),
  })
  .strict();
export type TaxRateCreateInput = z.output<typeof taxRateCreateInput>;
export type TaxRateUpdateInput = z.output<typeof taxRateUpdateInput>;

export interface SeriesCounter {
  year: number;
  /** First number of the year. */
  start: number;
  /** The number the next issued document of that year gets. */
  next: number;
  lastIssueDate: string | null;
}
export interface SeriesInfo {
  code: string;
  kind: 'invoice' | 'credit_note' | 'external' | 'quote';
  prefix: string | null;
  /** Example of the next number for the current year, e.g. INV-2026-0001 (null for external series). */
  example: string | null;
  counters: SeriesCounter[];
}

export interface CurrencyTotals {
  currency: string;
  /** Unpaid balance of issued, partially paid and expired invoices. */
  outstanding: Minor;
  outstandingCount: number;
  /** The part of `outstanding` that is past due (issued or partially paid). */
  overdue: Minor;
  overdueCount: number;
  /** Payments (not voided) dated in the current month. */
  paidThisMonth: Minor;
  paidThisMonthCount: number;
  /** Refunds (not voided) dated in the current month: money paid back. */
  refundedThisMonth: Minor;
  refundedThisMonthCount: number;
  /** paidThisMonth − refundedThisMonth: what the month brought in, net of refunds. */
  receivedThisMonth: Minor;
  /** Credit notes issued in the current month (already netted out of `outstanding`). */
  creditedThisMonth: Minor;
  creditedThisMonthCount: number;
  /** Money owed back to customers: invoices that received more than they ask for (paid then credited, overpaid). */
  refundOwed: Minor;
  refundOwedCount: number;
}
export interface DashboardTotals {
  asOf: string;
  month: { from: string; to: string };
  currencies: CurrencyTotals[];
}

export interface CheckProblem {
  code: string;
  /** English text (CLI, logs); screens show `check.<code>` with `params` when the catalogue has it. */
  message: string;
  params?: ParamValues;
  invoiceId?: string;
  details?: Record<string, unknown>;
}
export interface CheckReport {
  ok: boolean;
  /** PRAGMA integrity_check output ("ok" when healthy). */
  integrity: string[];
  foreignKeyViolations: number;
  problems: CheckProblem[];
  counts: {
    invoices: number;
    issued: number;
    drafts: number;
    creditNotes: number;
    payments: number;
    customers: number;
  };
  /** Invariants that were checked, as ids: a screen shows `check.invariant.<id>` (main/ledger/check-problem.ts). */
  checked: string[];
  /** The record chain: entries verified and the head hash (64 zeros while empty). */
  record: { length: number; head: string };
}

/** auto: made by the app each day; manual: made by the user; before-restore / before-upgrade: safety copies. */
export const BACKUP_KINDS = ['auto', 'manual', 'before-restore', 'before-upgrade'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** The ledger's numbering is behind the marks kept outside it (see main/ledger/high-water.ts). */
export interface NumberingRollback {
  series: Array<{ series: string; year: number; next: number; mark: number }>;
  /** The ledger file was missing or empty while backups exist beside it. */
  freshBesideBackups: boolean;
}

/** A ledger that went back, as the app shows it: each series behind its mark with the numbers a person reads. */
export interface NumberingStop {
  series: Array<
    NumberingRollback['series'][number] & {
      /** The highest number issued before (mark − 1), e.g. INV-2026-0070. */
      lastIssued: string;
      /** The highest number the ledger still has, or null when it has none in that year. */
      lastKept: string | null;
      /** What the next document would get if the ledger is accepted as it is. */
      nextNumber: string;
    }
  >;
  freshBesideBackups: boolean;
}

export interface BackupInfo {
  file: string;
  bytes: number;
  createdAt: string;
  kind: BackupKind;
}

export interface AutoBackupResult {
  /** The copy made now (checked with SQLite's integrity check), or null when today's copy exists already. */
  made: (BackupInfo & { integrity: string[] }) | null;
  /** Older automatic copies removed by the retention (7 daily + 4 weekly). */
  removed: string[];
}

/** The automatic copies as the app shows them; `next` is main's own schedule (main/ledger/backup-service.ts). */
export interface AutoBackupStatus {
  /** The user's preference: automatic copies on or off. */
  enabled: boolean;
  /** The newest automatic copy, or null when none exists. */
  last: BackupInfo | null;
  /** How many automatic copies are kept now. */
  copies: number;
  /**
   * When the next copy is made: `soon` (today's is still to be made; the running app looks for due work every
   * minute) or the local day it will be made on; null while automatic copies are off.
   */
  next: { soon: true } | { day: string } | null;
}

export const exportCsvInput = z
  .object({
    what: z.enum(['invoices', 'lines']),
    /** Where to write. Only the CLI may name a path; other callers get a file in <data dir>/exports. */
    file: filePath().optional(),
    /** Return the CSV text instead of writing a file (at most 200,000 rows). */
    inline: z.boolean().default(false),
    filter: z.object(invoiceFilterFields).strict().optional(),
  })
  .strict();
export type ExportCsvInput = z.output<typeof exportCsvInput>;
export interface ExportCsvResult {
  what: 'invoices' | 'lines';
  rows: number;
  file: string | null;
  csv: string | null;
}

export const ledgerOwnMethods = {
  'profile.get': method<BusinessProfile>()(
    z.object({}).strict(),
    'The business profile (name, address, VAT id, locale, currency, terms, logo).',
  ),
  'profile.set': method<BusinessProfile>()(profileSetInput, 'Changes the business profile (absent fields are kept).'),
  'taxRate.list': method<TaxRate[]>()(
    z.object({ includeArchived: z.boolean().default(false) }).strict(),
    'Tax rates, by category and rate.',
  ),
  'taxRate.create': method<TaxRate>()(
    taxRateCreateInput,
    'Adds a tax rate (EN 16931 category, exemption reason where required).',
  ),
  'taxRate.update': method<TaxRate>()(
    taxRateUpdateInput,
    'Changes or archives a tax rate; lines already written keep their copy.',
  ),
  'series.list': method<SeriesInfo[]>()(z.object({}).strict(), 'Numbering series and their yearly counters.'),
  'series.setStart': method<SeriesInfo>()(
    z
      .object({
        series: z.enum(['INV', 'CN', 'QUO']),
        year: wholeNumber().min(1900).max(2199),
        start: wholeNumber().min(1).max(99_999_999),
      })
      .strict(),
    'Sets the first number of a series for a year (only before anything was numbered in that year).',
  ),
  'series.setPrefix': method<SeriesInfo>()(
    z
      .object({
        series: z.enum(['INV', 'CN', 'QUO']),
        prefix: z
          .string({ error: says('validation.series_prefix') })
          .max(10, { error: says('validation.series_prefix') })
          .regex(/^[A-Za-z0-9]{1,10}$/, { error: says('validation.series_prefix') })
          .transform((v) => v.toUpperCase()),
      })
      .strict(),
    'Changes the prefix of a series (only while nothing was ever numbered in it; no two series share a prefix).',
  ),
  'series.acceptNumbering': method<SeriesInfo[]>()(
    z.object({}).strict(),
    'After the ledger went backwards (older copy, emptied, lost WAL): accept it as it is and resume numbering from its counters.',
  ),
  'dashboard.totals': method<DashboardTotals>()(
    z.object({ asOf: isoDate().optional() }).strict(),
    'Per currency: outstanding, overdue and paid this month.',
  ),
  'ledger.backup': method<BackupInfo>()(
    z.object({ file: filePath().optional() }).strict(),
    'Online backup of the ledger (safe while it is in use). Only the CLI may choose the path.',
  ),
  'ledger.backups': method<BackupInfo[]>()(z.object({}).strict(), 'Backups in <data dir>/backups, newest first.'),
  'ledger.autoBackup': method<AutoBackupResult>()(
    z.object({ force: z.boolean().default(false) }).strict(),
    "Today's automatic backup (unless made already, or forced): a checked copy, then the oldest automatic copies beyond 7 daily + 4 weekly are removed.",
  ),
  'ledger.autoBackupStatus': method<AutoBackupStatus>()(
    z.object({}).strict(),
    'The automatic copies: on or off, the newest, how many are kept, and when the running app makes the next one.',
  ),
  'ledger.restore': method<{ restoredFrom: string; safetyBackup: string; schemaVersion: number; check: CheckReport }>()(
    z.object({ file: filePath() }).strict(),
    'Replaces the ledger with a checked backup (a safety backup of the current ledger is made first).',
  ),
  'ledger.check': method<CheckReport>()(z.object({}).strict(), 'PRAGMA integrity_check plus the ledger invariants.'),
  'export.csv': method<ExportCsvResult>()(exportCsvInput, 'CSV of invoices or of line items (amounts in major units).'),
};

export const ledgerMethods = {
  ...ledgerOwnMethods,
  ...customerMethods,
  ...invoiceMethods,
};
