/**
 * The catalogue is complete and consistent: every English key exists in every language (and nothing else),
 * every message parses as ICU MessageFormat, each translation takes exactly the English parameters with the
 * same kinds, and every plural lists each category the language's own rules select for whole numbers.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { domains as arDomains } from '../../../shared/i18n/ar';
import { CATALOGUES } from '../../../shared/i18n/catalogue';
import { domains as enDomains } from '../../../shared/i18n/en';
import { domains as esDomains } from '../../../shared/i18n/es';
import { LANGUAGES, type Language } from '../../../shared/i18n/languages';

const DOMAINS: Record<Language, Record<string, object>> = { en: enDomains, ar: arDomains, es: esDomains };
const english = CATALOGUES.en as Record<string, string>;

/** Argument name → kind ("argument", "number", "date", "plural", "select", …) over the whole message. */
function argumentsOf(elements: MessageFormatElement[], into = new Map<string, string>()): Map<string, string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound || el.type === TYPE.tag) continue;
    into.set(el.value, TYPE[el.type]);
    if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const o of Object.values(el.options)) argumentsOf(o.value, into);
  }
  return into;
}

/** Every plural in the message with the option names it lists. */
function pluralsOf(elements: MessageFormatElement[], into: Array<{ arg: string; options: string[] }> = []) {
  for (const el of elements) {
    if (el.type === TYPE.plural) into.push({ arg: el.value, options: Object.keys(el.options) });
    if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const o of Object.values(el.options)) pluralsOf(o.value, into);
  }
  return into;
}

const parseMessage = (text: string): MessageFormatElement[] =>
  parse(text, { ignoreTag: true, requiresOtherClause: true });

test('every language has exactly the English keys, each in the same domain file as in English', () => {
  for (const lang of LANGUAGES) {
    assert.deepEqual(Object.keys(CATALOGUES[lang]).sort(), Object.keys(english).sort(), `${lang}: keys`);
    assert.deepEqual(Object.keys(DOMAINS[lang]).sort(), Object.keys(enDomains).sort(), `${lang}: domain files`);
    for (const [domain, messages] of Object.entries(DOMAINS[lang])) {
      const enKeys = Object.keys((enDomains as Record<string, object>)[domain] ?? {}).sort();
      assert.deepEqual(Object.keys(messages).sort(), enKeys, `${lang}/${domain}.ts`);
    }
  }
});

test('no key is defined in two domain files (a later one would silently win)', () => {
  for (const lang of LANGUAGES) {
    const seen = new Map<string, string>();
    for (const [domain, messages] of Object.entries(DOMAINS[lang])) {
      for (const key of Object.keys(messages)) {
        assert.equal(seen.get(key), undefined, `${lang}: ${key} is in ${seen.get(key)}.ts and ${domain}.ts`);
        seen.set(key, domain);
      }
    }
  }
});

test('every message parses, and its parameters match the English ones by name and kind', () => {
  for (const [key, enText] of Object.entries(english)) {
    const enArgs = argumentsOf(parseMessage(enText));
    for (const lang of LANGUAGES) {
      const text = (CATALOGUES[lang] as Record<string, string>)[key]!;
      assert.ok(text.trim().length > 0, `${lang} ${key}: empty`);
      let ast: MessageFormatElement[];
      try {
        ast = parseMessage(text);
      } catch (err) {
        assert.fail(`${lang} ${key}: ${(err as Error).message} in ${JSON.stringify(text)}`);
      }
      assert.deepEqual(
        [...argumentsOf(ast)].sort(),
        [...enArgs].sort(),
        `${lang} ${key}: parameters differ from English`,
      );
      // Quoted ICU text ('{…}') is not read by the type checker's parameter extraction: keep it out.
      assert.ok(!/'[{}#]/.test(text), `${lang} ${key}: quoted ICU syntax`);
    }
  }
});

test("every plural lists each category the language's rules choose for whole numbers (Arabic: all six)", () => {
  for (const lang of LANGUAGES) {
    const rules = new Intl.PluralRules(lang);
    const numbersOf = new Map<string, number[]>();
    for (let n = 0; n <= 1000; n++) numbersOf.set(rules.select(n), [...(numbersOf.get(rules.select(n)) ?? []), n]);
    if (lang === 'ar') assert.deepEqual([...numbersOf.keys()].sort(), ['few', 'many', 'one', 'other', 'two', 'zero']);
    const valid = new Set(rules.resolvedOptions().pluralCategories);
    for (const [key, text] of Object.entries(CATALOGUES[lang] as Record<string, string>)) {
      for (const { arg, options } of pluralsOf(parseMessage(text))) {
        for (const [category, numbers] of numbersOf) {
          // Exact matches (=0) may stand for a category that only they take (Arabic "zero" is 0 alone).
          const covered = options.includes(category) || numbers.every((n) => options.includes(`=${n}`));
          assert.ok(covered, `${lang} ${key}: {${arg}} lacks the "${category}" form`);
        }
        for (const o of options)
          assert.ok(
            o.startsWith('=') || valid.has(o as Intl.LDMLPluralRule),
            `${lang} ${key}: "${o}" is no ${lang} category`,
          );
      }
    }
  }
});
