/** The bookkeeper's methods: periods (ledger rules in a write transaction), and thin calls into the BooksService. */
import type { booksMethods } from '../../shared/contract/books';
import { closePeriod, periodsOverview, reopenPeriod } from '../ledger/periods';
import type { Services } from '../services';
import { ledgerCtx, read, refusePath, write } from './ledger-support';
import type { CallContext, HandlerFactory } from './types';

const periodsChanged = (s: Services): void => s.events.emit('ledger.changed', { entity: 'period' });

/** A path only a caller that may choose paths can give (the CLI); the app gets the data folder's exports. */
function allowedPath(ctx: CallContext, file: string | undefined, field: string): string | null {
  if (file === undefined) return null;
  if (!ctx.mayChoosePaths) throw refusePath(field);
  return file;
}

export const booksHandlers: HandlerFactory<keyof typeof booksMethods> = (s) => ({
  'period.list': () => read(() => periodsOverview(s.ledger.db)),
  'period.close': ({ period, note }, ctx) => {
    const closed = write(s, () => closePeriod(ledgerCtx(s, ctx), period, note));
    s.log.info('period.closed', { period: closed.period });
    periodsChanged(s);
    return closed;
  },
  'period.reopen': ({ period, reason }, ctx) => {
    const event = write(s, () => reopenPeriod(ledgerCtx(s, ctx), period, reason));
    s.log.warn('period.reopened', { period: event.period });
    periodsChanged(s);
    return event;
  },
  'report.vat': ({ from, to }) => s.books.vat(from, to),
  'report.vatFile': ({ from, to, format, file, inline }, ctx) => {
    const target = allowedPath(ctx, file, 'file');
    return s.books.vatFile(
      from,
      to,
      format,
      inline ? null : (target ?? s.books.exportFile(`vat-summary-${from}-${to}.${format}`)),
    );
  },
  'einvoice.xml': ({ id, format, file, ...opts }, ctx) => s.books.xml(id, format, opts, allowedPath(ctx, file, 'file')),
  'record.verify': () => s.books.verifyRecord(),
  'archive.start': ({ from, to, format, out }, ctx) =>
    s.books.startArchive({ from, to, format }, allowedPath(ctx, out, 'out')),
  'archive.status': ({ jobId }) => s.books.archiveStatus(jobId),
  'archive.cancel': ({ jobId }) => s.books.cancelArchive(jobId),
  'archive.list': () => s.books.archives(),
  'archive.verify': ({ file }, ctx) => s.books.verifyArchive(file, ctx.mayChoosePaths),
});
