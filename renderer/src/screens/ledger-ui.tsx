/**
 * Small pieces shared by the invoices and customers screens: the business profile (locale, currency),
 * money and date formatting with that locale, status badges,
 * and the "reload when the ledger changes" hook.
 */
import { useEffect, useState, type ReactElement } from 'react';
import type { BusinessProfile, Invoice } from '../../../shared/domain';
import { KassaError } from '../../../shared/errors';
import { formatMoney, isSupportedCurrency, minorToMajorString } from '../../../shared/money';
import { call, errorMessage, onEvent } from '../client';

type Entity = 'invoice' | 'customer' | 'profile' | 'account';

/** Calls `reload` when main reports a change to one of `entities`. */
export function useLedgerChanged(entities: readonly Entity[], reload: () => void): void {
  const key = entities.join(',');
  useEffect(
    () =>
      onEvent('ledger.changed', (p) => {
        if (key.split(',').includes(p.entity)) reload();
      }),
    [key, reload],
  );
}

const FALLBACK: Pick<BusinessProfile, 'locale' | 'defaultCurrency' | 'paymentTermsDays'> = {
  locale: 'en-US',
  defaultCurrency: 'EUR',
  paymentTermsDays: 14,
};

/** The profile's locale and defaults; falls back to en-US/EUR until (or if) it loads. */
export function useProfile(): Pick<BusinessProfile, 'locale' | 'defaultCurrency' | 'paymentTermsDays'> {
  const [profile, setProfile] = useState(FALLBACK);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    call('profile.get', {})
      .then(
        (p) =>
          live &&
          setProfile({ locale: p.locale, defaultCurrency: p.defaultCurrency, paymentTermsDays: p.paymentTermsDays }),
      )
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [version]);
  useEffect(() => onEvent('ledger.changed', (p) => p.entity === 'profile' && setVersion((v) => v + 1)), []);
  return profile;
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

export const todayLocal = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

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

export interface UiError {
  message: string;
  field: string | null;
}

export function toUiError(err: unknown): UiError {
  return { message: errorMessage(err), field: err instanceof KassaError ? (err.field ?? null) : null };
}

export function ErrorLine({ error }: { error: UiError | null }): ReactElement | null {
  if (!error) return null;
  return (
    <p className="error" role="alert" data-testid="form-error">
      {error.message}
    </p>
  );
}
