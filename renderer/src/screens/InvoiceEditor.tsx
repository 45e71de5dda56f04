/**
 * Creating and editing a draft. Totals are computed live with shared/totals.ts — the same function the ledger
 * stores totals with — so what the screen shows is what gets issued. Amounts are typed in major units and
 * converted to minor units exactly (no floats).
 */
import { useCallback, useEffect, useMemo, useState, type FormEvent, type ReactElement } from 'react';
import type { MethodInput } from '../../../shared/api';
import {
  VAT_CATEGORIES,
  EXEMPT_CATEGORIES,
  type Customer,
  type Invoice,
  type InvoiceDiscount,
  type TaxRate,
  type VatCategory,
} from '../../../shared/domain';
import { computeTotals, type TotalsLine } from '../../../shared/totals';
import { call } from '../client';
import { parseTypedAmount } from '../../../shared/money';
import { ErrorLine, majorText, money, toUiError, useProfile, type UiError } from './ledger-ui';

interface LineForm {
  description: string;
  quantity: string;
  price: string;
  discount: string;
  taxRate: string;
  taxCategory: VatCategory;
  exemptionReason: string;
}

type ParsedLine = NonNullable<MethodInput<'invoice.create'>['lines']>[number];

const emptyLine = (): LineForm => ({
  description: '',
  quantity: '1',
  price: '',
  discount: '',
  taxRate: '14',
  taxCategory: 'S',
  exemptionReason: '',
});

function lineFromInvoice(l: Invoice['lines'][number], currency: string): LineForm {
  return {
    description: l.description,
    quantity: l.quantity,
    price: majorText(l.unitPrice, currency),
    discount: l.discount ? majorText(l.discount, currency) : '',
    taxRate: l.taxRate,
    taxCategory: l.taxCategory,
    exemptionReason: l.exemptionReason ?? '',
  };
}

/** The lines as the contract wants them, or the first problem found (with the field it concerns). */
function parseLines(lines: LineForm[], currency: string): { lines: ParsedLine[] } | { error: UiError } {
  const out: ParsedLine[] = [];
  for (const [i, l] of lines.entries()) {
    try {
      const line: ParsedLine = {
        description: l.description,
        quantity: l.quantity.trim(),
        unitPrice: parseTypedAmount(l.price, currency, `lines.${i}.unitPrice`),
        taxRate: l.taxRate.trim(),
        taxCategory: l.taxCategory,
      };
      if (l.discount.trim()) line.discount = parseTypedAmount(l.discount, currency, `lines.${i}.discount`);
      if (l.exemptionReason.trim()) line.exemptionReason = l.exemptionReason.trim();
      if (!/^\d+(\.\d{1,3})?$/.test(line.quantity))
        return {
          error: {
            message: `Line ${i + 1}: quantity must be a number with at most 3 decimals.`,
            field: `lines.${i}.quantity`,
          },
        };
      if (!/^\d+(\.\d{1,4})?$/.test(line.taxRate))
        return {
          error: {
            message: `Line ${i + 1}: tax rate must be a percentage such as 14 or 7.5.`,
            field: `lines.${i}.taxRate`,
          },
        };
      out.push(line);
    } catch (err) {
      const e = toUiError(err);
      return { error: { message: `Line ${i + 1}: ${e.message}`, field: e.field } };
    }
  }
  return { lines: out };
}

export function InvoiceEditor(props: {
  invoice: Invoice | null;
  onSaved: (inv: Invoice) => void;
  onCancel: () => void;
}): ReactElement {
  const profile = useProfile();
  const existing = props.invoice;
  const [customerId, setCustomerId] = useState<string>(existing?.customerId ?? '');
  const [currency, setCurrency] = useState(existing?.currency ?? '');
  const [issueDate, setIssueDate] = useState(existing?.issueDate ?? '');
  const [dueDate, setDueDate] = useState(existing?.dueDate ?? '');
  const [notes, setNotes] = useState(existing?.notes ?? '');
  const [terms, setTerms] = useState(existing?.terms ?? '');
  const [lines, setLines] = useState<LineForm[]>(() =>
    existing ? existing.lines.map((l) => lineFromInvoice(l, existing.currency)) : [emptyLine()],
  );
  const [discountKind, setDiscountKind] = useState<'none' | 'percent' | 'amount'>(existing?.discount?.kind ?? 'none');
  const [discountValue, setDiscountValue] = useState(
    existing?.discount
      ? existing.discount.kind === 'percent'
        ? existing.discount.percent
        : majorText(existing.discount.amount, existing.currency)
      : '',
  );
  const [customers, setCustomers] = useState<Customer[]>([]);
  const [customerQ, setCustomerQ] = useState('');
  const [rates, setRates] = useState<TaxRate[]>([]);
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const cur = currency || profile.defaultCurrency;

  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      call('customer.list', { limit: 100, ...(customerQ ? { q: customerQ } : {}) })
        .then((p) => live && setCustomers(p.items))
        .catch(() => undefined);
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [customerQ]);
  useEffect(() => {
    call('taxRate.list', {})
      .then(setRates)
      .catch(() => undefined);
  }, []);

  const discount = useMemo((): InvoiceDiscount | null | UiError => {
    if (discountKind === 'none' || discountValue.trim() === '') return null;
    if (discountKind === 'percent') {
      return /^\d+(\.\d{1,4})?$/.test(discountValue.trim()) && Number(discountValue) <= 100
        ? { kind: 'percent', percent: discountValue.trim() }
        : { message: 'Discount must be a percentage between 0 and 100.', field: 'discount.percent' };
    }
    try {
      return { kind: 'amount', amount: parseTypedAmount(discountValue, cur, 'discount.amount') };
    } catch (err) {
      return toUiError(err);
    }
  }, [discountKind, discountValue, cur]);

  const parsed = useMemo(() => parseLines(lines, cur), [lines, cur]);
  const totals = useMemo(() => {
    if ('error' in parsed || (discount !== null && 'message' in discount)) return null;
    try {
      return computeTotals(parsed.lines as TotalsLine[], discount);
    } catch {
      return null;
    }
  }, [parsed, discount]);
  const problem: UiError | null =
    'error' in parsed ? parsed.error : discount !== null && 'message' in discount ? discount : null;

  const setLine = useCallback(
    (i: number, patch: Partial<LineForm>) => setLines((ls) => ls.map((l, k) => (k === i ? { ...l, ...patch } : l))),
    [],
  );

  async function save(e: FormEvent): Promise<void> {
    e.preventDefault();
    if ('error' in parsed) return setError(parsed.error);
    if (discount !== null && 'message' in discount) return setError(discount);
    setBusy(true);
    setError(null);
    const input = {
      customerId: customerId || null,
      currency: cur,
      issueDate: issueDate || null,
      dueDate: dueDate || null,
      notes,
      terms,
      lines: parsed.lines,
      discount,
    };
    try {
      const inv = existing
        ? await call('invoice.update', { id: existing.id, ...input })
        : await call('invoice.create', input);
      props.onSaved(inv);
    } catch (err) {
      setError(toUiError(err));
    } finally {
      setBusy(false);
    }
  }

  const invalid = (field: string): true | undefined =>
    error?.field === field || problem?.field === field ? true : undefined;

  return (
    <form className="panel editor" onSubmit={(e) => void save(e)} data-testid="invoice-editor">
      <h2>{existing ? 'Edit draft' : 'New invoice'}</h2>
      <div className="toolbar">
        <label>
          Find customer
          <input
            value={customerQ}
            onChange={(e) => setCustomerQ(e.target.value)}
            placeholder="name, email…"
            data-testid="customer-search"
          />
        </label>
        <label>
          Customer
          <select
            value={customerId}
            onChange={(e) => setCustomerId(e.target.value)}
            aria-invalid={invalid('customerId')}
            data-testid="customer-select"
          >
            <option value="">— none yet —</option>
            {existing?.customerId && !customers.some((c) => c.id === existing.customerId) ? (
              <option value={existing.customerId}>{existing.customer.name}</option>
            ) : null}
            {customers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Currency
          <input
            value={currency}
            placeholder={profile.defaultCurrency}
            size={5}
            maxLength={3}
            onChange={(e) => setCurrency(e.target.value.toUpperCase())}
            aria-invalid={invalid('currency')}
            data-testid="currency"
          />
        </label>
        <label>
          Issue date
          <input
            type="date"
            value={issueDate}
            onChange={(e) => setIssueDate(e.target.value)}
            aria-invalid={invalid('issueDate')}
          />
        </label>
        <label>
          Due date
          <input
            type="date"
            value={dueDate}
            onChange={(e) => setDueDate(e.target.value)}
            aria-invalid={invalid('dueDate')}
          />
        </label>
      </div>

      <table className="lines">
        <thead>
          <tr>
            <th>Description</th>
            <th className="num">Qty</th>
            <th className="num">Unit price</th>
            <th className="num">Discount</th>
            <th>Tax</th>
            <th className="num">Net</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={i} data-testid="line-row">
              <td>
                <input
                  value={l.description}
                  onChange={(e) => setLine(i, { description: e.target.value })}
                  aria-label="Description"
                  aria-invalid={invalid(`lines.${i}.description`)}
                  data-testid="line-description"
                />
              </td>
              <td className="num">
                <input
                  value={l.quantity}
                  size={6}
                  inputMode="decimal"
                  onChange={(e) => setLine(i, { quantity: e.target.value })}
                  aria-label="Quantity"
                  aria-invalid={invalid(`lines.${i}.quantity`)}
                  data-testid="line-quantity"
                />
              </td>
              <td className="num">
                <input
                  value={l.price}
                  size={10}
                  inputMode="decimal"
                  onChange={(e) => setLine(i, { price: e.target.value })}
                  aria-label="Unit price"
                  aria-invalid={invalid(`lines.${i}.unitPrice`)}
                  data-testid="line-price"
                />
              </td>
              <td className="num">
                <input
                  value={l.discount}
                  size={8}
                  inputMode="decimal"
                  onChange={(e) => setLine(i, { discount: e.target.value })}
                  aria-label="Line discount"
                  aria-invalid={invalid(`lines.${i}.discount`)}
                />
              </td>
              <td>
                <TaxPicker
                  line={l}
                  rates={rates}
                  onChange={(p) => setLine(i, p)}
                  invalid={invalid(`lines.${i}.taxRate`) ?? invalid(`lines.${i}.exemptionReason`)}
                />
              </td>
              <td className="num">{totals ? money(totals.lineNets[i] ?? 0, cur, profile.locale) : '—'}</td>
              <td>
                <button
                  type="button"
                  aria-label="Remove line"
                  disabled={lines.length === 1}
                  onClick={() => setLines((ls) => ls.filter((_, k) => k !== i))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="toolbar">
        <button type="button" onClick={() => setLines((ls) => [...ls, emptyLine()])} data-testid="add-line">
          Add line
        </button>
        <label>
          Invoice discount
          <select
            value={discountKind}
            onChange={(e) => setDiscountKind(e.target.value as 'none' | 'percent' | 'amount')}
          >
            <option value="none">None</option>
            <option value="percent">Percent</option>
            <option value="amount">Amount</option>
          </select>
        </label>
        {discountKind !== 'none' ? (
          <label>
            {discountKind === 'percent' ? '%' : cur}
            <input
              value={discountValue}
              size={8}
              inputMode="decimal"
              onChange={(e) => setDiscountValue(e.target.value)}
              aria-invalid={invalid('discount.amount') ?? invalid('discount.percent')}
            />
          </label>
        ) : null}
      </div>

      <div className="editor-bottom">
        <div className="notes">
          <label>
            Notes
            <textarea value={notes} rows={3} maxLength={5000} onChange={(e) => setNotes(e.target.value)} />
          </label>
          <label>
            Terms
            <textarea value={terms} rows={2} maxLength={2000} onChange={(e) => setTerms(e.target.value)} />
          </label>
        </div>
        <TotalsTable totals={totals} currency={cur} locale={profile.locale} />
      </div>
      <ErrorLine error={error ?? problem} />
      <div className="toolbar">
        <button className="primary" type="submit" disabled={busy} data-testid="save-draft">
          {existing ? 'Save draft' : 'Create draft'}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function TaxPicker(props: {
  line: LineForm;
  rates: TaxRate[];
  onChange: (p: Partial<LineForm>) => void;
  invalid: true | undefined;
}): ReactElement {
  const { line, rates } = props;
  const match = rates.find(
    (r) =>
      r.rate === line.taxRate && r.category === line.taxCategory && (r.exemptionReason ?? '') === line.exemptionReason,
  );
  const needsReason = EXEMPT_CATEGORIES.includes(line.taxCategory);
  return (
    <div className="tax-picker">
      {rates.length > 0 ? (
        <select
          aria-label="Tax rate"
          value={match?.id ?? 'custom'}
          onChange={(e) => {
            const r = rates.find((x) => x.id === e.target.value);
            if (r)
              props.onChange({ taxRate: r.rate, taxCategory: r.category, exemptionReason: r.exemptionReason ?? '' });
          }}
        >
          {rates.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} ({r.rate} % {r.category})
            </option>
          ))}
          <option value="custom">Custom…</option>
        </select>
      ) : null}
      {!match ? (
        <>
          <input
            aria-label="Tax rate %"
            value={line.taxRate}
            size={5}
            inputMode="decimal"
            aria-invalid={props.invalid}
            onChange={(e) => props.onChange({ taxRate: e.target.value })}
            data-testid="line-rate"
          />
          <select
            aria-label="VAT category"
            value={line.taxCategory}
            onChange={(e) => props.onChange({ taxCategory: e.target.value as VatCategory })}
            data-testid="line-category"
          >
            {VAT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          {needsReason ? (
            <input
              aria-label="Exemption reason"
              placeholder="Exemption reason"
              value={line.exemptionReason}
              aria-invalid={props.invalid}
              onChange={(e) => props.onChange({ exemptionReason: e.target.value })}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}

export function TotalsTable(props: {
  totals: Invoice['totals'] | null;
  currency: string;
  locale: string;
}): ReactElement {
  const { totals: t, currency, locale } = props;
  const m = (v: number): string => money(v, currency, locale);
  return (
    <table className="totals" data-testid="totals">
      <tbody>
        <tr>
          <th>Lines</th>
          <td className="num">{t ? m(t.linesNet) : '—'}</td>
        </tr>
        {t && t.allowance !== 0 ? (
          <tr>
            <th>Discount</th>
            <td className="num">−{m(t.allowance)}</td>
          </tr>
        ) : null}
        {t?.breakdown.map((b) => (
          <tr key={`${b.category}|${b.rate}`}>
            <th>
              VAT {b.rate} % ({b.category}){b.exemptionReason ? ` — ${b.exemptionReason}` : ''} on {m(b.taxable)}
            </th>
            <td className="num">{m(b.tax)}</td>
          </tr>
        ))}
        <tr className="grand">
          <th>Total</th>
          <td className="num" data-testid="total">
            {t ? m(t.total) : '—'}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
