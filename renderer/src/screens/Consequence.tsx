/** What an action will leave an invoice owing, said before the user confirms it (credit, refund). */
import type { ReactElement } from 'react';
import type { Invoice } from '../../../shared/domain';
import { useTranslator } from '../i18n';
import { useFormat } from './ledger-ui';

/** `after`: the balance once the action is done (negative: money owed back to the customer). */
export function AfterBalance(props: { invoice: Pick<Invoice, 'currency'>; after: number }): ReactElement {
  const { t } = useTranslator();
  const fmt = useFormat();
  const amount = fmt.money(Math.abs(props.after), props.invoice.currency);
  return (
    <span data-testid="after-balance">
      {props.after > 0
        ? t('invoices.after.owes', { amount })
        : props.after < 0
          ? t('invoices.after.owes_back', { amount })
          : t('invoices.after.settled')}
    </span>
  );
}
