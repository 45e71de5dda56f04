/**
 * The renderer's language: one translator for the chosen language, shared by every screen.
 * Components call `useTranslator()` (and re-render when the language changes); stores and helpers outside
 * React call `translator()`. Text shown to the user comes from `t(key, params)`; errors and other messages
 * that arrive from main as a code and params go through `text()` (see `errorText` in client.ts).
 */
import { create } from 'zustand';
import { directionOf, type Language } from '../../shared/i18n/languages';
import { createTranslator, type Translator, type TranslatorOptions } from '../../shared/i18n/translate';

interface I18nState {
  translator: Translator;
  setLanguage(language: Language, opts?: Omit<TranslatorOptions, 'language'>): void;
}

function apply(t: Translator): Translator {
  // The whole page follows the language: Arabic lays out right to left.
  if (typeof document !== 'undefined') {
    document.documentElement.lang = t.language;
    document.documentElement.dir = directionOf(t.language);
  }
  return t;
}

export const useI18n = create<I18nState>((set) => ({
  translator: apply(createTranslator({ language: 'en' })),
  setLanguage: (language, opts = {}) => set({ translator: apply(createTranslator({ ...opts, language })) }),
}));

export const useTranslator = (): Translator => useI18n((s) => s.translator);
export const translator = (): Translator => useI18n.getState().translator;
