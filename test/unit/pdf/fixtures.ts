/**
 * Invoices and business profiles for the PDF tests and the PDF benchmark, built the way the ledger builds them:
 * totals from shared/totals.ts computeTotals, balance = total − paid.
 */
import type {
  BusinessProfile,
  CustomerSnapshot,
  Invoice,
  InvoiceDiscount,
  LineItem,
  ProviderLink,
} from '../../../shared/domain';
import { balanceOf } from '../../../shared/settlement';
import { computeTotals } from '../../../shared/totals';

/** 1×1 red PNG, enough to prove the logo is placed. */
export const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

export function profile(overrides: Partial<BusinessProfile> = {}): BusinessProfile {
  return {
    name: 'Atelier Lumière & Co',
    address: { line1: '12 rue des Fleurs', city: 'Lyon', postalCode: '69001', country: 'FR' },
    email: 'billing@atelier.example',
    phone: '+33 4 72 00 00 00',
    vatId: 'FR40303265045',
    taxId: '303 265 045 00015',
    locale: 'fr-FR',
    defaultCurrency: 'EUR',
    paymentTermsDays: 30,
    logo: { mime: 'image/png', base64: TINY_PNG },
    ...overrides,
  };
}

export function customer(overrides: Partial<CustomerSnapshot> = {}): CustomerSnapshot {
  return {
    name: 'Brasserie du Parc SARL',
    email: 'compta@brasserie.example',
    address: { line1: '4 place Bellecour', city: 'Lyon', postalCode: '69002', country: 'FR' },
    vatId: 'FR82542065479',
    ...overrides,
  };
}

export function line(description: string, overrides: Partial<LineItem> = {}): LineItem {
  return { description, quantity: '1', unitPrice: 10000, taxRate: '20', taxCategory: 'S', ...overrides };
}

export interface InvoiceSpec {
  id?: string;
  kind?: Invoice['kind'];
  number?: string | null;
  status?: Invoice['status'];
  currency?: string;
  customer?: CustomerSnapshot;
  lines?: LineItem[];
  discount?: InvoiceDiscount | null;
  paid?: number;
  issueDate?: string | null;
  dueDate?: string | null;
  notes?: string;
  terms?: string;
  links?: ProviderLink[];
  correctsInvoiceId?: string | null;
}

export function invoice(spec: InvoiceSpec = {}): Invoice {
  const lines = spec.lines ?? [
    line('Design workshop, two days on site', { quantity: '2', unitPrice: 45000 }),
    line('Printed brochures (A5, 500 copies)', { quantity: '1', unitPrice: 12990, discount: 990 }),
    line('Books (reduced rate)', { quantity: '3', unitPrice: 2500, taxRate: '5.5' }),
  ];
  const discount = spec.discount === undefined ? null : spec.discount;
  const totals = computeTotals(lines, discount);
  const paid = spec.paid ?? 0;
  const status = spec.status ?? 'issued';
  const number = spec.number === undefined ? (status === 'draft' ? null : 'F-2025-0042') : spec.number;
  const issueDate = spec.issueDate === undefined ? (status === 'draft' ? null : '2025-03-01') : spec.issueDate;
  const inv: Invoice = {
    id: spec.id ?? 'inv_01HZX3',
    kind: spec.kind ?? 'invoice',
    number,
    series: number ? 'F' : null,
    status,
    overdue: false,
    customerId: 'cus_1',
    customer: spec.customer ?? customer(),
    currency: spec.currency ?? 'EUR',
    issueDate,
    dueDate: spec.dueDate === undefined ? (issueDate ? '2025-03-31' : null) : spec.dueDate,
    lines,
    discount,
    totals,
    paid,
    refunded: 0,
    balance: balanceOf({ kind: spec.kind ?? 'invoice', status, total: totals.total, paid, credited: 0, refunded: 0 }),
    correctsInvoiceId: spec.correctsInvoiceId ?? null,
    links: spec.links ?? [],
    createdAt: '2025-02-28T10:00:00Z',
    updatedAt: '2025-03-01T09:00:00Z',
    issuedAt: issueDate ? `${issueDate}T09:00:00Z` : null,
  };
  if (spec.notes !== undefined) inv.notes = spec.notes;
  if (spec.terms !== undefined) inv.terms = spec.terms;
  return inv;
}

export function paymentLink(overrides: Partial<ProviderLink> = {}): ProviderLink {
  return {
    accountId: 'acc_1',
    provider: 'kashier',
    remoteId: 'r_123',
    reference: 'F-2025-0042',
    remoteStatus: 'UNPAID',
    paymentUrl: 'https://checkout.kashier.example/pay/INV-7f3a9c?mid=MID-123-456',
    paymentUrlObserved: false,
    lastSyncedAt: '2025-03-01T10:00:00Z',
    ...overrides,
  };
}

/** Egyptian seller, Arabic locale, an Arabic customer name. */
export function arabicCase(): { invoice: Invoice; profile: BusinessProfile } {
  return {
    profile: profile({
      name: 'Delta Trading',
      address: { line1: '15 Tahrir Square', city: 'Cairo', country: 'EG' },
      vatId: 'EG100200300',
      taxId: '100-200-300',
      locale: 'ar-EG',
      defaultCurrency: 'EGP',
      logo: null,
      // Arabic-Indic digits, as this business chose (Latin is the default).
      documentDigits: 'arab',
    }),
    invoice: invoice({
      number: 'INV-000731',
      currency: 'EGP',
      customer: customer({
        name: 'شركة النيل للتجارة',
        address: { line1: '3 شارع النيل', city: 'الجيزة', country: 'EG' },
        vatId: 'EG555666777',
        email: 'info@nile.example',
      }),
      lines: [
        line('Consulting — supply chain review', { quantity: '4', unitPrice: 150000, taxRate: '14' }),
        line('خدمات تخزين (شهر مارس)', { quantity: '1', unitPrice: 320000, taxRate: '14' }),
      ],
      links: [paymentLink({ paymentUrlObserved: true, paymentUrl: 'https://pay.kashier.example/INV-000731' })],
    }),
  };
}

/** The same small invoice in each provider currency, with a locale that shows its sign. */
export const CURRENCY_CASES: ReadonlyArray<{ currency: string; locale: string; sign: string }> = [
  { currency: 'EGP', locale: 'ar-EG', sign: 'ج.م.' },
  { currency: 'NGN', locale: 'en-NG', sign: '₦' },
  { currency: 'EUR', locale: 'de-DE', sign: '€' },
  { currency: 'GBP', locale: 'en-GB', sign: '£' },
  { currency: 'PEN', locale: 'es-PE', sign: 'S/' },
  { currency: 'USD', locale: 'en-US', sign: '$' },
];

export function longInvoice(count = 120): Invoice {
  const lines = Array.from({ length: count }, (_, i) =>
    line(
      i % 7 === 3
        ? `Item ${i + 1}: maintenance visit with a deliberately long description that has to wrap onto a second and maybe a third line of the table, to prove rows of different heights paginate cleanly`
        : `Item ${i + 1}: spare part ${String.fromCharCode(65 + (i % 26))}-${1000 + i}`,
      { quantity: String((i % 5) + 1), unitPrice: 1000 + i * 37, taxRate: i % 3 === 0 ? '5.5' : '20' },
    ),
  );
  return invoice({
    number: 'F-2025-0120',
    lines,
    notes: 'Thank you for your business.',
    terms: 'Payment within 30 days by bank transfer.',
  });
}
