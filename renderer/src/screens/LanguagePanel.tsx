/**
 * The UI language (a preference kept by main; "system" follows the browser's or the OS's language) and the
 * digits Arabic text uses. Documents follow each customer's language instead (customer form, business profile).
 */
import { useState, type ReactElement } from 'react';
import { LANGUAGES, isLanguage, type Digits } from '../../../shared/i18n/languages';
import { call } from '../client';
import { ErrorLine } from '../components/ErrorLine';
import { refresh, useQuery } from '../data/queries';
import { systemLanguage, useI18n, useTranslator } from '../i18n';
import { toUiError, type UiError } from '../ui-error';

export function LanguagePanel(): ReactElement {
  const { t } = useTranslator();
  const prefs = useQuery('app.preferences', {}).data;
  const setLanguage = useI18n((s) => s.setLanguage);
  const [error, setError] = useState<UiError | null>(null);

  async function save(patch: { language?: (typeof LANGUAGES)[number] | null; digits?: Digits }): Promise<void> {
    setError(null);
    try {
      const next = await call('app.setPreferences', patch);
      // Switch at once; the preference's change event would do it a moment later.
      setLanguage(next.language ?? systemLanguage(), next.digits);
      refresh('preferences');
    } catch (err) {
      setError(toUiError(err));
    }
  }

  return (
    <div className="panel" data-testid="language-panel">
      <h2>{t('settings.language.title')}</h2>
      <div className="toolbar">
        <label>
          {t('settings.language.label')}
          <select
            data-testid="language-select"
            value={prefs?.language ?? 'system'}
            disabled={!prefs}
            onChange={(e) => void save({ language: isLanguage(e.target.value) ? e.target.value : null })}
          >
            <option value="system">{t('settings.language.system', { name: t(`language.${systemLanguage()}`) })}</option>
            {LANGUAGES.map((l) => (
              // Each language in its own name and script, so anyone can find theirs.
              <option key={l} value={l} lang={l} dir="auto">
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('settings.language.digits')}
          <select
            data-testid="digits-select"
            value={prefs?.digits ?? 'latn'}
            disabled={!prefs}
            onChange={(e) => void save({ digits: e.target.value === 'arab' ? 'arab' : 'latn' })}
          >
            <option value="latn">{t('settings.language.digits_latn')}</option>
            <option value="arab">{t('settings.language.digits_arab')}</option>
          </select>
        </label>
      </div>
      <p className="muted">{t('settings.language.documents_note')}</p>
      <ErrorLine error={error} />
    </div>
  );
}
