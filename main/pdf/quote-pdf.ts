/**
 * One quote as its PDF: the invoice layout (main/pdf/render.ts) with the quote's own title — "QUOTE" in the
 * document's language (the customer's, else the business's) — its valid-until date instead of a due date, no status,
 * no payment link and no Factur-X data (a quote is not an invoice).
 */
import type { Database as Db } from 'better-sqlite3';
import type { Quote } from '../../shared/contract/quotes';
import type { BusinessProfile, Invoice } from '../../shared/domain';
import { createTranslator } from '../../shared/i18n/catalogue';
import { isLanguage } from '../../shared/i18n/languages';
import { documentLanguageOf } from '../../shared/document-style';
import { translateSqliteError } from '../ledger/sql';
import { findCustomer } from '../ledger/tables/customers';
import { getProfile } from '../ledger/tables/profile';
import { readQuote } from '../ledger/tables/quotes';
import { baseFileName } from './file-names';
import type { InvoicePdf } from './invoice-pdf';
import { renderInvoice } from './render';

/** The quote in the shape the layout draws: nothing paid, nothing owed, no provider links. */
function asDocument(q: Quote): Invoice {
  const doc: Invoice = {
    id: q.id,
    kind: 'invoice',
    number: q.number,
    series: null,
    status: 'issued',
    overdue: false,
    customerId: q.customerId,
    customer: q.customer,
    currency: q.currency,
    issueDate: q.issueDate,
    dueDate: null,
    lines: q.lines,
    discount: q.discount,
    totals: q.totals,
    paid: 0,
    refunded: 0,
    balance: 0,
    correctsInvoiceId: null,
    links: [],
    createdAt: q.createdAt,
    updatedAt: q.updatedAt,
    issuedAt: null,
  };
  if (q.notes) doc.notes = q.notes;
  if (q.terms) doc.terms = q.terms;
  return doc;
}

export async function renderLedgerQuote(
  db: Db,
  id: string,
  opts: { today: () => string; now: Date; appVersion: string },
): Promise<InvoicePdf> {
  let quote: Quote;
  let profile: BusinessProfile;
  let customerLanguage: string | undefined;
  try {
    quote = readQuote(db, id, opts.today());
    profile = getProfile(db);
    // Customers may carry a document language (read tolerantly: older ledgers have none).
    customerLanguage = (findCustomer(db, quote.customerId) as { language?: string } | undefined)?.language;
  } catch (err) {
    throw translateSqliteError(err);
  }
  const language = documentLanguageOf(customerLanguage, profile);
  const title = createTranslator({ language }).t('pdf.quote.title');
  // The whole document in the customer's language (its labels, dates and amounts), as the title.
  const document = asDocument(quote);
  if (isLanguage(customerLanguage)) document.customer = { ...document.customer, language: customerLanguage };
  const result = await renderInvoice(document, profile, {
    quote: { title, validUntil: quote.validUntil },
    facturX: false,
    appVersion: opts.appVersion,
    now: opts.now,
  });
  return { result, fileName: `${baseFileName(quote)}.pdf` };
}
