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
 * left out and the rule is listed in `missing` (the list of requirements is main/einvoice/en16931.ts, shared with
 * the UBL writer).
 */
import type { Message } from '../../shared/i18n/params';
import { normalizeDecimal } from '../../shared/decimal';
import type { Address, BusinessProfile, Invoice, IsoDate, TaxBreakdown, VatCategory } from '../../shared/domain';
import { EXEMPT_CATEGORIES } from '../../shared/domain';
import { minorToMajorString, type Minor } from '../../shared/money';
import { el, en16931Requirements, hasCountryCode, xmlEscape } from '../einvoice/en16931';
import type { Language } from '../../shared/i18n/languages';

export { paymentTermsOf, settledAndDue } from '../einvoice/en16931';
export { xmlEscape };

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

function address(a: Address): string {
  if (!hasCountryCode(a)) return '';
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
  const {
    gaps,
    missing,
    sellerVat,
    buyerVat,
    settled,
    due,
    terms: termsText,
  } = en16931Requirements(invoice, profile, corrected, language);
  const cur = invoice.currency;
  const amt = (minor: Minor): string => minorToMajorString(minor, cur);
  const { totals } = invoice;

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
    address(profile.address) +
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
    address(c.address) +
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
  return { xml, gaps, missing };
}
