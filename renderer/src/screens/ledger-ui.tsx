/**
 * Small pieces shared by the invoices and customers screens: the business profile (locale, currency),
 * money and date formatting with that locale, status badges.
 */
import type { ReactElement } from 'react';
import { localDate } from '../../../shared/contract/dates';
import type { BusinessProfile, Invoice } from '../../../shared/domain';
import { formatMoney, isSupportedCurrency, minorToMajorString } from '../../../shared/money';
import { useQuery } from '../data/queries';

const FALLBACK: Pick<BusinessProfile, 'locale' | 'defaultCurrency' | 'paymentTermsDays'> = {
  locale: 'en-US',
  defaultCurrency: 'EUR',
  paymentTermsDays: 14,
};

/** The profile's locale and defaults; falls back to en-US/EUR until (or if) it loads. */
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

export function formatDate(date: string | null, locale: string): string {
  if (!date) return '—';
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${date}T00:00:00Z`),
    );
  } catch {
    return date;
  }
}

/** Minor units as the text of an input in major units ("1250" EUR → "12.50"). */
export function majorText(minor: number, currency: string): string {
  return isSupportedCurrency(currency) ? minorToMajorString(minor, currency) : String(minor);
}

/** Today's date where the user is (YYYY-MM-DD). */
export const todayLocal = (): string => localDate(new Date());

const STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  issued: 'Issued',
  partially_paid: 'Partially paid',
  paid: 'Paid',
  cancelled: 'Cancelled',
  expired: 'Expired',
  overdue: 'Overdue',
};
export const statusLabel = (s: string): string => STATUS_LABELS[s] ?? s;

export function StatusBadge({ invoice }: { invoice: Pick<Invoice, 'status' | 'overdue' | 'kind'> }): ReactElement {
  const s = invoice.overdue ? 'overdue' : invoice.status;
  return (
    <span className={`badge ${s}`} data-testid="invoice-status">
      {invoice.kind === 'credit_note' ? 'Credit note' : statusLabel(s)}
    </span>
  );
}
