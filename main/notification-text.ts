/**
 * A desktop notification's words. Main shows it (the Electron shell's OS notification), so main words it — in the
 * user's UI language (their preference in the ledger), and only when the app has no ledger open (the recovery
 * screen) or no language was chosen yet, in the system's language, as the app itself does on first start.
 */
import type { NotificationEvent, Preferences } from '../shared/contract/app';
import { createTranslator } from '../shared/i18n/catalogue';
import { pickLanguage } from '../shared/i18n/languages';

export function notificationText(
  n: NotificationEvent,
  prefs: Pick<Preferences, 'language' | 'digits'> | null,
  systemLocale: string,
): { title: string; body: string } {
  const t = createTranslator({
    language: prefs?.language ?? pickLanguage([systemLocale]),
    digits: prefs?.digits ?? 'latn',
  });
  return { title: t.message(n.title), body: t.message(n.body) };
}
