/**
 * The bookkeeper's contract: closing and reopening periods, the VAT summary of a period, e-invoice XML
 * (UBL 2.1 / Peppol BIS 3.0 / XRechnung / Factur-X CII) for one document, the tamper-evident record, and
 * the period archive (export + verify).
 */
import type { Message } from '../i18n/params';
import { z } from 'zod';
import type { VatCategory } from '../domain';
import type { Minor } from '../money';
import { isIsoDate } from './dates';
import { method } from './define';
import type { Actor } from './invoices';
import type { CheckProblem } from './ledger';
import { LIMITS, filePath, isoDate, ledgerId, optionalText, requiredText } from './fields';
import { says } from './validation';

// ---- periods ----

/** A month `YYYY-MM` or a quarter `YYYY-QN`. */
export type PeriodId = string;

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_RE = /^(\d{4})-[Qq]([1-4])$/;

function lastDay(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `2026-03` → 2026-03-01…2026-03-31; `2026-Q1` → 2026-01-01…2026-03-31; anything else → null. */
export function parsePeriod(text: string): { period: PeriodId; from: string; to: string } | null {
  const m = MONTH_RE.exec(text.trim());
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (y < 1900 || y > 2199) return null;
    return { period: `${m[1]}-${m[2]}`, from: `${m[1]}-${m[2]}-01`, to: lastDay(y, mo) };
  }
  const q = QUARTER_RE.exec(text.trim());
  if (q) {
    const [y, n] = [Number(q[1]), Number(q[2])];
    if (y < 1900 || y > 2199) return null;
    const first = (n - 1) * 3 + 1;
    return { period: `${q[1]}-Q${n}`, from: `${q[1]}-${String(first).padStart(2, '0')}-01`, to: lastDay(y, first + 2) };
  }
  return null;
}

export const periodId = z
  .string({ error: says('validation.period') })
  .max(10, { error: says('validation.period') })
  .refine((v) => parsePeriod(v) !== null, { error: says('validation.period') })
  .transform((v) => (parsePeriod(v) as { period: string }).period);

export interface ClosedPeriod {
  period: PeriodId;
  from: string;
  to: string;
  closedAt: string;
  actor: Actor;
  note: string | null;
}

export interface PeriodEvent {
  id: number;
  period: PeriodId;
  from: string;
  to: string;
  action: 'closed' | 'reopened';
  at: string;
  actor: Actor;
  reason: string | null;
}

export interface PeriodsOverview {
  closed: ClosedPeriod[];
  /** The latest closes and reopens, newest first. */
  history: PeriodEvent[];
}

// ---- VAT summary ----

export interface VatAmounts {
  /** Documents that have a line in this group. */
  count: number;
  /** Taxable base (BT-116 summed), minor units. */
  taxable: Minor;
  /** VAT (BT-117 summed), minor units. */
  tax: Minor;
}

export interface VatRateRow {
  category: VatCategory;
  rate: string;
  /** Every exemption reason the documents of this group give (E, AE, K, G, O…). */
  exemptionReasons: string[];
  /** Providers whose imported documents are in this group: their reason is worded where it is shown (shared/invoice-text.ts). */
  importedFrom: string[];
  invoices: VatAmounts;
  creditNotes: VatAmounts;
  /** Invoices minus credit notes. */
  net: { taxable: Minor; tax: Minor };
}

export interface VatDocumentTotals {
  count: number;
  /** Sum of the documents' tax-exclusive amounts (BT-109). */
  taxExclusive: Minor;
  tax: Minor;
  /** Sum of the documents' totals (BT-112). */
  total: Minor;
}

export interface VatCurrency {
  currency: string;
  rows: VatRateRow[];
  invoices: VatDocumentTotals;
  creditNotes: VatDocumentTotals;
  /** Invoices minus credit notes. */
  net: { taxExclusive: Minor; tax: Minor; total: Minor };
  /** Invoices cancelled without being fully credited: void, left out of every figure above. */
  cancelled: { count: number; total: Minor };
}

export interface VatSummary {
  from: string;
  to: string;
  generatedAt: string;
  /** Every document of the range that counts (invoices and credit notes; cancelled ones not). */
  documents: number;
  currencies: VatCurrency[];
  /** The closed periods that cover the range (empty when none does). */
  closedPeriods: PeriodId[];
  /** The record chain's head when the summary was made. */
  chainHead: { length: number; hash: string };
}

const range = {
  from: isoDate(),
  to: isoDate(),
};
const rangeInOrder = (v: { from: string; to: string }): boolean =>
  !isIsoDate(v.from) || !isIsoDate(v.to) || v.from <= v.to;
const RANGE_ORDER = { error: says('validation.from_after_to'), path: ['from'] };

export const VAT_FILE_FORMATS = ['json', 'csv', 'pdf'] as const;
export type VatFileFormat = (typeof VAT_FILE_FORMATS)[number];

export interface ReportFile {
  format: string;
  fileName: string;
  /** Where it was written; null when returned inline. */
  file: string | null;
  bytes: number;
  /** The content, base64, when asked inline (the app's downloads). */
  base64: string | null;
}

// ---- e-invoices ----

export const XML_FORMATS = ['ubl', 'peppol', 'xrechnung', 'facturx'] as const;
export type XmlFormat = (typeof XML_FORMATS)[number];

/** An electronic address (BT-34 / BT-49): an EAS scheme code and the identifier, e.g. `0204:04011000-12345-03`. */
const endpoint = () =>
  z
    .string({ error: says('validation.not_text') })
    .max(200, { error: says('validation.too_long') })
    .regex(/^[A-Z0-9]{2,4}:\S.*$/, { error: says('validation.endpoint') })
    .optional();

export const invoiceXmlInput = z
  .object({
    id: ledgerId(),
    format: z.enum(XML_FORMATS).default('ubl'),
    /** BT-10: the buyer's reference; XRechnung requires it (the Leitweg-ID for German public buyers). */
    buyerReference: optionalText(200),
    /** BT-34, the seller's electronic address; defaults to the profile's email (scheme EM). */
    sellerEndpoint: endpoint(),
    /** BT-49, the buyer's electronic address; defaults to the customer's email (scheme EM). */
    buyerEndpoint: endpoint(),
    /** Only the CLI may name a path; other callers get the XML inline. */
    file: filePath().optional(),
  })
  .strict();
export type InvoiceXmlInput = z.output<typeof invoiceXmlInput>;

export interface InvoiceXmlResult {
  id: string;
  format: XmlFormat;
  fileName: string;
  /** Where it was written, or null when the XML is returned inline. */
  file: string | null;
  xml: string | null;
  bytes: number;
  /** Rules (EN 16931 and, for Peppol / XRechnung, theirs) the document cannot meet with the data Kassa holds. */
  missing: string[];
}

// ---- the record ----

export const RECORD_KINDS = [
  'invoice',
  'credit_note',
  'cancellation',
  'payment',
  'payment_void',
  'refund',
  'refund_void',
  'period_closed',
  'period_reopened',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface RecordStatus {
  ok: boolean;
  /** Entries in the chain. */
  length: number;
  /** The last entry's hash (64 zeros while empty). */
  head: string;
  headAt: string | null;
  problems: CheckProblem[];
  problemCount: number;
}

// ---- the period archive ----

export interface ArchiveManifestFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface ArchiveStatus {
  jobId: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  /** Rendering the documents, then hashing (and zipping) the files. */
  phase: 'documents' | 'packing';
  from: string;
  to: string;
  format: XmlFormat;
  /** The archive (.zip) or folder being written. */
  target: string;
  total: number;
  done: number;
  failed: number;
  errors: Array<{ id: string; message: string }>;
  /** Set when the job failed as a whole (a catalogue message). */
  error?: Message;
  /** The manifest's own SHA-256 and the chain head it records, once done. */
  manifestSha256: string | null;
  chainHead: { length: number; hash: string } | null;
  seconds: number;
}

export interface ArchiveInfo {
  file: string;
  fileName: string;
  bytes: number;
  createdAt: string;
}

export interface VerifyReport {
  ok: boolean;
  archive: string;
  /** Files the manifest lists. */
  files: number;
  /** Files whose bytes or size differ from the manifest. */
  changed: string[];
  /** Files the manifest lists that are not in the archive. */
  missing: string[];
  /** Files in the archive that the manifest does not list. */
  unexpected: string[];
  /** The range, chain head and creation time the manifest records. */
  from: string | null;
  to: string | null;
  chainHead: { length: number; hash: string } | null;
  createdAt: string | null;
  /** Why the archive could not be read at all (not a zip, no manifest): `error.<code>` with params; null otherwise. */
  error: { code: string; message: string; params: Record<string, string> } | null;
}

const jobId = z.string({ error: says('validation.not_text') }).uuid({ error: says('validation.id') });

export const archiveInput = z
  .object({
    ...range,
    format: z.enum(XML_FORMATS).default('ubl'),
    /** Only the CLI may name the target (a folder, or a file ending in .zip); others get <data dir>/exports/. */
    out: filePath().optional(),
  })
  .strict()
  .refine(rangeInOrder, RANGE_ORDER);

export const periodMethods = {
  'period.list': method<PeriodsOverview>()(z.object({}).strict(), 'Closed periods and the latest closes and reopens.'),
  'period.close': method<ClosedPeriod>()(
    z.object({ period: periodId, note: optionalText(LIMITS.reason) }).strict(),
    'Closes a month or quarter: nothing can then be issued, credited, paid or cancelled with a date in it.',
  ),
  'period.reopen': method<PeriodEvent>()(
    z.object({ period: periodId, reason: requiredText(LIMITS.reason) }).strict(),
    'Reopens a closed month or quarter; the reason is recorded in the period history and the record.',
  ),
};

export const recordMethods = {
  'record.verify': method<RecordStatus>()(
    z.object({}).strict(),
    'Recomputes the record chain from the ledger; names every document changed outside Kassa.',
  ),
};

export const vatMethods = {
  'report.vat': method<VatSummary>()(
    z.object(range).strict().refine(rangeInOrder, RANGE_ORDER),
    'VAT summary of the documents issued in a date range: per currency, category and rate.',
  ),
  'report.vatFile': method<ReportFile>()(
    z
      .object({
        ...range,
        format: z.enum(VAT_FILE_FORMATS),
        file: filePath().optional(),
        inline: z.boolean().default(false),
      })
      .strict()
      .refine(rangeInOrder, RANGE_ORDER),
    'The VAT summary as JSON, CSV or a one-page PDF: written to a file (only the CLI may choose the path) or inline.',
  ),
};

export const xmlMethods = {
  'einvoice.xml': method<InvoiceXmlResult>()(
    invoiceXmlInput,
    'An issued invoice or credit note as an e-invoice: UBL 2.1 (EN 16931), Peppol BIS 3.0, XRechnung or Factur-X CII.',
  ),
};

export const archiveMethods = {
  'archive.start': method<ArchiveStatus>()(
    archiveInput,
    'Starts the bookkeeper archive of a date range (PDFs, XML, CSV journal, VAT summary, manifest); progress events carry the job id.',
  ),
  'archive.status': method<ArchiveStatus>()(z.object({ jobId }).strict(), 'Where an archive job is.'),
  'archive.cancel': method<ArchiveStatus>()(
    z.object({ jobId }).strict(),
    'Stops an archive job; nothing half-written is left.',
  ),
  'archive.list': method<ArchiveInfo[]>()(z.object({}).strict(), 'Archives in <data dir>/exports, newest first.'),
  'archive.verify': method<VerifyReport>()(
    z.object({ file: filePath() }).strict(),
    'Checks an archive against its manifest, without the ledger. The app may verify archives in its exports folder only.',
  ),
};

/** What shared/api.ts spreads. */
export const booksMethods = {
  ...periodMethods,
  ...recordMethods,
  ...vatMethods,
  ...xmlMethods,
  ...archiveMethods,
};
