/** English text for logs, the CLI and KassaError.message: the same catalogue the app shows, in English. */
import type { Message, ParamValues } from './params';
import { en } from './en';
import { translatorFor, type Translator } from './translate';

let translator: Translator | undefined;

export function englishText(key: string, params?: ParamValues, fallback?: string): string {
  // English alone: the CLI and main need no other language to start.
  translator ??= translatorFor({ language: 'en', messages: en });
  return translator.text(key, params, fallback);
}

export const englishMessage = (m: Message): string => englishText(m.key, m.params);
