/**
 * What a shared message says about an invoice, read from the ledger: the facts the templates need, the customer's
 * current address and number (falling back to the invoice's frozen copy), and the document language.
 */
import type { Database as Db } from 'better-sqlite3';
import { daysBetween } from '../../shared/contract/dates';
import type { BusinessProfile, Invoice } from '../../shared/domain';
import type { Digits, Language } from '../../shared/i18n/languages';
import { documentDigitsOf, documentLanguageOf } from '../../shared/document-style';
import type { ShareFacts } from '../../shared/share/templates';
import { findCustomer } from '../ledger/tables/customers';

export interface Recipient {
  name: string;
  email: string | null;
  phone: string | null;
  /** ISO 3166-1 alpha-2, for reading a local phone number: the customer's, else the business's. */
  country: string | null;
  language: Language;
  /** The digits of the document language's numbers (the business's choice for Arabic). */
  digits: Digits;
}

export function shareFactsOf(invoice: Invoice, profile: BusinessProfile, today: string): ShareFacts {
  const due = invoice.dueDate;
  return {
    kind: invoice.kind,
    number: invoice.number ?? '',
    business: profile.name,
    customer: invoice.customer.name,
    currency: invoice.currency,
    total: invoice.totals.total,
    balance: invoice.balance,
    issueDate: invoice.issueDate ?? today,
    dueDate: due,
    paymentUrl: invoice.links.find((l) => l.paymentUrl)?.paymentUrl ?? null,
    daysOverdue: due && today > due ? daysBetween(due, today) : 0,
  };
}

/** The customer as a recipient: its current record when it still exists, else what the invoice kept. */
export function recipientOf(db: Db, invoice: Invoice, profile: BusinessProfile): Recipient {
  const live = invoice.customerId ? findCustomer(db, invoice.customerId) : undefined;
  const snap = invoice.customer;
  const language = documentLanguageOf(live?.language ?? snap.language, profile);
  return {
    name: live?.name ?? snap.name,
    email: live?.email ?? snap.email ?? null,
    phone: live?.phone ?? snap.phone ?? null,
    // A local number is read with the customer's country, else the business's (as the customer form reads it).
    country: live?.address.country ?? snap.address.country ?? profile.address.country ?? null,
    language,
    digits: documentDigitsOf(language, profile),
  };
}
