/**
 * Creating and editing a draft — or making a quote, which has the same lines, discount and totals (kind "quote":
 * a quote date and a valid-until date instead of issue and due dates, saved with quote.create). Totals are computed
 * live with shared/totals.ts — the same function the ledger stores totals with — so what the screen shows is what
 * gets issued. Amounts are typed in major units and converted to minor units exactly (no floats).
 */
import { Fragment, useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type ReactElement } from 'react';
import type { MethodInput } from '../../../shared/api';
import type { Quote } from '../../../shared/contract/quotes';
import { addDays } from '../../../shared/contract/dates';
import { invoiceCreateInput } from '../../../shared/contract/invoices';
import { validate } from '../../../shared/contract/validation';
import {
  VAT_CATEGORIES,
  EXEMPT_CATEGORIES,
  type Invoice,
  type InvoiceDiscount,
  type TaxRate,
  type VatCategory,
} from '../../../shared/domain';
import { msg } from '../../../shared/i18n/catalogue';
import type { Message } from '../../../shared/i18n/params';
import { parseTypedAmount } from '../../../shared/money';
import { computeTotals, type TotalsLine } from '../../../shared/totals';
import { call } from '../client';
import { ErrorLine } from '../components/ErrorLine';
import { useQuery } from '../data/queries';
import { useTranslator } from '../i18n';
import { toUiError, type UiError } from '../ui-error';
import { majorText, todayLocal, useFormat, useProfile } from './ledger-ui';
import { UndrawableNote, useUndrawable } from './Undrawable';

interface LineForm {
  description: string;
  quantity: string;
  price: string;
  discount: string;
  taxRate: string;
  taxCategory: VatCategory;
  exemptionReason: string;
}

/** A new line: the business's default tax rate (Settings) when it has one. */
const emptyLine = (tax?: Pick<TaxRate, 'rate' | 'category' | 'exemptionReason'>): LineForm => ({
  description: '',
  quantity: '1',
  price: '',
  discount: '',
  taxRate: tax?.rate ?? '14',
  taxCategory: tax?.category ?? 'S',
  exemptionReason: tax?.exemptionReason ?? '',
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

/** The day `days` after `date`, or '' while the date is not a whole date yet. */
function termsAfter(date: string, days: number): string {
  try {
    return date ? addDays(date, days) : '';
  } catch {
    return '';
  }
}

type DraftInput = MethodInput<'invoice.create'>;
type DraftLine = NonNullable<DraftInput['lines']>[number];

/** The form field a line's input box edits, as the contract names it (to mark it and track what was touched). */
const LINE_FIELD: Record<keyof LineForm, keyof DraftLine> = {
  description: 'description',
  quantity: 'quantity',
  price: 'unitPrice',
  discount: 'discount',
  taxRate: 'taxRate',
  taxCategory: 'taxCategory',
  exemptionReason: 'exemptionReason',
};

/** A problem with a line's field says which line ("Line 2: quantity must be …"). */
function withLine(problem: Message, field: string | null): UiError {
  const line = /^lines\.(\d+)\./.exec(field ?? '');
  return {
    message: line ? msg('invoices.line_problem', { line: Number(line[1]) + 1, problem }) : problem,
    field,
  };
}

/**
 * The form as the contract's `invoice.create` input, checked by the contract's own schema (the same words the
 * server would use), or every problem found. Amounts typed in major units go through the shared strict parser.
 */
function checkDraft(
  form: Omit<DraftInput, 'lines' | 'discount'>,
  lines: LineForm[],
  discount: { kind: 'none' | 'percent' | 'amount'; value: string },
):
  | { input: DraftInput; totalsInput: { lines: TotalsLine[]; discount: InvoiceDiscount | null } }
  | { problems: UiError[] } {
  const currency = form.currency ?? '';
  const problems: UiError[] = [];
  const amount = (text: string, field: string): number => {
    try {
      return parseTypedAmount(text, currency, field);
    } catch (err) {
      problems.push(toUiError(err));
      return 0;
    }
  };
  const draftLines: DraftLine[] = lines.map((l, i) => {
    const line: DraftLine = {
      description: l.description,
      quantity: l.quantity.trim(),
      unitPrice: amount(l.price, `lines.${i}.unitPrice`),
      taxRate: l.taxRate.trim(),
      taxCategory: l.taxCategory,
    };
    if (l.discount.trim()) line.discount = amount(l.discount, `lines.${i}.discount`);
    if (l.exemptionReason.trim()) line.exemptionReason = l.exemptionReason.trim();
    return line;
  });
  const d: InvoiceDiscount | null =
    discount.kind === 'none' || discount.value.trim() === ''
      ? null
      : discount.kind === 'percent'
        ? { kind: 'percent', percent: discount.value.trim() }
        : { kind: 'amount', amount: amount(discount.value, 'discount.amount') };
  const input: DraftInput = { ...form, lines: draftLines, discount: d };
  const v = validate(invoiceCreateInput, input);
  if (!v.ok) problems.push(...v.all.map((p) => ({ message: p.problem, field: p.field ?? null })));
  if (problems.length > 0 || !v.ok) return { problems: problems.map((p) => withLine(p.message, p.field)) };
  return { input, totalsInput: { lines: (v.data.lines ?? []) as TotalsLine[], discount: v.data.discount ?? null } };
}

export function InvoiceEditor(props: {
  invoice: Invoice | null;
  onSaved: (inv: Invoice) => void;
  onCancel: () => void;
  /** "quote": makes a quote instead of a draft (and calls onSavedQuote). */
  kind?: 'invoice' | 'quote';
  onSavedQuote?: (quote: Quote) => void;
}): ReactElement {
  const quote = props.kind === 'quote';
  const profile = useProfile();
  const { t } = useTranslator();
  const fmt = useFormat();
  const existing = props.invoice;
  const [customerId, setCustomerId] = useState<string>(existing?.customerId ?? '');
  const [currency, setCurrency] = useState(existing?.currency ?? '');
  // A new invoice starts dated today, due after the profile's payment terms (below); a quote's dates are its own.
  const prefillDates = !existing && !quote;
  const [issueDate, setIssueDate] = useState(existing?.issueDate ?? (prefillDates ? todayLocal() : ''));
  const [typedDueDate, setDueDate] = useState(existing?.dueDate ?? '');
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
  const [customerQ, setCustomerQ] = useState('');
  const [customerSearch, setCustomerSearch] = useState('');
  const customers = useQuery('customer.list', { limit: 100, ...(customerSearch ? { q: customerSearch } : {}) }).data
    ?.items;
  const rates = useQuery('taxRate.list', {}).data ?? [];
  const [error, setError] = useState<UiError | null>(null);
  // Problems show for the fields the user has edited; all of them once they try to save.
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [triedSave, setTriedSave] = useState(false);
  const [busy, setBusy] = useState(false);
  const cur = currency || profile.defaultCurrency;
  /** The user changed a field: its problems may show from now on, and main's answer about it is no longer news. */
  const touch = (field: string): void => {
    setTouched((seen) => (seen.has(field) ? seen : new Set(seen).add(field)));
    setError((e) => (e && (e.field === null || e.field === field) ? null : e));
  };
  // The due date follows the issue date by the payment terms until the user sets it.
  const dueDate =
    prefillDates && !touched.has('dueDate') ? termsAfter(issueDate, profile.paymentTermsDays) : typedDueDate;
  const defaultTaxId = useQuery('profile.get', {}).data?.defaultTaxRateId;
  const defaultTax = rates.find((r) => r.id === defaultTaxId);
  // A new invoice's first line takes the default rate once it has loaded (unless the user set the line's tax already).
  const defaultApplied = useRef(existing !== null && existing !== undefined);
  useEffect(() => {
    if (defaultApplied.current || !defaultTax) return;
    defaultApplied.current = true;
    setLines((ls) =>
      ls.map((l, i) =>
        touched.has(`lines.${i}.taxRate`)
          ? l
          : {
              ...l,
              taxRate: defaultTax.rate,
              taxCategory: defaultTax.category,
              exemptionReason: defaultTax.exemptionReason ?? '',
            },
      ),
    );
  }, [defaultTax, touched]);
  // After "Add line" the cursor goes to the new line's description.
  const editorRef = useRef<HTMLFormElement>(null);
  const focusNewLine = useRef(false);
  useEffect(() => {
    if (!focusNewLine.current) return;
    focusNewLine.current = false;
    const inputs = editorRef.current?.querySelectorAll<HTMLInputElement>('[data-testid="line-description"]');
    inputs?.[inputs.length - 1]?.focus();
  }, [lines.length]);

  // Typing in the customer search waits a moment before querying.
  useEffect(() => {
    const timer = setTimeout(() => setCustomerSearch(customerQ), 150);
    return () => clearTimeout(timer);
  }, [customerQ]);

  const checked = useMemo(
    () =>
      checkDraft(
        {
          customerId: customerId || null,
          currency: cur,
          issueDate: issueDate || null,
          dueDate: dueDate || null,
          notes,
          terms,
        },
        lines,
        { kind: discountKind, value: discountValue },
      ),
    [customerId, cur, issueDate, dueDate, notes, terms, lines, discountKind, discountValue],
  );
  const totals = useMemo(() => {
    if ('problems' in checked) return null;
    try {
      return computeTotals(checked.totalsInput.lines, checked.totalsInput.discount);
    } catch {
      return null;
    }
  }, [checked]);
  // Problems show at their field: main's answer to the last save (until that field changes) and the form's own,
  // for the fields the user has edited, or all of them once they tried to save.
  const visible: UiError[] = [
    ...(error ? [error] : []),
    ...('problems' in checked
      ? checked.problems.filter((p) => triedSave || (p.field !== null && touched.has(p.field)))
      : []),
  ];
  const problemAt = (field: string): UiError | undefined => visible.find((p) => p.field === field);
  const problemId = (field: string): string => `problem-${field.replace(/\./g, '-')}`;
  /** aria-invalid and the message's id, for the input of `field`. */
  const fieldProps = (field: string): { 'aria-invalid'?: true; 'aria-describedby'?: string } =>
    problemAt(field) ? { 'aria-invalid': true, 'aria-describedby': problemId(field) } : {};
  const fieldProblem = (field: string): ReactElement => <ErrorLine error={problemAt(field)} id={problemId(field)} />;
  const discountField = discountKind === 'amount' ? 'discount.amount' : 'discount.percent';
  const lineFields = (i: number): string[] => [...new Set(Object.values(LINE_FIELD))].map((f) => `lines.${i}.${f}`);
  const placed = new Set([
    'customerId',
    'currency',
    'issueDate',
    'dueDate',
    'discount',
    discountField,
    'notes',
    'terms',
    ...lines.flatMap((_, i) => lineFields(i)),
  ]);
  // A problem about something the form has no field for is shown under the form.
  const unplaced = visible.find((p) => p.field === null || !placed.has(p.field)) ?? null;
  const undrawable = useUndrawable([
    ...lines.map((l, i) => ({ field: `lines.${i}.description`, text: l.description })),
    { field: 'notes', text: notes },
    { field: 'terms', text: terms },
  ]);

  const setLine = useCallback((i: number, patch: Partial<LineForm>) => {
    setLines((ls) => ls.map((l, k) => (k === i ? { ...l, ...patch } : l)));
    for (const k of Object.keys(patch) as Array<keyof LineForm>) touch(`lines.${i}.${LINE_FIELD[k]}`);
  }, []);

  async function save(e: FormEvent): Promise<void> {
    e.preventDefault();
    setTriedSave(true);
    if ('problems' in checked) return setError(null);
    setBusy(true);
    setError(null);
    const { input } = checked;
    try {
      if (quote) {
        const q = await call('quote.create', {
          customerId: input.customerId ?? '',
          currency: cur,
          ...(input.issueDate ? { issueDate: input.issueDate } : {}),
          ...(input.dueDate ? { validUntil: input.dueDate } : {}),
          notes: input.notes,
          terms: input.terms,
          lines: input.lines ?? [],
          discount: input.discount ?? null,
        });
        props.onSavedQuote?.(q);
        return;
      }
      const inv = existing
        ? await call('invoice.update', { id: existing.id, ...input })
        : await call('invoice.create', input);
      props.onSaved(inv);
    } catch (err) {
      const e = toUiError(err);
      // A quote's valid-until date is the form's due date; a line's problem says which line.
      const field = quote && e.field === 'validUntil' ? 'dueDate' : e.field;
      setError({ ...e, ...withLine(e.message, field) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      ref={editorRef}
      className="panel editor"
      onSubmit={(e) => void save(e)}
      data-testid={quote ? 'quote-editor' : 'invoice-editor'}
    >
      <h2>
        {t(quote ? 'quotes.editor.new_title' : existing ? 'invoices.editor.edit_title' : 'invoices.editor.new_title')}
      </h2>
      <div className="toolbar">
        <label>
          {t('invoices.editor.find_customer')}
          <input
            value={customerQ}
            onChange={(e) => setCustomerQ(e.target.value)}
            placeholder={t('invoices.editor.find_customer_placeholder')}
            data-testid="customer-search"
          />
        </label>
        <label>
          {t('invoices.editor.customer')}
          <select
            value={customerId}
            onChange={(e) => {
              setCustomerId(e.target.value);
              touch('customerId');
            }}
            {...fieldProps('customerId')}
            data-testid="customer-select"
          >
            <option value="">{t('invoices.editor.no_customer')}</option>
            {existing?.customerId && !customers?.some((c) => c.id === existing.customerId) ? (
              <option value={existing.customerId}>{existing.customer.name}</option>
            ) : null}
            {customers?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          {fieldProblem('customerId')}
        </label>
        <label>
          {t('invoices.editor.currency')}
          <input
            value={currency}
            placeholder={profile.defaultCurrency}
            size={5}
            maxLength={3}
            onChange={(e) => {
              setCurrency(e.target.value.toUpperCase());
              touch('currency');
            }}
            {...fieldProps('currency')}
            data-testid="currency"
          />
          {fieldProblem('currency')}
        </label>
        <label>
          {t(quote ? 'quotes.editor.date' : 'invoices.editor.issue_date')}
          <input
            type="date"
            value={issueDate}
            onChange={(e) => {
              setIssueDate(e.target.value);
              touch('issueDate');
            }}
            {...fieldProps('issueDate')}
            data-testid="issue-date"
          />
          {fieldProblem('issueDate')}
        </label>
        <label>
          {t(quote ? 'quotes.editor.valid_until' : 'invoices.editor.due_date')}
          <input
            type="date"
            value={dueDate}
            onChange={(e) => {
              setDueDate(e.target.value);
              touch('dueDate');
            }}
            {...fieldProps('dueDate')}
            data-testid="due-date"
          />
          {fieldProblem('dueDate')}
        </label>
      </div>

      <table className="lines">
        <thead>
          <tr>
            <th>{t('invoices.line.description')}</th>
            <th className="num">{t('invoices.line.quantity')}</th>
            <th className="num">{t('invoices.line.unit_price')}</th>
            <th className="num">{t('invoices.line.discount')}</th>
            <th>{t('invoices.line.tax')}</th>
            <th className="num">{t('invoices.line.net')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <Fragment key={i}>
              <tr data-testid="line-row">
                <td>
                  <input
                    value={l.description}
                    onChange={(e) => setLine(i, { description: e.target.value })}
                    aria-label={t('invoices.line.description')}
                    {...fieldProps(`lines.${i}.description`)}
                    data-testid="line-description"
                  />
                </td>
                <td className="num">
                  <input
                    value={l.quantity}
                    size={6}
                    inputMode="decimal"
                    onChange={(e) => setLine(i, { quantity: e.target.value })}
                    aria-label={t('invoices.line.quantity_full')}
                    {...fieldProps(`lines.${i}.quantity`)}
                    data-testid="line-quantity"
                  />
                </td>
                <td className="num">
                  <input
                    value={l.price}
                    size={10}
                    inputMode="decimal"
                    onChange={(e) => setLine(i, { price: e.target.value })}
                    aria-label={t('invoices.line.unit_price')}
                    {...fieldProps(`lines.${i}.unitPrice`)}
                    data-testid="line-price"
                  />
                </td>
                <td className="num">
                  <input
                    value={l.discount}
                    size={8}
                    inputMode="decimal"
                    onChange={(e) => setLine(i, { discount: e.target.value })}
                    aria-label={t('invoices.line.line_discount')}
                    {...fieldProps(`lines.${i}.discount`)}
                  />
                </td>
                <td>
                  <TaxPicker
                    line={l}
                    rates={rates}
                    onChange={(p) => setLine(i, p)}
                    rateField={fieldProps(`lines.${i}.taxRate`)}
                    reasonField={fieldProps(`lines.${i}.exemptionReason`)}
                  />
                </td>
                <td className="num">{totals ? fmt.money(totals.lineNets[i] ?? 0, cur) : '—'}</td>
                <td>
                  <button
                    type="button"
                    aria-label={t('invoices.line.remove')}
                    disabled={lines.length === 1}
                    onClick={() => setLines((ls) => ls.filter((_, k) => k !== i))}
                  >
                    ×
                  </button>
                </td>
              </tr>
              {lineFields(i).some((f) => problemAt(f)) || undrawable.at(`lines.${i}.description`) ? (
                // The line's messages, right under it (a cell is too narrow for a sentence).
                <tr className="line-problems">
                  <td colSpan={7}>
                    {lineFields(i).map((f) => (
                      <Fragment key={f}>{fieldProblem(f)}</Fragment>
                    ))}
                    <UndrawableNote field={`lines.${i}.description`} check={undrawable} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
      <div className="toolbar">
        <button
          type="button"
          onClick={() => {
            focusNewLine.current = true;
            setLines((ls) => [...ls, emptyLine(defaultTax)]);
          }}
          data-testid="add-line"
        >
          {t('invoices.editor.add_line')}
        </button>
        <label>
          {t('invoices.editor.invoice_discount')}
          <select
            value={discountKind}
            onChange={(e) => {
              setDiscountKind(e.target.value as 'none' | 'percent' | 'amount');
              touch('discount');
            }}
            {...fieldProps('discount')}
          >
            <option value="none">{t('invoices.discount.none')}</option>
            <option value="percent">{t('invoices.discount.percent')}</option>
            <option value="amount">{t('invoices.discount.amount')}</option>
          </select>
        </label>
        {discountKind !== 'none' ? (
          <label>
            {discountKind === 'percent' ? '%' : cur}
            <input
              value={discountValue}
              size={8}
              inputMode="decimal"
              onChange={(e) => {
                setDiscountValue(e.target.value);
                touch(discountField);
              }}
              {...fieldProps(discountField)}
            />
            {fieldProblem(discountField)}
          </label>
        ) : null}
        {fieldProblem('discount')}
      </div>

      <div className="editor-bottom">
        <div className="notes">
          <label>
            {t('invoices.editor.notes')}
            <textarea
              value={notes}
              rows={3}
              maxLength={5000}
              onChange={(e) => {
                setNotes(e.target.value);
                touch('notes');
              }}
              {...fieldProps('notes')}
              data-testid="notes"
            />
            {fieldProblem('notes')}
            <UndrawableNote field="notes" check={undrawable} />
          </label>
          <label>
            {t('invoices.editor.terms')}
            <textarea
              value={terms}
              rows={2}
              maxLength={2000}
              onChange={(e) => {
                setTerms(e.target.value);
                touch('terms');
              }}
              {...fieldProps('terms')}
              data-testid="terms"
            />
            {fieldProblem('terms')}
            <UndrawableNote field="terms" check={undrawable} />
          </label>
        </div>
        <TotalsTable totals={totals} currency={cur} />
      </div>
      <ErrorLine error={unplaced} />
      <div className="toolbar">
        <button className="primary" type="submit" disabled={busy} data-testid="save-draft" data-shortcut="save">
          {t(quote ? 'quotes.editor.create' : existing ? 'invoices.editor.save' : 'invoices.editor.create')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function TaxPicker(props: {
  line: LineForm;
  rates: TaxRate[];
  onChange: (p: Partial<LineForm>) => void;
  rateField: { 'aria-invalid'?: true; 'aria-describedby'?: string };
  reasonField: { 'aria-invalid'?: true; 'aria-describedby'?: string };
}): ReactElement {
  const { line, rates } = props;
  const { t } = useTranslator();
  const match = rates.find(
    (r) =>
      r.rate === line.taxRate && r.category === line.taxCategory && (r.exemptionReason ?? '') === line.exemptionReason,
  );
  const needsReason = EXEMPT_CATEGORIES.includes(line.taxCategory);
  return (
    <div className="tax-picker">
      {rates.length > 0 ? (
        <select
          aria-label={t('invoices.line.tax_rate')}
          data-testid="line-tax"
          value={match?.id ?? 'custom'}
          onChange={(e) => {
            const r = rates.find((x) => x.id === e.target.value);
            if (r)
              props.onChange({ taxRate: r.rate, taxCategory: r.category, exemptionReason: r.exemptionReason ?? '' });
          }}
        >
          {rates.map((r) => (
            <option key={r.id} value={r.id}>
              {t('invoices.tax.option', { name: r.name, rate: r.rate, category: r.category })}
            </option>
          ))}
          <option value="custom">{t('invoices.tax.custom')}</option>
        </select>
      ) : null}
      {!match ? (
        <>
          <input
            aria-label={t('invoices.line.tax_rate_percent')}
            value={line.taxRate}
            size={5}
            inputMode="decimal"
            {...props.rateField}
            onChange={(e) => props.onChange({ taxRate: e.target.value })}
            data-testid="line-rate"
          />
          <select
            aria-label={t('invoices.line.vat_category')}
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
              aria-label={t('invoices.line.exemption_reason')}
              placeholder={t('invoices.line.exemption_reason')}
              value={line.exemptionReason}
              {...props.reasonField}
              onChange={(e) => props.onChange({ exemptionReason: e.target.value })}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}

export function TotalsTable(props: { totals: Invoice['totals'] | null; currency: string }): ReactElement {
  const { totals: tt, currency } = props;
  const { t } = useTranslator();
  const fmt = useFormat();
  const m = (v: number): string => fmt.money(v, currency);
  return (
    <table className="totals" data-testid="totals">
      <tbody>
        <tr>
          <th>{t('invoices.totals.lines')}</th>
          <td className="num">{tt ? m(tt.linesNet) : '—'}</td>
        </tr>
        {tt && tt.allowance !== 0 ? (
          <tr>
            <th>{t('invoices.totals.discount')}</th>
            <td className="num">−{m(tt.allowance)}</td>
          </tr>
        ) : null}
        {tt?.breakdown.map((b) => (
          <tr key={`${b.category}|${b.rate}`}>
            <th>
              {b.exemptionReason
                ? t('invoices.totals.vat_exempt', {
                    rate: b.rate,
                    category: b.category,
                    reason: b.exemptionReason,
                    taxable: m(b.taxable),
                  })
                : t('invoices.totals.vat', { rate: b.rate, category: b.category, taxable: m(b.taxable) })}
            </th>
            <td className="num">{m(b.tax)}</td>
          </tr>
        ))}
        <tr className="grand">
          <th>{t('invoices.totals.total')}</th>
          <td className="num" data-testid="total">
            {tt ? m(tt.total) : '—'}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
