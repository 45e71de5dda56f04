/**
 * Invoice PDFs: render one to a file, preview one in the renderer, export a date range to a folder in the
 * background (progress events with the job id, cancellable). PDFs are PDF/A-3b; issued invoices carry a
 * Factur-X (EN 16931) XML attachment, and `facturX.missing` lists the EN 16931 rules the ledger data cannot meet.
 */
import { z } from 'zod';
import type { Message } from '../i18n/params';
import { isIsoDate } from './dates';
import { method } from './define';
import { checkedString, filePath, isoDate, ledgerId } from './fields';
import { says } from './validation';

export interface FacturXReport {
  /** False for drafts: a draft is not an invoice yet, so no invoice data is attached. */
  embedded: boolean;
  /** EN 16931 rules the invoice cannot meet with the data the ledger holds (empty when it should validate), in English. */
  missing: string[];
  /** The same as catalogue messages, shown in the reader's language. */
  gaps: Message[];
}

export interface PdfRenderResult {
  id: string;
  file: string;
  bytes: number;
  pages: number;
  facturX: FacturXReport;
}

export interface PdfPreviewResult {
  id: string;
  /** The PDF, base64-encoded (the renderer turns it into a blob: URL). */
  base64: string;
  bytes: number;
  pages: number;
  /** Suggested file name, e.g. "INV-2026-0001.pdf". */
  fileName: string;
  facturX: FacturXReport;
}

export type PdfExportState = 'running' | 'done' | 'cancelled' | 'failed';

export interface PdfExportStatus {
  jobId: string;
  state: PdfExportState;
  outDir: string;
  from: string | null;
  to: string | null;
  total: number;
  /** Invoices finished so far (written + failed). */
  done: number;
  written: number;
  failed: number;
  /** The first failures (id and reason), at most 20. */
  errors: Array<{ id: string; problem: Message; message: string }>;
  /** Set when the job as a whole failed. */
  error?: Message;
  seconds: number;
}

export const pdfExportInput = z
  .object({
    /** Issue dates from/to, inclusive. Without both, every invoice is exported, drafts included. */
    from: isoDate().optional(),
    to: isoDate().optional(),
    /** Only the CLI may name a folder; other callers get <data dir>/exports/pdf-<stamp>/. */
    outDir: filePath().optional(),
  })
  .strict()
  .refine((v) => !v.from || !v.to || !isIsoDate(v.from) || !isIsoDate(v.to) || v.from <= v.to, {
    error: says('validation.from_after_to'),
    path: ['from'],
  });

export interface TextCheckResult {
  /** The fields with characters no PDF font can draw (printed as a fallback glyph), each character once. */
  problems: Array<{ field: string; characters: string[] }>;
}

export const pdfCheckTextInput = z
  .object({
    texts: z
      .array(
        z
          .object({
            /** The caller's own name for where the text is (e.g. "notes", "lines.2.description"). */
            field: checkedString(100),
            text: checkedString(10_000, { lines: true }),
          })
          .strict(),
      )
      .max(2_000),
  })
  .strict();

/** The texts of a document that get printed, named as the composer names its fields. */
export function documentTexts(doc: {
  lines: ReadonlyArray<{ description: string }>;
  notes?: string | null | undefined;
  terms?: string | null | undefined;
}): Array<{ field: string; text: string }> {
  const out = doc.lines.map((l, i) => ({ field: `lines.${i}.description`, text: l.description }));
  if (doc.notes) out.push({ field: 'notes', text: doc.notes });
  if (doc.terms) out.push({ field: 'terms', text: doc.terms });
  return out;
}

const jobId = z.string({ error: says('validation.not_text') }).uuid({ error: says('validation.id') });

export const pdfMethods = {
  'pdf.render': method<PdfRenderResult>()(
    z.object({ id: ledgerId(), file: filePath().optional() }).strict(),
    'Writes the invoice as a PDF/A-3b file (Factur-X attached when issued); only the CLI may choose the path.',
  ),
  'pdf.preview': method<PdfPreviewResult>()(
    z.object({ id: ledgerId() }).strict(),
    'The invoice PDF as base64, for the preview.',
  ),
  'pdf.checkText': method<TextCheckResult>()(
    pdfCheckTextInput,
    'Characters the PDF fonts cannot draw (emoji, rare symbols), per field, so they can be fixed before issuing.',
  ),
  'pdf.export': method<PdfExportStatus>()(
    pdfExportInput,
    'Starts exporting the invoices issued in a date range as one PDF each (worker threads); progress events carry the job id.',
  ),
  'pdf.exportStatus': method<PdfExportStatus>()(z.object({ jobId }).strict(), 'Where an export job is.'),
  'pdf.cancelExport': method<PdfExportStatus>()(
    z.object({ jobId }).strict(),
    'Stops an export: files already written stay, no half-written file is left behind.',
  ),
};
