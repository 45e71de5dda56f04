/**
 * Small pieces shared by the invoices and customers screens: the business profile's defaults, money and date
 * formatting in the reader's language, status badges.
 */
import { useMemo, type ReactElement } from 'react';
import { localDate } from '../../../shared/contract/dates';
import type { BusinessProfile, Invoice } from '../../../shared/domain';
import type { PlainKey } from '../../../shared/i18n/catalogue';
import { formatMoney, isSupportedCurrency, minorToMajorString } from '../../../shared/money';
import { useQuery } from '../data/queries';
import { useTranslator } from '../i18n';

const FALLBACK: Pick<BusinessProfile, 'locale' | 'defaultCurrency' | 'paymentTermsDays'> = {
  locale: 'en-US',
  defaultCurrency: 'EUR',
  paymentTermsDays: 14,
};

/** The profile's defaults; falls back to EUR / 14 days until (or if) it loads. */
export function useProfile(): Pick<BusinessProfile, 'locale' | 'defaultCurrency' | 'paymentTermsDays'> {
  return useQuery('profile.get', {}).data ?? FALLBACK;
}

export function money(minor: number, currency: string, locale: string): string {
  try {
    return formatMoney(minor, currency, locale);
  } catch {
    return `${minorToMajorString(minor, currency)} ${currency}`;
  }
}

/** One Intl formatter per locale and kind: making one costs more than formatting many values with it. */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<F extends Intl.DateTimeFormat | Intl.NumberFormat>(kind: string, locale: string, make: () => F): F {
  const key = `${kind} ${locale}`;
  let f = formatters.get(key) as F | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

export function formatDate(date: string | null, locale: string): string {
  if (!date) return '—';
  try {
    return formatter(
      'date',
      locale,
      () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
    ).format(new Date(`${date}T00:00:00Z`));
  } catch {
    return date;
  }
}

export interface Formats {
  money(minor: number, currency: string): string;
  /** A calendar day (YYYY-MM-DD), '—' for none. */
  date(date: string | null | undefined): string;
  /** An instant (ISO timestamp) with its time, in this machine's time zone. */
  dateTime(iso: string | null | undefined): string;
  number(n: number): string;
}

/** Amounts, dates and numbers as the reader's language writes them (digits included). */
export function useFormat(): Formats {
  const { locale, t } = useTranslator();
  return useMemo(
    () => ({
      money: (minor, currency) => money(minor, currency, locale),
      date: (date) => formatDate(date ?? null, locale),
      dateTime(iso) {
        if (!iso) return t('common.never');
        const d = new Date(iso);
        return Number.isNaN(d.getTime())
          ? iso
          : formatter(
              'dateTime',
              locale,
              () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
            ).format(d);
      },
      number: (n) => formatter('number', locale, () => new Intl.NumberFormat(locale)).format(n),
    }),
    [locale, t],
  );
}

/**
 * Money owed back to the customer (an invoice that received more than it asks for: paid, then credited), as a
 * positive amount; 0 when nothing is. The invoice page, the list and the dashboard show it under its own words,
 * never as a negative balance.
 */
export const owedBack = (inv: Pick<Invoice, 'kind' | 'balance'>): number =>
  inv.kind === 'invoice' && inv.balance < 0 ? -inv.balance : 0;

/** Minor units as the text of an input in major units ("1250" EUR → "12.50"). */
export function majorText(minor: number, currency: string): string {
  return isSupportedCurrency(currency) ? minorToMajorString(minor, currency) : String(minor);
}

/** Today's date where the user is (YYYY-MM-DD). */
export const todayLocal = (): string => localDate(new Date());

/** The first day of a day's month (YYYY-MM-01): where a date range of "this month so far" starts. */
export const firstOfMonth = (day: string): string => `${day.slice(0, 8)}01`;

const STATUS_KEYS: Record<string, PlainKey> = {
  draft: 'invoices.status.draft',
  issued: 'invoices.status.issued',
  partially_paid: 'invoices.status.partially_paid',
  paid: 'invoices.status.paid',
  cancelled: 'invoices.status.cancelled',
  expired: 'invoices.status.expired',
  overdue: 'invoices.status.overdue',
};

/** An invoice status in the reader's language. */
export function useStatusLabel(): (status: string) => string {
  const { t } = useTranslator();
  return (s) => {
    const key = STATUS_KEYS[s];
    return key ? t(key) : s;
  };
}

export function StatusBadge({ invoice }: { invoice: Pick<Invoice, 'status' | 'overdue' | 'kind'> }): ReactElement {
  const { t } = useTranslator();
  const label = useStatusLabel();
  const s = invoice.overdue ? 'overdue' : invoice.status;
  return (
    <span className={`badge ${s}`} data-testid="invoice-status">
      {invoice.kind === 'credit_note' ? t('invoices.kind.credit_note') : label(s)}
    </span>
  );
}
