/**
 * Factur-X / ZUGFeRD XML (UN/CEFACT CII D16B) for one ledger invoice, profile EN 16931 ("COMFORT").
 *
 * Why EN 16931: it is the full core semantic model of the European standard, which every Factur-X / ZUGFeRD
 * reader accepts and which carries everything Kassa records (per-line VAT categories and exemption reasons,
 * line and document allowances, payment terms, credit-note references). MINIMUM and BASIC WL carry no lines,
 * BASIC drops some of the data, EXTENDED adds fields Kassa never has.
 *
 * Why a hand-written mapping rather than @e-invoice-eu/core: that library takes a UBL-shaped JSON document and
 * brings pdf-lib, an xlsx reader, ajv and xmlbuilder2 with it; Kassa already has every figure computed by
 * shared/totals.ts (EN 16931 rounding), so a typed mapping of ~300 lines is smaller, has no dependencies and
 * keeps the XML totals identical to the ledger's by construction.
 *
 * Honesty over validity: nothing is invented. When the ledger lacks data EN 16931 requires, the element is
 * left out and the rule is listed in `missing`, so callers can tell the user what to fill in. A valid EN 16931
 * invoice needs (beyond what every issued Kassa invoice has):
 *   - the seller's country (BR-09) and the buyer's country (BR-11) in their addresses;
 *   - a seller VAT id (BT-31): BR-CO-26 asks for BT-29, BT-30 or BT-31 and Kassa records only BT-31 (the
 *     profile's taxId is mapped to BT-32, the tax registration id, which does not count for BR-CO-26);
 *   - a seller VAT id (BT-31) or tax registration id (BT-32) for S, Z, E, G, L, M lines (BR-S-02 …);
 *     AE (reverse charge) and K (intra-community) also the buyer's VAT id (BR-AE-02, BR-IC-02);
 *     VAT ids start with an ISO 3166 country prefix (BR-CO-09);
 *   - an exemption reason on E, AE, K, G, O categories (BR-E-10 …);
 *   - O (not subject to VAT) cannot be mixed with other categories and carries no VAT ids (BR-O-02, BR-O-11);
 *   - K needs a delivery date and deliver-to country, which Kassa does not record (BR-IC-11/12);
 *   - a due date or payment terms when an amount is due (BR-CO-25);
 *   - amounts with at most 2 decimals (BR-DEC), i.e. currencies with exponent ≤ 2.
 */
import { englishMessage } from '../../shared/i18n/english';
import type { Message, ParamValues } from '../../shared/i18n/params';
import { normalizeDecimal } from '../../shared/decimal';
import type { Address, BusinessProfile, Invoice, IsoDate, TaxBreakdown, VatCategory } from '../../shared/domain';
import { EXEMPT_CATEGORIES } from '../../shared/domain';
import type { Language } from '../../shared/i18n/languages';
import { createTranslator } from '../../shared/i18n/catalogue';
import { currencyExponent, minorToMajorString, type Minor } from '../../shared/money';

export const FACTURX_FILE_NAME = 'factur-x.xml';
export const FACTURX_CONFORMANCE_LEVEL = 'EN 16931';
export const FACTURX_VERSION = '1.0';
/** BT-24 for the EN 16931 profile of Factur-X 1.0x. */
export const FACTURX_GUIDELINE_ID = 'urn:cen.eu:en16931:2017';

export interface CorrectedInvoiceRef {
  number: string;
  issueDate: IsoDate | null;
}

export interface FacturXInput {
  invoice: Invoice;
  profile: BusinessProfile;
  /** For credit notes: the invoice being corrected (BT-25/BT-26), when known. */
  corrected?: CorrectedInvoiceRef | null;
  /** Language of the document's texts (a credit note's default payment terms); English when not given. */
  language?: Language;
}

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

export interface FacturXResult {
  xml: string;
  /** EN 16931 rules this invoice cannot meet with the data the ledger holds (empty when it should validate), as
   * catalogue messages (the app shows them in the reader's language). */
  gaps: Message[];
  /** The same in English ("BR-CO-26: …"), for the CLI and logs. */
  missing: string[];
}

const NS =
  'xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" ' +
  'xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100" ' +
  'xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" ' +
  'xmlns:xs="http://www.w3.org/2001/XMLSchema" ' +
  'xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"';

/** Characters XML 1.0 does not allow, even escaped. */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function xmlEscape(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** One element with escaped text, or nothing when the value is empty. */
function el(name: string, value: string | null | undefined, attrs = ''): string {
  if (value === null || value === undefined || value.trim() === '') return '';
  return `<${name}${attrs ? ` ${attrs}` : ''}>${xmlEscape(value.trim())}</${name}>`;
}

const date102 = (iso: IsoDate): string => iso.replace(/-/g, '');
const dateTime = (name: string, iso: IsoDate): string =>
  `<${name}><udt:DateTimeString format="102">${date102(iso)}</udt:DateTimeString></${name}>`;
const formattedDate = (name: string, iso: IsoDate): string =>
  `<${name}><qdt:DateTimeString format="102">${date102(iso)}</qdt:DateTimeString></${name}>`;

/** Categories whose VAT rate is not stated (BR-O-05). */
const NO_RATE: readonly VatCategory[] = ['O'];

function taxElements(category: VatCategory, rate: string): string {
  return `<ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>${category}</ram:CategoryCode>${
    NO_RATE.includes(category) ? '' : `<ram:RateApplicablePercent>${normalizeDecimal(rate)}</ram:RateApplicablePercent>`
  }`;
}

function address(a: Address, who: 'seller' | 'buyer', rule: string, gaps: Gaps): string {
  if (!a.country || !/^[A-Z]{2}$/.test(a.country)) {
    gaps.add(rule, 'country', { who });
    return '';
  }
  return (
    '<ram:PostalTradeAddress>' +
    el('ram:PostcodeCode', a.postalCode) +
    el('ram:LineOne', a.line1) +
    el('ram:LineTwo', a.line2) +
    el('ram:CityName', a.city) +
    `<ram:CountryID>${a.country}</ram:CountryID>` +
    el('ram:CountrySubDivisionName', a.region) +
    '</ram:PostalTradeAddress>'
  );
}

/** The EN 16931 rules an invoice cannot meet, as catalogue messages (pdf.facturx.<gap>) with their rule ids. */
class Gaps {
  readonly list: Message[] = [];
  add(rule: string, gap: string, params: ParamValues = {}): void {
    this.list.push({ key: `pdf.facturx.${gap}`, params: { rule, ...params } });
  }
}

const hasCountryPrefix = (vatId: string): boolean => /^[A-Z]{2}/.test(vatId.trim());

/**
 * BG-13 is required by the schema but must not be empty (PEPPOL-EN16931-R008, enforced by the Factur-X
 * Schematron). Kassa records no delivery date or ship-to address, so the only thing it can truthfully say is
 * that the supply goes to the buyer: the deliver-to party name (BT-70) is the buyer's name. A delivery date
 * (BT-72) is deliberately not invented from the issue date.
 */
function deliveryFor(buyerName: string): string {
  const name = el('ram:Name', buyerName);
  return name
    ? `<ram:ApplicableHeaderTradeDelivery><ram:ShipToTradeParty>${name}</ram:ShipToTradeParty></ram:ApplicableHeaderTradeDelivery>`
    : '<ram:ApplicableHeaderTradeDelivery/>';
}

export function buildFacturX({ invoice, profile, corrected, language }: FacturXInput): FacturXResult {
  const gaps = new Gaps();
  const cur = invoice.currency;
  if (currencyExponent(cur) > 2) gaps.add('BR-DEC', 'decimals', { currency: cur });
  const amt = (minor: Minor): string => minorToMajorString(minor, cur);
  const { totals } = invoice;
  const categories = new Set(totals.breakdown.map((b) => b.category));

  if (!invoice.number) gaps.add('BR-02', 'number');
  if (!invoice.issueDate) gaps.add('BR-03', 'issue_date');
  if (!profile.name.trim()) gaps.add('BR-06', 'seller_name');
  if (!invoice.customer.name.trim()) gaps.add('BR-07', 'buyer_name');

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
  const termsText = paymentTermsOf(invoice, corrected, language);
  if (due > 0 && !invoice.dueDate && !termsText) gaps.add('BR-CO-25', 'due_date');

  const notes = [invoice.notes].filter((n): n is string => Boolean(n?.trim()));
  const header =
    '<rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter>' +
    `<ram:ID>${FACTURX_GUIDELINE_ID}</ram:ID>` +
    '</ram:GuidelineSpecifiedDocumentContextParameter></rsm:ExchangedDocumentContext>' +
    '<rsm:ExchangedDocument>' +
    `<ram:ID>${xmlEscape(invoice.number ?? '')}</ram:ID>` +
    // UNTDID 1001: 380 commercial invoice, 381 credit note.
    `<ram:TypeCode>${invoice.kind === 'credit_note' ? '381' : '380'}</ram:TypeCode>` +
    (invoice.issueDate ? dateTime('ram:IssueDateTime', invoice.issueDate) : '<ram:IssueDateTime/>') +
    notes.map((n) => `<ram:IncludedNote>${el('ram:Content', n)}</ram:IncludedNote>`).join('') +
    '</rsm:ExchangedDocument>';

  const lines = invoice.lines
    .map((line, i) => {
      const discount = line.discount ?? 0;
      return (
        '<ram:IncludedSupplyChainTradeLineItem>' +
        `<ram:AssociatedDocumentLineDocument><ram:LineID>${i + 1}</ram:LineID></ram:AssociatedDocumentLineDocument>` +
        `<ram:SpecifiedTradeProduct>${el('ram:Name', line.description) || '<ram:Name>-</ram:Name>'}</ram:SpecifiedTradeProduct>` +
        '<ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice>' +
        `<ram:ChargeAmount>${amt(line.unitPrice)}</ram:ChargeAmount>` +
        '</ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>' +
        `<ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="${xmlEscape(line.unitCode ?? 'C62')}">${normalizeDecimal(line.quantity)}</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>` +
        '<ram:SpecifiedLineTradeSettlement>' +
        `<ram:ApplicableTradeTax>${taxElements(line.taxCategory, line.taxRate)}</ram:ApplicableTradeTax>` +
        (discount > 0
          ? '<ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator>' +
            `<ram:ActualAmount>${amt(discount)}</ram:ActualAmount><ram:Reason>Discount</ram:Reason></ram:SpecifiedTradeAllowanceCharge>`
          : '') +
        `<ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>${amt(totals.lineNets[i] ?? 0)}</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>` +
        '</ram:SpecifiedLineTradeSettlement>' +
        '</ram:IncludedSupplyChainTradeLineItem>'
      );
    })
    .join('');

  const seller =
    '<ram:SellerTradeParty>' +
    el('ram:Name', profile.name) +
    (profile.phone || profile.email
      ? '<ram:DefinedTradeContact>' +
        (profile.phone
          ? `<ram:TelephoneUniversalCommunication>${el('ram:CompleteNumber', profile.phone)}</ram:TelephoneUniversalCommunication>`
          : '') +
        (profile.email
          ? `<ram:EmailURIUniversalCommunication>${el('ram:URIID', profile.email)}</ram:EmailURIUniversalCommunication>`
          : '') +
        '</ram:DefinedTradeContact>'
      : '') +
    address(profile.address, 'seller', 'BR-08/BR-09', gaps) +
    (profile.email
      ? `<ram:URIUniversalCommunication>${el('ram:URIID', profile.email, 'schemeID="EM"')}</ram:URIUniversalCommunication>`
      : '') +
    (profile.taxId?.trim()
      ? `<ram:SpecifiedTaxRegistration>${el('ram:ID', profile.taxId, 'schemeID="FC"')}</ram:SpecifiedTaxRegistration>`
      : '') +
    (sellerVat
      ? `<ram:SpecifiedTaxRegistration>${el('ram:ID', sellerVat, 'schemeID="VA"')}</ram:SpecifiedTaxRegistration>`
      : '') +
    '</ram:SellerTradeParty>';

  // The buyer's non-VAT tax id has no EN 16931 field (BT-47 is a legal registration, not a tax id): left out.
  const c = invoice.customer;
  const buyer =
    '<ram:BuyerTradeParty>' +
    el('ram:Name', c.name) +
    address(c.address, 'buyer', 'BR-10/BR-11', gaps) +
    (c.email
      ? `<ram:URIUniversalCommunication>${el('ram:URIID', c.email, 'schemeID="EM"')}</ram:URIUniversalCommunication>`
      : '') +
    (buyerVat
      ? `<ram:SpecifiedTaxRegistration>${el('ram:ID', buyerVat, 'schemeID="VA"')}</ram:SpecifiedTaxRegistration>`
      : '') +
    '</ram:BuyerTradeParty>';

  const paymentUrl = invoice.links.find((l) => l.paymentUrl)?.paymentUrl ?? null;
  const paymentMeans = paymentUrl
    ? // UNTDID 4461 code 68: online payment service.
      `<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>68</ram:TypeCode>${el('ram:Information', `Pay online: ${paymentUrl}`)}</ram:SpecifiedTradeSettlementPaymentMeans>`
    : '';

  const taxes = totals.breakdown
    .map(
      (b: TaxBreakdown) =>
        '<ram:ApplicableTradeTax>' +
        `<ram:CalculatedAmount>${amt(b.tax)}</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>` +
        (EXEMPT_CATEGORIES.includes(b.category) ? el('ram:ExemptionReason', b.exemptionReason) : '') +
        `<ram:BasisAmount>${amt(b.taxable)}</ram:BasisAmount><ram:CategoryCode>${b.category}</ram:CategoryCode>` +
        (NO_RATE.includes(b.category)
          ? ''
          : `<ram:RateApplicablePercent>${normalizeDecimal(b.rate)}</ram:RateApplicablePercent>`) +
        '</ram:ApplicableTradeTax>',
    )
    .join('');

  // The invoice-level discount, as totals.ts allocated it: one document-level allowance per VAT category.
  const allowances = totals.breakdown
    .filter((b) => b.allowance !== 0)
    .map(
      (b) =>
        '<ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator>' +
        (invoice.discount?.kind === 'percent'
          ? `<ram:CalculationPercent>${normalizeDecimal(invoice.discount.percent)}</ram:CalculationPercent><ram:BasisAmount>${amt(b.linesNet)}</ram:BasisAmount>`
          : '') +
        `<ram:ActualAmount>${amt(b.allowance)}</ram:ActualAmount><ram:Reason>Discount</ram:Reason>` +
        `<ram:CategoryTradeTax>${taxElements(b.category, b.rate)}</ram:CategoryTradeTax>` +
        '</ram:SpecifiedTradeAllowanceCharge>',
    )
    .join('');

  const terms =
    termsText || invoice.dueDate
      ? '<ram:SpecifiedTradePaymentTerms>' +
        el('ram:Description', termsText) +
        (invoice.dueDate ? dateTime('ram:DueDateDateTime', invoice.dueDate) : '') +
        '</ram:SpecifiedTradePaymentTerms>'
      : '';

  const summation =
    '<ram:SpecifiedTradeSettlementHeaderMonetarySummation>' +
    `<ram:LineTotalAmount>${amt(totals.linesNet)}</ram:LineTotalAmount>` +
    (totals.allowance !== 0 ? `<ram:AllowanceTotalAmount>${amt(totals.allowance)}</ram:AllowanceTotalAmount>` : '') +
    `<ram:TaxBasisTotalAmount>${amt(totals.taxExclusive)}</ram:TaxBasisTotalAmount>` +
    `<ram:TaxTotalAmount currencyID="${cur}">${amt(totals.tax)}</ram:TaxTotalAmount>` +
    `<ram:GrandTotalAmount>${amt(totals.total)}</ram:GrandTotalAmount>` +
    (settled !== 0 ? `<ram:TotalPrepaidAmount>${amt(settled)}</ram:TotalPrepaidAmount>` : '') +
    `<ram:DuePayableAmount>${amt(due)}</ram:DuePayableAmount>` +
    '</ram:SpecifiedTradeSettlementHeaderMonetarySummation>';

  const preceding =
    invoice.kind === 'credit_note' && corrected?.number
      ? '<ram:InvoiceReferencedDocument>' +
        el('ram:IssuerAssignedID', corrected.number) +
        (corrected.issueDate ? formattedDate('ram:FormattedIssueDateTime', corrected.issueDate) : '') +
        '</ram:InvoiceReferencedDocument>'
      : '';

  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n<rsm:CrossIndustryInvoice ${NS}>` +
    header +
    '<rsm:SupplyChainTradeTransaction>' +
    lines +
    `<ram:ApplicableHeaderTradeAgreement>${seller}${buyer}</ram:ApplicableHeaderTradeAgreement>` +
    deliveryFor(c.name) +
    '<ram:ApplicableHeaderTradeSettlement>' +
    el('ram:PaymentReference', invoice.number) +
    `<ram:InvoiceCurrencyCode>${cur}</ram:InvoiceCurrencyCode>` +
    paymentMeans +
    taxes +
    allowances +
    terms +
    summation +
    preceding +
    '</ram:ApplicableHeaderTradeSettlement>' +
    '</rsm:SupplyChainTradeTransaction>' +
    '</rsm:CrossIndustryInvoice>\n';
  return { xml, gaps: gaps.list, missing: gaps.list.map(englishMessage) };
}
