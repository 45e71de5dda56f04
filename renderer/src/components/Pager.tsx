/**
 * Previous / "Page N" / next over a list paged by cursors: `cursors[i]` is the cursor of page i (undefined for the
 * first page), the last one is the page shown.
 */
import type { ReactElement } from 'react';
import { useTranslator } from '../i18n';

export type Cursors = Array<string | undefined>;

export function Pager(props: {
  cursors: Cursors;
  nextCursor: string | null | undefined;
  setCursors: (f: (c: Cursors) => Cursors) => void;
}): ReactElement {
  const { t } = useTranslator();
  const { cursors, nextCursor, setCursors } = props;
  return (
    <div className="toolbar pager">
      <button type="button" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
        {t('common.previous')}
      </button>
      <span className="muted">{t('common.page', { page: cursors.length })}</span>
      <button
        type="button"
        disabled={!nextCursor}
        onClick={() => nextCursor && setCursors((c) => [...c, nextCursor])}
        data-testid="next-page"
      >
        {t('common.next')}
      </button>
    </div>
  );
}
