/** UBL fixtures for the validator tests: each EN 16931 case Kassa can produce, and the Peppol / XRechnung variants. */
import type { UblOptions } from '../../../main/einvoice/ubl';
import type { BusinessProfile, Invoice } from '../../../shared/domain';
import { customer, invoice, line, paymentLink, profile } from '../../unit/pdf/fixtures';

export interface Fixture {
  name: string;
  invoice: Invoice;
  profile: BusinessProfile;
  opts: UblOptions;
}

const DE_SELLER = profile({
  name: 'Bäckerei Müller GmbH',
  address: { line1: 'Hauptstraße 5', city: 'Berlin', postalCode: '10115', country: 'DE' },
  email: 'rechnung@baeckerei.example',
  phone: '+49 30 1234567',
  vatId: 'DE123456789',
  taxId: '27/123/45678',
  locale: 'de-DE',
});
const DE_BUYER = customer({
  name: 'Bezirksamt Mitte von Berlin',
  email: 'eingang@bezirksamt.example',
  address: { line1: 'Karl-Marx-Allee 31', city: 'Berlin', postalCode: '10178', country: 'DE' },
  vatId: 'DE987654321',
});

export const FIXTURES: Fixture[] = [
  {
    name: 'invoice-percent-discount-paid',
    invoice: invoice({ discount: { kind: 'percent', percent: '5' }, paid: 10000, notes: 'Merci & à bientôt <3' }),
    profile: profile(),
    opts: { variant: 'ubl' },
  },
  {
    name: 'invoice-amount-discount-exempt-link',
    invoice: invoice({
      discount: { kind: 'amount', amount: 1234 },
      lines: [
        line('Consulting', { quantity: '1.5', unitPrice: 80000, taxRate: '20' }),
        line('Training', { taxRate: '0', taxCategory: 'E', exemptionReason: 'Art. 261-4-4° CGI' }),
        line('Books', { quantity: '3', unitPrice: 2500, taxRate: '5.5', discount: 500 }),
      ],
      terms: 'Net 30',
      links: [paymentLink()],
    }),
    profile: profile(),
    opts: { variant: 'ubl' },
  },
  {
    name: 'credit-note',
    invoice: invoice({ kind: 'credit_note', number: 'CN-2025-0003', dueDate: null, correctsInvoiceId: 'inv_x' }),
    profile: profile(),
    opts: { variant: 'ubl', corrected: { number: 'F-2025-0042', issueDate: '2025-03-01' } },
  },
  {
    name: 'reverse-charge-egp-arabic',
    invoice: invoice({
      currency: 'EGP',
      customer: customer({ name: 'شركة النيل للتجارة', vatId: 'FR82542065479' }),
      lines: [
        line('خدمات استشارية', {
          unitPrice: 123456,
          taxRate: '0',
          taxCategory: 'AE',
          exemptionReason: 'Reverse charge',
        }),
      ],
    }),
    profile: profile(),
    opts: { variant: 'ubl' },
  },
  {
    name: 'peppol',
    invoice: invoice({ customer: DE_BUYER, links: [paymentLink()] }),
    profile: DE_SELLER,
    opts: { variant: 'peppol', buyerReference: 'PO-4711', buyerEndpoint: { scheme: '9930', id: 'DE987654321' } },
  },
  {
    name: 'xrechnung',
    invoice: invoice({
      customer: DE_BUYER,
      lines: [line('Brötchen', { quantity: '200', unitPrice: 45, taxRate: '7' })],
    }),
    profile: DE_SELLER,
    opts: { variant: 'xrechnung', buyerReference: '991-12345-67' },
  },
  {
    name: 'xrechnung-credit-note',
    invoice: invoice({
      kind: 'credit_note',
      number: 'CN-2025-0001',
      dueDate: null,
      customer: DE_BUYER,
      lines: [line('Brötchen (retour)', { quantity: '20', unitPrice: 45, taxRate: '7' })],
    }),
    profile: DE_SELLER,
    opts: {
      variant: 'xrechnung',
      buyerReference: '991-12345-67',
      corrected: { number: 'INV-2025-0007', issueDate: '2025-02-27' },
    },
  },
];
