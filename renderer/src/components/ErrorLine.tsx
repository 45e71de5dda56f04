/** The one way a screen shows a problem: in the reader's language, announced to screen readers. */
import type { ReactElement } from 'react';
import { useTranslator } from '../i18n';
import { toUiError, type UiError } from '../ui-error';

export function ErrorLine(props: {
  error: UiError | null | undefined;
  testId?: string;
  /** For the input it is about to name it (aria-describedby). */
  id?: string;
}): ReactElement | null {
  const { message } = useTranslator();
  if (!props.error) return null;
  return (
    <p className="error" role="alert" id={props.id} data-testid={props.testId ?? 'form-error'}>
      {message(props.error.message, props.error.fallback)}
    </p>
  );
}

/** A detail panel whose query has not answered yet: "Loading…", or why it could not load. */
export function LoadingPanel(props: { error: unknown; testId?: string }): ReactElement {
  const { t } = useTranslator();
  return (
    <section className="panel">
      <QueryError error={props.error} testId={props.testId} />
      {!props.error ? <p>{t('common.loading')}</p> : null}
    </section>
  );
}

/** For a query's `error` (anything thrown): `<QueryError error={q.error} />`. */
export function QueryError(props: { error: unknown; testId?: string }): ReactElement | null {
  return props.error ? <ErrorLine error={toUiError(props.error)} testId={props.testId ?? 'load-error'} /> : null;
}
