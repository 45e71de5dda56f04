/**
 * Domain types shared by main and renderer. Amounts are integer minor units of the invoice currency;
 * quantities and tax rates are exact decimal strings; dates are YYYY-MM-DD.
 */
import type { Minor } from './money';
import type { Digits, Language } from './i18n/languages';
import type { DocumentLayout } from './document-style';

export type IsoDate = string; // YYYY-MM-DD
export type IsoDateTime = string; // RFC 3339, UTC
export type DecimalString = string;

/** EN 16931 VAT category codes (UNCL5305 subset used by BT-151 / BT-118). */
export const VAT_CATEGORIES = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O', 'L', 'M'] as const;
export type VatCategory = (typeof VAT_CATEGORIES)[number];
/** Categories for which EN 16931 requires an exemption reason (BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10). */
export const EXEMPT_CATEGORIES: readonly VatCategory[] = ['E', 'AE', 'K', 'G', 'O'];

export interface Address {
  line1?: string;
  line2?: string;
  city?: string;
  postalCode?: string;
  region?: string;
  /** ISO 3166-1 alpha-2 */
  country?: string;
}

export interface BusinessProfile {
  name: string;
  address: Address;
  email?: string;
  phone?: string;
  taxId?: string;
  vatId?: string;
  /** BCP 47 locale used for amounts and dates on screen and in PDFs, e.g. "en-GB", "ar-EG". */
  locale: string;
  defaultCurrency: string;
  /** Days between issue and due date when a draft does not set one. */
  paymentTermsDays: number;
  /** PNG or JPEG, base64 (no data: prefix); null when none. */
  logo?: { mime: 'image/png' | 'image/jpeg'; base64: string } | null;
  /** The tax rate new lines use when they name none (shared/tax-default.ts); absent until the user picks one. */
  defaultTaxRateId?: string;
  /** The language of documents for customers without one of their own; absent: the locale's language. */
  language?: Language;
  /** `bilingual`: Arabic and English documents print their labels in both languages (shared/document-style.ts). */
  documentLayout?: DocumentLayout;
  /** Digits of Arabic documents: Latin (default) or Arabic-Indic. */
  documentDigits?: Digits;
}

export interface Customer {
  id: string;
  name: string;
  email?: string;
  /** E.164, e.g. +201001234567 */
  phone?: string;
  address: Address;
  taxId?: string;
  vatId?: string;
  notes?: string;
  /** The language their documents are written in; absent: the business's (its locale's language). */
  language?: Language;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

/** What an issued invoice keeps of its customer: later edits of the customer never change it. */
export type CustomerSnapshot = Pick<Customer, 'name' | 'email' | 'phone' | 'address' | 'taxId' | 'vatId' | 'language'>;

export interface TaxRate {
  id: string;
  name: string;
  /** Percentage as a decimal string, e.g. "14" or "7.5". */
  rate: DecimalString;
  category: VatCategory;
  exemptionReason?: string;
  archived: boolean;
}

/**
 * What Kassa knows of a line it imported from a provider, kept as data so its texts are written in the reader's
 * language (shared/invoice-text.ts): the provider's name, and for the one line that carries a whole remote invoice
 * (its items were unknown or did not add up) the provider's invoice number.
 */
export interface ImportedLine {
  provider: string;
  number?: string;
}

export interface LineItem {
  /** On an imported whole-invoice line: the provider's number (what is shown is made from `imported`). */
  description: string;
  /** Up to 3 decimal places, > 0 on invoices (credit notes carry positive quantities too). */
  quantity: DecimalString;
  /** UN/ECE rec 20 unit code; C62 ("one") when omitted. */
  unitCode?: string;
  unitPrice: Minor;
  /** Per-line allowance in minor units, >= 0 and <= the line's gross amount. */
  discount?: Minor;
  taxRate: DecimalString;
  taxCategory: VatCategory;
  exemptionReason?: string;
  /** Imported from a provider: its exemption reason (and the description of a whole-invoice line) are made. */
  imported?: ImportedLine;
}

export type InvoiceDiscount = { kind: 'percent'; percent: DecimalString } | { kind: 'amount'; amount: Minor };

export interface TaxBreakdown {
  category: VatCategory;
  rate: DecimalString;
  exemptionReason?: string;
  /** Sum of line nets in this category. */
  linesNet: Minor;
  /** Share of the invoice-level discount allocated to this category (document-level allowance). */
  allowance: Minor;
  /** BT-116: linesNet − allowance */
  taxable: Minor;
  /** BT-117: taxable × rate, rounded once per category */
  tax: Minor;
}

export interface Totals {
  /** Net of each line (quantity × price, rounded to the minor unit, minus the line discount), in line order. */
  lineNets: Minor[];
  /** BT-106 */
  linesNet: Minor;
  /** BT-107 */
  allowance: Minor;
  /** BT-109 */
  taxExclusive: Minor;
  /** BT-110 */
  tax: Minor;
  /** BT-112 */
  total: Minor;
  breakdown: TaxBreakdown[];
}

export const INVOICE_STATUSES = ['draft', 'issued', 'partially_paid', 'paid', 'cancelled', 'expired'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export type InvoiceKind = 'invoice' | 'credit_note';

export type ProviderId = 'kashio' | 'kashier' | 'paycashless' | 'kaspa' | 'simplecash';
export const PROVIDER_IDS: readonly ProviderId[] = ['kashio', 'kashier', 'paycashless', 'kaspa', 'simplecash'];

/** The link between a ledger invoice and its copy at one provider account. */
export interface ProviderLink {
  accountId: string;
  provider: ProviderId;
  /** The provider's id for the invoice (null until the create is confirmed). */
  remoteId: string | null;
  /** Our reference as sent to the provider (number, reference, invoiceReferenceId). */
  reference: string;
  remoteStatus: string | null;
  paymentUrl: string | null;
  /** True when the payment URL follows an observed, undocumented pattern. */
  paymentUrlObserved: boolean;
  lastSyncedAt: IsoDateTime | null;
}

export interface Payment {
  id: string;
  date: IsoDate;
  amount: Minor;
  method: string;
  note?: string;
  /** Set when a provider reported the payment. */
  source: 'manual' | 'provider';
  voidedAt: IsoDateTime | null;
  voidReason?: string;
}

/** Money paid back to the customer (a credited paid invoice, an overpayment). Voided, never edited or deleted. */
export interface Refund {
  id: string;
  date: IsoDate;
  amount: Minor;
  method: string;
  note?: string;
  /** The credit note this refund pays out, when the user named one. */
  creditNoteId: string | null;
  voidedAt: IsoDateTime | null;
  voidReason?: string;
}

/** A credit note as the page of the invoice it corrects names it. */
export interface CreditNoteSummary {
  id: string;
  number: string | null;
  issueDate: IsoDate | null;
  total: Minor;
  /** What the refunds that name it (not voided) have paid out of it. */
  paidOut: Minor;
}

export interface Invoice {
  id: string;
  kind: InvoiceKind;
  /** Null while a draft. */
  number: string | null;
  /** Numbering series, e.g. "INV" or "CN"; imported invoices use an external series per account. */
  series: string | null;
  status: InvoiceStatus;
  /** Derived: issued or partially paid and past the due date. */
  overdue: boolean;
  customerId: string | null;
  customer: CustomerSnapshot;
  currency: string;
  issueDate: IsoDate | null;
  dueDate: IsoDate | null;
  notes?: string;
  terms?: string;
  lines: LineItem[];
  discount: InvoiceDiscount | null;
  totals: Totals;
  /** Sum of payments not voided. */
  paid: Minor;
  /** Sum of refunds not voided (money paid back to the customer). */
  refunded: Minor;
  /**
   * What is still owed, from shared/settlement.ts `balanceOf`: total − credited − paid + refunded; negative
   * when the business owes the customer a refund; 0 for credit notes and cancelled invoices.
   */
  balance: Minor;
  /** For credit notes: the invoice it corrects. */
  correctsInvoiceId: string | null;
  /** Sum of the credit notes issued against this invoice (always filled by the ledger). */
  credited?: Minor;
  /** Every payment, voided ones included (always filled by the ledger). */
  payments?: Payment[];
  /** Every refund, voided ones included (always filled by the ledger). */
  refunds?: Refund[];
  /** For invoices: the credit notes that correct it (always filled by the ledger). */
  creditNoteIds?: string[];
  /**
   * For an issued invoice read on its own (invoice.get): its credit notes, oldest first, each with what refunds
   * naming it have paid out.
   */
  creditNotes?: CreditNoteSummary[];
  /** For a credit note read on its own (invoice.get): the refunds that name it as what they pay out (voided too). */
  payouts?: Refund[];
  /**
   * For an issued invoice read on its own (invoice.get): each line's quantity that no credit note has credited yet
   * (what a credit by line may still take; shared/line-picks.ts).
   */
  uncredited?: string[];
  /** The recurring schedule that made this invoice, if one did. */
  recurringId?: string;
  /** The quote this invoice was converted from, if any. */
  quoteId?: string;
  links: ProviderLink[];
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  issuedAt: IsoDateTime | null;
}

export type AccountMode = 'test' | 'live';

/** A provider account as the ledger stores it: never holds a secret, only the names of the secret fields. */
export interface ProviderAccount {
  id: string;
  provider: ProviderId;
  name: string;
  mode: AccountMode;
  /** Replaces only the origin of the provider's documented base URL (sandboxes, proxies, tests). */
  baseUrl: string | null;
  /** Non-secret settings: Kashier `merchantId` (MID-…), `defaultCurrency`, … */
  settings: Record<string, string>;
  /** Which secret fields are stored in the keychain for this account. */
  secretsSet: Record<string, boolean>;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}
