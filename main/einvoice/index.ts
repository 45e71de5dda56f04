/**
 * One entry for every e-invoice format Kassa writes for an issued invoice or credit note: UBL 2.1 (EN 16931),
 * Peppol BIS Billing 3.0 and XRechnung 3.0 in UBL syntax (ubl.ts), and Factur-X CII (main/pdf/facturx.ts, the XML
 * the PDFs embed). Used by `einvoice.xml` and by the period archive.
 */
import type { XmlFormat } from '../../shared/contract/books';
import type { BusinessProfile, Invoice } from '../../shared/domain';
import { refused } from '../../shared/errors';
import { invoiceInWords } from '../../shared/invoice-text';
import { documentLocaleOf, documentTranslator } from '../pdf/document-locale';
import { baseFileName } from '../pdf/file-names';
import { buildFacturX, type CorrectedInvoiceRef } from '../pdf/facturx';
import { buildUbl, type Endpoint } from './ubl';

export interface XmlOptions {
  buyerReference?: string | null | undefined;
  /** `SCHEME:ID`, e.g. `EM:billing@example.com` or `0204:991-12345-67`. */
  sellerEndpoint?: string | undefined;
  buyerEndpoint?: string | undefined;
}

function endpoint(text: string | undefined): Endpoint | undefined {
  if (!text) return undefined;
  const at = text.indexOf(':');
  return { scheme: text.slice(0, at), id: text.slice(at + 1).trim() };
}

/** `.ubl.xml`, `.xrechnung.xml`, `.factur-x.xml` …: what a file of this format ends with. */
export const xmlExtension = (format: XmlFormat): string => `.${format === 'facturx' ? 'factur-x' : format}.xml`;

export function xmlFileName(invoice: Pick<Invoice, 'id' | 'number'>, format: XmlFormat): string {
  return `${baseFileName(invoice)}${xmlExtension(format)}`;
}

/** The document as XML in `format`, with the rules it cannot meet; refuses drafts (a draft is not an invoice yet). */
export function einvoiceXml(
  invoice: Invoice,
  profile: BusinessProfile,
  corrected: CorrectedInvoiceRef | null,
  format: XmlFormat,
  opts: XmlOptions = {},
): { xml: string; missing: string[] } {
  if (invoice.status === 'draft') throw refused('xml_of_draft', { id: invoice.id }, 'id');
  // What Kassa words itself (an imported line's reason, BT-120; an unnamed customer, BT-44) in the document's language.
  const { language } = documentLocaleOf(invoice.customer.language, profile);
  const tr = documentTranslator(language, 'latn');
  const doc = invoiceInWords(invoice, (m) => tr.message(m));
  if (format === 'facturx') return buildFacturX({ invoice: doc, profile, corrected, language });
  return buildUbl(doc, profile, {
    language,
    variant: format,
    buyerReference: opts.buyerReference,
    sellerEndpoint: endpoint(opts.sellerEndpoint),
    buyerEndpoint: endpoint(opts.buyerEndpoint),
    corrected,
  });
}
