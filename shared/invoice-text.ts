/**
 * The texts of an invoice that Kassa words itself rather than someone typing them, made where the invoice is shown
 * in the reader's language: an imported line's exemption reason and the description of the line that carries a
 * whole imported invoice (from `LineItem.imported`), and the name of a customer the provider did not name (stored
 * empty). Screens pass their translator's `message`; documents (PDF, Factur-X, UBL, e-mail) their document
 * language's; CSV and the CLI English.
 */
import type { VatRateRow } from './contract/books';
import type { CustomerSnapshot, Invoice, LineItem } from './domain';
import { msg } from './i18n/keys';
import type { Message } from './i18n/params';
import { computeTotals } from './totals';

/** Writes a catalogue message in the reader's language. */
export type Say = (m: Message) => string;

export function lineDescription(line: Pick<LineItem, 'description' | 'imported'>, say: Say): string {
  const x = line.imported;
  return x?.number === undefined
    ? line.description
    : say(msg('invoices.imported.line', { provider: x.provider, number: x.number }));
}

const importedExemption = (provider: string, say: Say): string => say(msg('invoices.imported.exemption', { provider }));

export function lineExemptionReason(
  line: Pick<LineItem, 'exemptionReason' | 'imported'>,
  say: Say,
): string | undefined {
  return line.imported ? importedExemption(line.imported.provider, say) : line.exemptionReason;
}

/** Every exemption reason of a VAT summary row: the documents' own and those of imports. */
export const vatRowReasons = (row: Pick<VatRateRow, 'exemptionReasons' | 'importedFrom'>, say: Say): string[] => [
  ...row.exemptionReasons,
  ...row.importedFrom.map((p) => importedExemption(p, say)),
];

/** The customer's name; an issued document whose customer has none (an import) says so. */
export function customerNameOf(inv: { customer: Pick<CustomerSnapshot, 'name'>; status: string }, say: Say): string {
  if (inv.customer.name !== '' || inv.status === 'draft') return inv.customer.name;
  return say(msg('invoices.customer_unnamed'));
}

/**
 * The invoice with those texts written in: lines with their descriptions and exemption reasons (so the VAT
 * breakdown names the reasons, as BT-120 needs) and the customer's name. Amounts are the same figures.
 */
export function invoiceInWords(inv: Invoice, say: Say): Invoice {
  const imported = inv.lines.some((l) => l.imported);
  const name = customerNameOf(inv, say);
  if (!imported && name === inv.customer.name) return inv;
  const lines = inv.lines.map((l): LineItem => {
    if (!l.imported) return l;
    const { imported: _, ...rest } = l;
    const reason = lineExemptionReason(l, say);
    return { ...rest, description: lineDescription(l, say), ...(reason ? { exemptionReason: reason } : {}) };
  });
  return {
    ...inv,
    customer: { ...inv.customer, name },
    lines,
    totals: imported ? { ...inv.totals, breakdown: computeTotals(lines, inv.discount).breakdown } : inv.totals,
  };
}
