/** How often open invoices are asked about at their providers (the `pollMinutes` preference, 1–1440 minutes). */
import { useState, type FormEvent, type ReactElement } from 'react';
import { POLL_MINUTES, preferencesInput } from '../../../../shared/contract/app';
import { validate } from '../../../../shared/contract/validation';
import { call } from '../../client';
import { ErrorLine } from '../../components/ErrorLine';
import { refresh, useQuery } from '../../data/queries';
import { useAction } from '../../data/use-action';
import { useTranslator } from '../../i18n';

export function PollingPanel(): ReactElement {
  const { t } = useTranslator();
  const stored = useQuery('app.preferences', {}).data?.pollMinutes;
  // What the user typed; until then the stored interval.
  const [typedMinutes, setMinutes] = useState<string | null>(null);
  const minutes = typedMinutes ?? (stored === undefined ? '' : String(stored));
  const action = useAction();
  const [saved, setSaved] = useState<number | null>(null);

  async function save(e: FormEvent): Promise<void> {
    e.preventDefault();
    setSaved(null);
    const typed = minutes.trim();
    const v = validate(preferencesInput, { pollMinutes: typed === '' ? Number.NaN : Number(typed) });
    if (!v.ok) {
      action.setError({ message: v.problem, field: v.field ?? null });
      return;
    }
    const prefs = await action.run(() => call('app.setPreferences', v.data));
    if (!prefs) return;
    refresh('preferences');
    setSaved(prefs.pollMinutes);
  }

  return (
    <form className="panel" onSubmit={(e) => void save(e)} noValidate data-testid="polling-panel">
      <h2>{t('settings.poll.title')}</h2>
      <p className="muted">{t('settings.poll.intro')}</p>
      <div className="toolbar">
        <label>
          {t('settings.poll.minutes')}
          <input
            type="number"
            min={POLL_MINUTES.min}
            max={POLL_MINUTES.max}
            step={1}
            dir="ltr"
            value={minutes}
            aria-invalid={action.error ? true : undefined}
            onChange={(e) => {
              setMinutes(e.target.value);
              action.setError(null);
            }}
            data-testid="poll-minutes"
          />
        </label>
        <button
          className="primary"
          type="submit"
          disabled={action.busy || stored === undefined}
          data-testid="poll-save"
        >
          {t('common.save')}
        </button>
      </div>
      <ErrorLine error={action.error} testId="poll-error" />
      {saved !== null ? (
        <p role="status" data-testid="poll-saved">
          {t('settings.poll.saved', { minutes: saved })}
        </p>
      ) : null}
    </form>
  );
}
