import type { invoiceMethods } from '../../shared/contract/invoices';
import { listHistory } from '../ledger/tables/history';
import { createDraft, deleteDraft, updateDraft } from '../ledger/drafts';
import { getInvoice } from '../ledger/invoice-read';
import { getInvoiceRow } from '../ledger/tables/invoices';
import { cancelInvoice, creditInvoice, issueInvoice } from '../ledger/lifecycle';
import { recordPayment, voidPayment } from '../ledger/payments';
import { recordRefund, voidRefund } from '../ledger/refunds';
import { countInvoicesMatching, listInvoices } from '../ledger/queries';
import type { Services } from '../services';
import { ledgerCtx, read, today, write } from './ledger-support';
import type { HandlerFactory } from './types';

const changed = (s: Services, id: string): void => s.events.emit('ledger.changed', { entity: 'invoice', id });

export const invoiceHandlers: HandlerFactory<keyof typeof invoiceMethods> = (s) => ({
  'invoice.list': (input) => read(() => listInvoices(s.ledger.db, input, today(s))),
  'invoice.count': (input) => read(() => ({ count: countInvoicesMatching(s.ledger.db, input, today(s)) })),
  'invoice.get': ({ id }) => read(() => getInvoice(s.ledger.db, id, today(s))),
  'invoice.create': (input, ctx) => {
    const inv = write(s, () => getInvoice(s.ledger.db, createDraft(ledgerCtx(s, ctx), input), today(s)));
    changed(s, inv.id);
    return inv;
  },
  'invoice.update': (input, ctx) => {
    const inv = write(s, () => {
      updateDraft(ledgerCtx(s, ctx), input);
      return getInvoice(s.ledger.db, input.id, today(s));
    });
    changed(s, inv.id);
    return inv;
  },
  'invoice.delete': ({ id }, ctx) => {
    write(s, () => deleteDraft(ledgerCtx(s, ctx), id));
    changed(s, id);
    return { id, deleted: true as const };
  },
  'invoice.issue': ({ id, issueDate, dueDate, accountId }, ctx) => {
    const inv = write(s, () => {
      issueInvoice(ledgerCtx(s, ctx), id, { issueDate, dueDate, accountId });
      return getInvoice(s.ledger.db, id, today(s));
    });
    s.log.info('invoice.issued', { invoiceId: id, number: inv.number, linked: accountId !== undefined });
    changed(s, id);
    return inv;
  },
  'invoice.pay': (input, ctx) => {
    const inv = write(s, () => {
      recordPayment(ledgerCtx(s, ctx), {
        invoiceId: input.id,
        amount: input.amount,
        date: input.date,
        method: input.method,
        note: input.note,
        allowOverpayment: input.allowOverpayment,
      });
      return getInvoice(s.ledger.db, input.id, today(s));
    });
    changed(s, inv.id);
    return inv;
  },
  'invoice.voidPayment': ({ id, paymentId, reason }, ctx) => {
    const inv = write(s, () => {
      voidPayment(ledgerCtx(s, ctx), id, paymentId, reason);
      return getInvoice(s.ledger.db, id, today(s));
    });
    changed(s, id);
    return inv;
  },
  'invoice.cancel': ({ id, reason }, ctx) => {
    const inv = write(s, () => {
      cancelInvoice(ledgerCtx(s, ctx), id, reason);
      return getInvoice(s.ledger.db, id, today(s));
    });
    changed(s, id);
    return inv;
  },
  'invoice.credit': (input, ctx) => {
    const result = write(s, () => {
      const { creditNoteId } = creditInvoice(ledgerCtx(s, ctx), input);
      return {
        creditNote: getInvoice(s.ledger.db, creditNoteId, today(s)),
        invoice: getInvoice(s.ledger.db, input.id, today(s)),
      };
    });
    changed(s, input.id);
    changed(s, result.creditNote.id);
    return result;
  },
  'invoice.refund': (input, ctx) => {
    const inv = write(s, () => {
      recordRefund(ledgerCtx(s, ctx), {
        invoiceId: input.id,
        amount: input.amount,
        date: input.date,
        method: input.method,
        note: input.note,
        creditNoteId: input.creditNoteId,
      });
      return getInvoice(s.ledger.db, input.id, today(s));
    });
    changed(s, inv.id);
    return inv;
  },
  'invoice.voidRefund': ({ id, refundId, reason }, ctx) => {
    const inv = write(s, () => {
      voidRefund(ledgerCtx(s, ctx), id, refundId, reason);
      return getInvoice(s.ledger.db, id, today(s));
    });
    changed(s, id);
    return inv;
  },
  'invoice.history': ({ id }) =>
    read(() => {
      // Deleted drafts keep their history; only ids never seen are "not found".
      const entries = listHistory(s.ledger.db, id);
      if (entries.length === 0) getInvoiceRow(s.ledger.db, id);
      return entries;
    }),
});
