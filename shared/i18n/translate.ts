/**
 * Turns a catalogue key and its parameters into text in one language, with ICU MessageFormat (FormatJS
 * `intl-messageformat`): plurals follow the language's CLDR rules (Arabic has six forms), numbers and dates
 * are formatted for the reader's locale, money parameters ({minor, currency}) become formatted amounts.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { isolate, isolateLtrRuns } from '../bidi';
import { formatMoney } from '../money';
import type { MessageKey, ParamsArg } from './catalogue';
import { directionOf, intlLocale, type Digits, type Language } from './languages';
import { isMessage, type Message, type MoneyParam, type ParamValue, type ParamValues } from './params';

export interface TranslatorOptions {
  language: Language;
  /** The language's catalogue (languageCatalogue in catalogue.ts; English alone in english.ts, for start-up cost). */
  messages: Readonly<Record<string, string>>;
  /** Arabic-Indic or Latin digits for Arabic text (Latin unless the reader chose otherwise). */
  digits?: Digits;
  /**
   * Pseudo-localisation for tests: every text made by this translator is wrapped in ⟦…⟧, so a page scan can
   * tell text that came from the catalogue from text that did not.
   */
  pseudo?: boolean;
}

export interface Translator {
  readonly language: Language;
  /** The Intl locale numbers, dates and amounts are formatted with. */
  readonly locale: string;
  t<K extends MessageKey>(key: K, ...params: ParamsArg<K>): string;
  /** For a key that arrives at run time (a code from main): `fallback` (or the key) when the catalogue lacks it. */
  text(key: string, params?: ParamValues, fallback?: string): string;
  /** A Message from main (or built with `msg`) as text. */
  message(m: Message, fallback?: string): string;
}

export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

// Dates travel as ISO days (YYYY-MM-DD): shown as that calendar day, whatever the machine's time zone.
// Only the time zone is set: intl-messageformat merges these into its own short/medium/long/full field sets, and a
// dateStyle next to those fields makes Intl throw ("Can't set option year when dateStyle is used").
const UTC_DATE_FORMATS = {
  date: {
    short: { timeZone: 'UTC' },
    medium: { timeZone: 'UTC' },
    long: { timeZone: 'UTC' },
    full: { timeZone: 'UTC' },
  },
} as const;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

interface Compiled {
  format: IntlMessageFormat;
  /** Every argument the message names. */
  args: Set<string>;
  /** Arguments written as dates ({d, date, medium}). */
  dateArgs: Set<string>;
  /** Arguments inserted as text ({name}): isolated in right-to-left text. */
  textArgs: Set<string>;
}

function collectArgs(elements: MessageFormatElement[], c: Pick<Compiled, 'args' | 'dateArgs' | 'textArgs'>): void {
  for (const el of elements) {
    if (el.type !== TYPE.literal && el.type !== TYPE.pound && el.type !== TYPE.tag) c.args.add(el.value);
    if (el.type === TYPE.date) c.dateArgs.add(el.value);
    if (el.type === TYPE.argument) c.textArgs.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const option of Object.values(el.options)) collectArgs(option.value, c);
  }
}

const isMoney = (v: ParamValue): v is MoneyParam => typeof v === 'object' && v !== null && 'minor' in v;

export function translatorFor(opts: TranslatorOptions): Translator {
  const { language, pseudo = false } = opts;
  const locale = intlLocale(language, opts.digits);
  const messages = opts.messages;
  const compiled = new Map<string, Compiled>();

  function compile(key: string, text: string): Compiled {
    let c = compiled.get(key);
    if (!c) {
      // ignoreTag: a "<" in a message is text, never markup.
      const format = new IntlMessageFormat(text, locale, UTC_DATE_FORMATS, { ignoreTag: true });
      c = { format, args: new Set(), dateArgs: new Set(), textArgs: new Set() };
      collectArgs(format.getAst(), c);
      compiled.set(key, c);
    }
    return c;
  }

  const rtl = directionOf(language) === 'rtl';

  function values(c: Compiled, params: ParamValues): Record<string, string | number | Date> {
    // A parameter a run-time code did not bring reads as empty (a select then takes its `other` branch) rather
    // than losing the whole message; typed calls cannot leave one out.
    const out: Record<string, string | number | Date> = {};
    for (const name of c.args) if (!(name in params) && !c.dateArgs.has(name)) out[name] = '';
    for (const [name, v] of Object.entries(params)) {
      let value: string | number | Date;
      if (isMoney(v)) value = formatMoney(v.minor, v.currency, locale);
      else if (isMessage(v)) value = text(v.key, v.params);
      else if (typeof v === 'string' && c.dateArgs.has(name) && ISO_DAY.test(v)) value = new Date(`${v}T00:00:00Z`);
      else value = v;
      if (rtl && c.textArgs.has(name) && !(value instanceof Date)) {
        // A name, number or amount inside Arabic text keeps its own direction, the words around it their order.
        value = isolate(String(value));
      }
      out[name] = value;
    }
    return out;
  }

  function format(key: string, text: string, params: ParamValues | undefined): string {
    const c = compile(key, text);
    let out = String(c.format.format(values(c, params ?? {})));
    // Codes the message itself writes (2026-Q1, an example address) keep their order in right-to-left text.
    if (rtl) out = isolateLtrRuns(out);
    return pseudo ? `${PSEUDO_OPEN}${out}${PSEUDO_CLOSE}` : out;
  }

  function text(key: string, params?: ParamValues, fallback?: string): string {
    const pattern = Object.hasOwn(messages, key) ? messages[key] : undefined;
    if (pattern === undefined) return fallback ?? key;
    try {
      return format(key, pattern, params);
    } catch {
      // A stored code whose parameters no longer fit its message: show what we have rather than nothing.
      return fallback ?? pattern;
    }
  }

  return {
    language,
    locale,
    t(key, ...params) {
      return format(key, messages[key] ?? key, params[0] as ParamValues | undefined);
    },
    text,
    message: (m, fallback) => text(m.key, m.params, fallback),
  };
}
