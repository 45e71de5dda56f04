/**
 * The renderer's language: one translator for the chosen language, shared by every screen.
 * Components call `useTranslator()` (and re-render when the language changes); stores and helpers outside
 * React call `translator()`. Text shown to the user comes from `t(key, params)`; messages that arrive from main
 * as a key and params go through `message()` / `text()` (see ErrorLine).
 *
 * The language is the user's preference (app.preferences, kept by main); until they choose one it follows the
 * system's (the browser's or the OS's: navigator.languages). `?pseudo` in the page address turns on the
 * pseudo-locale the pseudo-localisation test uses.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import { directionOf, pickLanguage, type Digits, type Language } from '../../shared/i18n/languages';
import { createTranslator } from '../../shared/i18n/catalogue';
import type { Translator } from '../../shared/i18n/translate';
import { useQuery } from './data/queries';

interface I18nState {
  translator: Translator;
  setLanguage(language: Language, digits?: Digits): void;
}

export function systemLanguage(): Language {
  if (typeof navigator === 'undefined') return 'en';
  return pickLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

const pseudo = typeof location !== 'undefined' && new URLSearchParams(location.search).has('pseudo');

function make(language: Language, digits: Digits): Translator {
  const t = createTranslator({ language, digits, pseudo });
  // The whole page follows the language: Arabic lays out right to left.
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language;
    document.documentElement.dir = directionOf(language);
    document.title = t.t('app.name');
  }
  return t;
}

let current = { language: systemLanguage(), digits: 'latn' as Digits };

export const useI18n = create<I18nState>((set) => ({
  translator: make(current.language, current.digits),
  setLanguage(language, digits = 'latn') {
    if (language === current.language && digits === current.digits) return;
    current = { language, digits };
    set({ translator: make(language, digits) });
  },
}));

export const useTranslator = (): Translator => useI18n((s) => s.translator);
export const translator = (): Translator => useI18n.getState().translator;

/** Keeps the language in step with the user's preference (mounted once, by App). */
export function useLanguagePreference(): void {
  const prefs = useQuery('app.preferences', {}).data;
  const setLanguage = useI18n((s) => s.setLanguage);
  useEffect(() => {
    if (prefs) setLanguage(prefs.language ?? systemLanguage(), prefs.digits);
  }, [prefs, setLanguage]);
}
