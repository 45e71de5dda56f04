/**
 * What the two e-invoice syntaxes Kassa writes — CII (Factur-X, main/pdf/facturx.ts) and UBL 2.1 (ubl.ts) — share:
 * XML text helpers, and the EN 16931 requirements a ledger invoice can or cannot meet with the data Kassa holds.
 *
 * Honesty over validity: nothing is invented. When data EN 16931 requires is missing, the writers leave the element
 * out and the rule is listed in `missing` (e.g. "BR-09: …"), so callers can tell the user what to fill in.
 */
import type { Address, BusinessProfile, Invoice, VatCategory } from '../../shared/domain';
import { EXEMPT_CATEGORIES } from '../../shared/domain';
import type { Language } from '../../shared/i18n/languages';
import { englishMessage } from '../../shared/i18n/english';
import type { Message, ParamValues } from '../../shared/i18n/params';
import { createTranslator } from '../../shared/i18n/catalogue';
import { currencyExponent, type Minor } from '../../shared/money';
import type { CorrectedInvoiceRef } from '../pdf/facturx';

/** Characters XML 1.0 does not allow, even escaped. */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * Bidi isolates (FSI/LRI/RLI…PDI) that the translator puts around names and numbers in right-to-left text. They
 * order a line for display; in XML that a bookkeeper's software reads they would be part of a name or a reason.
 */
const BIDI_ISOLATES = /[\u2066-\u2069]/g;

export function xmlEscape(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(BIDI_ISOLATES, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** One element with escaped text, or nothing when the value is empty. */
export function el(name: string, value: string | null | undefined, attrs = ''): string {
  if (value === null || value === undefined || value.trim() === '') return '';
  return `<${name}${attrs ? ` ${attrs}` : ''}>${xmlEscape(value.trim())}</${name}>`;
}

export const hasCountryCode = (a: Address): boolean => Boolean(a.country && /^[A-Z]{2}$/.test(a.country));
export const hasCountryPrefix = (vatId: string): boolean => /^[A-Z]{2}/.test(vatId.trim());

/**
 * What the XML says was settled (BT-113) and is due (BT-115), so that BT-115 = BT-112 − BT-113 (BR-CO-16):
 * for an invoice the due amount is the balance the app shows (shared/settlement.ts), and everything else —
 * payments net of refunds, and credit notes set off against it — is the settled part; a cancelled invoice
 * settles nothing. A credit note is due in full to the buyer: its payment terms say how (set off against the
 * invoice it corrects), which is what BR-CO-25 asks of a positive amount due.
 */
export function settledAndDue(invoice: Invoice): { settled: Minor; due: Minor } {
  const total = invoice.totals.total;
  if (invoice.kind === 'credit_note' || invoice.status === 'cancelled') return { settled: 0, due: total };
  return { settled: total - invoice.balance, due: invoice.balance };
}

/** BT-20 of a document: its own terms, or for a credit note, how it is settled. */
export function paymentTermsOf(
  invoice: Invoice,
  corrected: CorrectedInvoiceRef | null | undefined,
  language: Language = 'en',
): string | undefined {
  if (invoice.terms?.trim()) return invoice.terms.trim();
  if (invoice.kind !== 'credit_note') return undefined;
  const t = createTranslator({ language });
  return corrected?.number
    ? t.t('pdf.credit_note_set_off', { number: corrected.number })
    : t.t('pdf.credit_note_set_off_unnamed');
}

export interface En16931Facts {
  /** Rules the invoice cannot meet with the ledger's data, as catalogue messages (shown in the reader's language). */
  gaps: Message[];
  /** The same in English ("BR-xx: what is missing"), for the CLI, logs and the e-invoice reports. */
  missing: string[];
  /** The VAT ids to write (none on an invoice that is only "not subject to VAT", BR-O-02). */
  sellerVat: string | undefined;
  buyerVat: string | undefined;
  categories: Set<VatCategory>;
  /** BT-113 and BT-115 (settledAndDue), and BT-20 (paymentTermsOf). */
  settled: Minor;
  due: Minor;
  terms: string | undefined;
}

/**
 * The EN 16931 requirements beyond what every issued Kassa invoice has:
 *   - the seller's country (BR-09) and the buyer's country (BR-11) in their addresses;
 *   - a seller VAT id (BT-31): BR-CO-26 asks for BT-29, BT-30 or BT-31 and Kassa records only BT-31 (the
 *     profile's taxId is the tax registration id BT-32, which does not count for BR-CO-26);
 *   - a seller VAT id or tax registration id for S, Z, E, G, L, M lines (BR-S-02 …); AE (reverse charge) and
 *     K (intra-community) also the buyer's VAT id (BR-AE-02, BR-IC-02); VAT ids start with a country prefix (BR-CO-09);
 *   - an exemption reason on E, AE, K, G, O categories (BR-E-10 …);
 *   - O (not subject to VAT) cannot be mixed with other categories and carries no VAT ids (BR-O-02, BR-O-11);
 *   - K needs a delivery date and deliver-to country, which Kassa does not record (BR-IC-11/12);
 *   - a due date or payment terms when an amount is due (BR-CO-25);
 *   - amounts with at most 2 decimals (BR-DEC), i.e. currencies with exponent ≤ 2.
 */
export function en16931Requirements(
  invoice: Invoice,
  profile: BusinessProfile,
  corrected: CorrectedInvoiceRef | null | undefined,
  language?: Language,
): En16931Facts {
  const gaps = new Gaps();
  const cur = invoice.currency;
  if (currencyExponent(cur) > 2) gaps.add('BR-DEC', 'decimals', { currency: cur });
  const { totals } = invoice;
  const categories = new Set(totals.breakdown.map((b) => b.category));

  if (!invoice.number) gaps.add('BR-02', 'number');
  if (!invoice.issueDate) gaps.add('BR-03', 'issue_date');
  if (!profile.name.trim()) gaps.add('BR-06', 'seller_name');
  if (!invoice.customer.name.trim()) gaps.add('BR-07', 'buyer_name');
  if (!hasCountryCode(profile.address)) gaps.add('BR-08/BR-09', 'country', { who: 'seller' });
  if (!hasCountryCode(invoice.customer.address)) gaps.add('BR-10/BR-11', 'country', { who: 'buyer' });

  // VAT identities: O (not subject to VAT) must carry none; every other category needs the seller's.
  const onlyO = categories.size > 0 && [...categories].every((c) => c === 'O');
  if (categories.has('O') && !onlyO) gaps.add('BR-O-11', 'o_mixed');
  const sellerVat = onlyO ? undefined : profile.vatId?.trim() || undefined;
  const buyerVat = onlyO ? undefined : invoice.customer.vatId?.trim() || undefined;
  const needsSellerId = [...categories].some((c) => c !== 'O');
  if (needsSellerId && !sellerVat && !profile.taxId?.trim()) gaps.add('BR-S-02/BR-Z-02/BR-E-02', 'seller_tax_id');
  // BR-CO-26: the seller must be identifiable by BT-29, BT-30 or BT-31; of those Kassa records only the VAT id.
  if (!sellerVat) {
    if (onlyO) gaps.add('BR-CO-26/BR-O-02', 'seller_id_o');
    else gaps.add('BR-CO-26', 'seller_vat_id');
  }
  if ((categories.has('AE') || categories.has('K') || categories.has('G')) && !sellerVat)
    gaps.add('BR-AE-02/BR-IC-02/BR-G-02', 'seller_vat_reverse');
  if ((categories.has('AE') || categories.has('K')) && !buyerVat) gaps.add('BR-AE-02/BR-IC-02', 'buyer_vat_reverse');
  if (categories.has('K')) gaps.add('BR-IC-11/BR-IC-12', 'intra_delivery');
  if (sellerVat && !hasCountryPrefix(sellerVat)) gaps.add('BR-CO-09', 'vat_prefix', { who: 'seller' });
  if (buyerVat && !hasCountryPrefix(buyerVat)) gaps.add('BR-CO-09', 'vat_prefix', { who: 'buyer' });
  for (const b of totals.breakdown) {
    if (EXEMPT_CATEGORIES.includes(b.category) && !b.exemptionReason?.trim())
      gaps.add(`BR-${b.category}-10`, 'exemption_reason', { category: b.category });
  }
  const { settled, due } = settledAndDue(invoice);
  const terms = paymentTermsOf(invoice, corrected, language);
  if (due > 0 && !invoice.dueDate && !terms) gaps.add('BR-CO-25', 'due_date');
  return {
    gaps: gaps.list,
    missing: gaps.list.map(englishMessage),
    sellerVat,
    buyerVat,
    categories,
    settled,
    due,
    terms,
  };
}

/** The EN 16931 rules an invoice cannot meet, as catalogue messages (pdf.facturx.<gap>) with their rule ids. */
class Gaps {
  readonly list: Message[] = [];
  add(rule: string, gap: string, params: ParamValues = {}): void {
    this.list.push({ key: `pdf.facturx.${gap}`, params: { rule, ...params } });
  }
}
