/**
 * Settings' in-page index: a short list of links to its sections, in the order they come on the page. A link moves
 * to its section and puts the focus there (so the keyboard carries on from it); the URL's hash is left alone (the
 * app's own address lives there).
 */
import type { ReactElement, ReactNode } from 'react';
import { useTranslator } from '../../i18n';

/** The sections in page order, each named by its own heading's key. */
export const SETTINGS_SECTIONS = [
  { id: 'profile', title: 'settings.profile.title' },
  { id: 'tax-rates', title: 'settings.tax.title' },
  { id: 'numbering', title: 'settings.series.title' },
  { id: 'language', title: 'settings.language.title' },
  { id: 'email', title: 'settings.smtp.title' },
  { id: 'polling', title: 'settings.poll.title' },
  { id: 'accounts', title: 'settings.accounts.title' },
  { id: 'csv', title: 'settings.csv.title' },
  { id: 'backups', title: 'settings.backup.title' },
  { id: 'check', title: 'settings.check.title' },
] as const;

export type SettingsSectionId = (typeof SETTINGS_SECTIONS)[number]['id'];

const anchor = (id: SettingsSectionId): string => `settings-${id}`;

export function SettingsIndex(): ReactElement {
  const { t } = useTranslator();
  return (
    <nav className="settings-index" aria-label={t('settings.index.label')} data-testid="settings-index">
      <ul>
        {SETTINGS_SECTIONS.map((s) => (
          <li key={s.id}>
            <a
              href={`#${anchor(s.id)}`}
              data-testid={`settings-index-${s.id}`}
              onClick={(e) => {
                e.preventDefault();
                const target = document.getElementById(anchor(s.id));
                if (!target) return;
                target.scrollIntoView({ block: 'start' });
                target.focus({ preventScroll: true });
              }}
            >
              {t(s.title)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** One section of the page, where its index link leads (focusable by script only). */
export function SettingsSection(props: { id: SettingsSectionId; children: ReactNode }): ReactElement {
  return (
    <div id={anchor(props.id)} tabIndex={-1} className="settings-section" data-testid={`settings-section-${props.id}`}>
      {props.children}
    </div>
  );
}
