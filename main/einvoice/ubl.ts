/**
 * UBL 2.1 Invoice and CreditNote for one ledger document, per EN 16931 (the syntax binding of CEN/TS 16931-3-2), with
 * the specifics of two CIUS that build on it as options:
 *   - 'ubl'       plain EN 16931: CustomizationID urn:cen.eu:en16931:2017;
 *   - 'peppol'    Peppol BIS Billing 3.0: its CustomizationID and ProfileID, buyer reference or order reference
 *                 (PEPPOL-EN16931-R003), seller and buyer electronic addresses (R020, R010);
 *   - 'xrechnung' XRechnung 3.0: its CustomizationID, the Peppol ProfileID, the buyer reference (Leitweg-ID for German
 *                 public buyers, BR-DE-15), payment instructions (BR-DE-1), the seller contact (BR-DE-2, 5–7), seller and
 *                 buyer city and post code (BR-DE-3/4/8/9) and electronic addresses.
 *
 * Why the project's own mapping rather than @e-invoice-eu/core: the same reasons as the Factur-X writer
 * (main/pdf/facturx.ts): every figure already comes from shared/totals.ts, the library would bring pdf-lib, an xlsx
 * reader, ajv and xmlbuilder2, and a typed mapping keeps the XML totals identical to the ledger's by construction.
 * The data requirements are shared with the CII writer (en16931.ts); nothing is invented — what is missing is left
 * out and listed, with the rule it breaks.
 *
 * Element order follows the UBL 2.1 schemas (xsd:sequence), which the validator checks.
 */
import { normalizeDecimal } from '../../shared/decimal';
import type { Address, BusinessProfile, Invoice, TaxBreakdown, VatCategory } from '../../shared/domain';
import type { Language } from '../../shared/i18n/languages';
import type { CorrectedInvoiceRef } from '../pdf/facturx';
import { EXEMPT_CATEGORIES } from '../../shared/domain';
import { minorToMajorString, type Minor } from '../../shared/money';
import { el, en16931Requirements, hasCountryCode } from './en16931';

export type UblVariant = 'ubl' | 'peppol' | 'xrechnung';

export const CUSTOMIZATION: Record<UblVariant, string> = {
  ubl: 'urn:cen.eu:en16931:2017',
  peppol: 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0',
  xrechnung: 'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0',
};
/** BT-23, the business process: Peppol's billing process, which XRechnung uses too. */
export const PEPPOL_PROFILE = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

export interface Endpoint {
  /** EAS code (CEF code list), e.g. EM (e-mail), 0204 (Leitweg-ID), 9930 (German VAT number), 0088 (GLN). */
  scheme: string;
  id: string;
}

export interface UblOptions {
  variant: UblVariant;
  /** BT-10. */
  buyerReference?: string | null | undefined;
  /** BT-34 / BT-49; default to the profile's and customer's e-mail (scheme EM). */
  sellerEndpoint?: Endpoint | null | undefined;
  buyerEndpoint?: Endpoint | null | undefined;
  /** For credit notes: the corrected invoice (BG-3). */
  corrected?: CorrectedInvoiceRef | null;
  /** Language of generated texts (a credit note's payment terms); English when not given. */
  language?: Language;
}

export interface UblResult {
  xml: string;
  missing: string[];
}

const NS = {
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  creditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};

/** Categories whose VAT rate is not stated (BR-O-05 …). */
const NO_RATE: readonly VatCategory[] = ['O'];

/** Children joined, or nothing at all when every child is empty (Peppol R008: no empty elements). */
function group(name: string, ...children: string[]): string {
  const inner = children.join('');
  return inner ? `<${name}>${inner}</${name}>` : '';
}

function taxCategory(name: string, category: VatCategory, rate: string, reason?: string): string {
  return (
    `<${name}><cbc:ID>${category}</cbc:ID>` +
    (NO_RATE.includes(category) ? '' : `<cbc:Percent>${normalizeDecimal(rate)}</cbc:Percent>`) +
    (reason && EXEMPT_CATEGORIES.includes(category) ? el('cbc:TaxExemptionReason', reason) : '') +
    `<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></${name}>`
  );
}

function postalAddress(a: Address): string {
  // A country is required inside the address (BR-09/BR-11): without one the address is left out and reported.
  if (!hasCountryCode(a)) return '';
  return group(
    'cac:PostalAddress',
    el('cbc:StreetName', a.line1),
    el('cbc:AdditionalStreetName', a.line2),
    el('cbc:CityName', a.city),
    el('cbc:PostalZone', a.postalCode),
    el('cbc:CountrySubentity', a.region),
    `<cac:Country><cbc:IdentificationCode>${a.country}</cbc:IdentificationCode></cac:Country>`,
  );
}

const endpointEl = (e: Endpoint | null | undefined): string =>
  e ? el('cbc:EndpointID', e.id, `schemeID="${e.scheme.replace(/[^A-Z0-9]/g, '')}"`) : '';

export function buildUbl(invoice: Invoice, profile: BusinessProfile, opts: UblOptions): UblResult {
  const { missing, sellerVat, buyerVat, settled, due, terms } = en16931Requirements(
    invoice,
    profile,
    opts.corrected,
    opts.language,
  );
  const credit = invoice.kind === 'credit_note';
  const variant = opts.variant;
  const cur = invoice.currency;
  const amt = (minor: Minor): string => minorToMajorString(minor, cur);
  const money = (name: string, minor: Minor): string => `<${name} currencyID="${cur}">${amt(minor)}</${name}>`;
  const { totals } = invoice;
  const c = invoice.customer;
  const buyerReference = opts.buyerReference?.trim() || null;
  const sellerEndpoint =
    opts.sellerEndpoint ?? (profile.email?.trim() ? { scheme: 'EM', id: profile.email.trim() } : null);
  const buyerEndpoint = opts.buyerEndpoint ?? (c.email?.trim() ? { scheme: 'EM', id: c.email.trim() } : null);

  if (variant !== 'ubl') {
    if (!sellerEndpoint)
      missing.push(
        "PEPPOL-EN16931-R020: the seller's electronic address (BT-34) is required; give one or set the profile's e-mail.",
      );
    if (!buyerEndpoint)
      missing.push(
        "PEPPOL-EN16931-R010: the buyer's electronic address (BT-49) is required; give one or set the customer's e-mail.",
      );
  }
  if (variant === 'peppol' && !buyerReference)
    missing.push('PEPPOL-EN16931-R003: a buyer reference (BT-10) or an order reference (BT-13) is required.');
  if (variant === 'xrechnung') {
    if (!buyerReference)
      missing.push('BR-DE-15: the buyer reference (BT-10) is required; for German public buyers, their Leitweg-ID.');
    if (!profile.address.city?.trim()) missing.push("BR-DE-3: the seller's city (BT-37) is required.");
    if (!profile.address.postalCode?.trim()) missing.push("BR-DE-4: the seller's post code (BT-38) is required.");
    if (!profile.phone?.trim()) missing.push("BR-DE-6: the seller contact's telephone number (BT-42) is required.");
    if (!profile.email?.trim()) missing.push("BR-DE-7: the seller contact's e-mail address (BT-43) is required.");
    if (!c.address.city?.trim()) missing.push("BR-DE-8: the buyer's city (BT-52) is required.");
    if (!c.address.postalCode?.trim()) missing.push("BR-DE-9: the buyer's post code (BT-53) is required.");
    if (!sellerVat && !profile.taxId?.trim())
      missing.push('BR-DE-16: the seller needs a VAT id (BT-31) or a tax registration id (BT-32).');
  }

  const paymentUrl = invoice.links.find((l) => l.paymentUrl)?.paymentUrl ?? null;
  const notes = [invoice.notes].filter((n): n is string => Boolean(n?.trim()));

  const seller = group(
    'cac:AccountingSupplierParty',
    group(
      'cac:Party',
      endpointEl(sellerEndpoint),
      postalAddress(profile.address),
      sellerVat
        ? `<cac:PartyTaxScheme>${el('cbc:CompanyID', sellerVat)}<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>`
        : '',
      // BT-32, the seller's tax registration id: a PartyTaxScheme whose scheme is not VAT.
      profile.taxId?.trim()
        ? `<cac:PartyTaxScheme>${el('cbc:CompanyID', profile.taxId)}<cac:TaxScheme><cbc:ID>FC</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>`
        : '',
      group('cac:PartyLegalEntity', el('cbc:RegistrationName', profile.name)),
      // BG-6; XRechnung requires it (BR-DE-2) and a contact point name (BT-41): the business itself.
      group(
        'cac:Contact',
        variant === 'xrechnung' ? el('cbc:Name', profile.name) : '',
        el('cbc:Telephone', profile.phone),
        el('cbc:ElectronicMail', profile.email),
      ),
    ),
  );
  const buyer = group(
    'cac:AccountingCustomerParty',
    group(
      'cac:Party',
      endpointEl(buyerEndpoint),
      postalAddress(c.address),
      buyerVat
        ? `<cac:PartyTaxScheme>${el('cbc:CompanyID', buyerVat)}<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>`
        : '',
      group('cac:PartyLegalEntity', el('cbc:RegistrationName', c.name)),
      group('cac:Contact', el('cbc:Telephone', c.phone), el('cbc:ElectronicMail', c.email)),
    ),
  );

  // BG-16. UNTDID 4461: 68 online payment service (the provider's payment link); without one, XRechnung still
  // requires the group (BR-DE-1) and gets 1, "instrument not defined" — nothing about the payment is invented.
  const meansCode = paymentUrl ? '68' : variant === 'xrechnung' ? '1' : null;
  const paymentMeans = meansCode
    ? `<cac:PaymentMeans><cbc:PaymentMeansCode>${meansCode}</cbc:PaymentMeansCode>${meansCode === '68' ? el('cbc:PaymentID', invoice.number) : ''}</cac:PaymentMeans>`
    : '';
  const paymentTerms = group('cac:PaymentTerms', el('cbc:Note', terms));

  // The invoice-level discount, as totals.ts allocated it: one document-level allowance per VAT category.
  const allowances = totals.breakdown
    .filter((b) => b.allowance !== 0)
    .map(
      (b) =>
        '<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator>' +
        '<cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason>' +
        (invoice.discount?.kind === 'percent'
          ? `<cbc:MultiplierFactorNumeric>${normalizeDecimal(invoice.discount.percent)}</cbc:MultiplierFactorNumeric>`
          : '') +
        money('cbc:Amount', b.allowance) +
        (invoice.discount?.kind === 'percent' ? money('cbc:BaseAmount', b.linesNet) : '') +
        taxCategory('cac:TaxCategory', b.category, b.rate) +
        '</cac:AllowanceCharge>',
    )
    .join('');

  const taxTotal =
    '<cac:TaxTotal>' +
    money('cbc:TaxAmount', totals.tax) +
    totals.breakdown
      .map(
        (b: TaxBreakdown) =>
          '<cac:TaxSubtotal>' +
          money('cbc:TaxableAmount', b.taxable) +
          money('cbc:TaxAmount', b.tax) +
          taxCategory('cac:TaxCategory', b.category, b.rate, b.exemptionReason) +
          '</cac:TaxSubtotal>',
      )
      .join('') +
    '</cac:TaxTotal>';

  const monetary =
    '<cac:LegalMonetaryTotal>' +
    money('cbc:LineExtensionAmount', totals.linesNet) +
    money('cbc:TaxExclusiveAmount', totals.taxExclusive) +
    money('cbc:TaxInclusiveAmount', totals.total) +
    (totals.allowance !== 0 ? money('cbc:AllowanceTotalAmount', totals.allowance) : '') +
    // BT-113 / BT-115 as the Factur-X XML and the app say them (settledAndDue): BR-CO-16 holds by construction.
    (settled !== 0 ? money('cbc:PrepaidAmount', settled) : '') +
    money('cbc:PayableAmount', due) +
    '</cac:LegalMonetaryTotal>';

  const lineTag = credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine';
  const qtyTag = credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity';
  const lines = invoice.lines
    .map((line, i) => {
      const discount = line.discount ?? 0;
      return (
        `<${lineTag}><cbc:ID>${i + 1}</cbc:ID>` +
        `<${qtyTag} unitCode="${(line.unitCode ?? 'C62').replace(/[^A-Za-z0-9]/g, '')}">${normalizeDecimal(line.quantity)}</${qtyTag}>` +
        money('cbc:LineExtensionAmount', totals.lineNets[i] ?? 0) +
        (discount > 0
          ? '<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator>' +
            `<cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason>${money('cbc:Amount', discount)}</cac:AllowanceCharge>`
          : '') +
        `<cac:Item>${el('cbc:Name', line.description) || '<cbc:Name>-</cbc:Name>'}` +
        taxCategory('cac:ClassifiedTaxCategory', line.taxCategory, line.taxRate) +
        '</cac:Item>' +
        `<cac:Price>${money('cbc:PriceAmount', line.unitPrice)}</cac:Price>` +
        `</${lineTag}>`
      );
    })
    .join('');

  const billing =
    credit && opts.corrected?.number
      ? group(
          'cac:BillingReference',
          group(
            'cac:InvoiceDocumentReference',
            el('cbc:ID', opts.corrected.number),
            el('cbc:IssueDate', opts.corrected.issueDate),
          ),
        )
      : '';

  const root = credit ? 'CreditNote' : 'Invoice';
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${credit ? NS.creditNote : NS.invoice}" xmlns:cac="${NS.cac}" xmlns:cbc="${NS.cbc}">` +
    `<cbc:CustomizationID>${CUSTOMIZATION[variant]}</cbc:CustomizationID>` +
    (variant === 'ubl' ? '' : `<cbc:ProfileID>${PEPPOL_PROFILE}</cbc:ProfileID>`) +
    el('cbc:ID', invoice.number) +
    el('cbc:IssueDate', invoice.issueDate) +
    (credit ? '' : el('cbc:DueDate', invoice.dueDate)) +
    // UNTDID 1001: 380 commercial invoice, 381 credit note.
    (credit
      ? '<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>'
      : '<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>') +
    notes.map((n) => el('cbc:Note', n)).join('') +
    `<cbc:DocumentCurrencyCode>${cur}</cbc:DocumentCurrencyCode>` +
    el('cbc:BuyerReference', buyerReference) +
    billing +
    seller +
    buyer +
    paymentMeans +
    paymentTerms +
    allowances +
    taxTotal +
    monetary +
    lines +
    `</${root}>\n`;
  return { xml, missing };
}
