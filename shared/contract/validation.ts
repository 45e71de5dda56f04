/**
 * What the contract's schemas say when they refuse input, as catalogue messages: each zod issue (its code,
 * limits and path) becomes a Message (`validation.*` with the field's label), shown in the reader's language.
 * Main answers every transport with it (CLI and logs in English); the renderer checks forms with the same
 * schemas and shows the same words, so no screen re-implements a rule.
 *
 * A schema names a specific message by giving its key as the error (`{ error: says('validation.date') }`);
 * refinements add their params (`{ error: says('validation.zero_rate'), params: { category } }`).
 * Anything else is worded from the issue's code.
 */
import type { z } from 'zod';
import { isMessageKey, type MessageKey } from '../i18n/keys';
import type { Message, ParamValues } from '../i18n/params';

export type ValidationKey = Extract<MessageKey, `validation.${string}`>;

/** The catalogue key a schema check reports (zod keeps it as the issue's message). */
export const says = (key: ValidationKey): ValidationKey => key;

type Issue = z.core.$ZodIssue & { input?: unknown };

/**
 * The label of the field at `path`: the most specific `field.<path>` the catalogue has, ignoring list
 * indices (`lines.0.quantity` → `field.lines.quantity`, else `field.quantity`).
 */
export function fieldLabel(path: readonly PropertyKey[]): Message {
  const names = path.filter((p): p is string => typeof p === 'string');
  if (names.length === 0) return { key: 'field.input' };
  for (let i = 0; i < names.length; i++) {
    const key = `field.${names.slice(i).join('.')}`;
    if (isMessageKey(key)) return { key };
  }
  return { key: 'field.named', params: { name: printable(names.join('.')).slice(0, 80) } };
}

const num = (v: number | bigint): number => Number(v);

/** A caller's key as it may be shown: control, invisible and broken characters escaped (a key can be anything). */
const printable = (key: string): string =>
  JSON.stringify(key)
    .slice(1, -1)
    .replace(/[\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function limits(issue: Issue): ParamValues {
  if (issue.code === 'too_big') return { max: num(issue.maximum) };
  if (issue.code === 'too_small') return { min: num(issue.minimum) };
  return {};
}

function keyFor(issue: Issue): ValidationKey {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'validation.required';
      switch (issue.expected) {
        case 'string':
          return 'validation.not_text';
        case 'int':
          return 'validation.not_whole_number';
        case 'number':
        case 'bigint':
          return 'validation.not_number';
        case 'boolean':
          return 'validation.not_boolean';
        case 'array':
          return 'validation.not_list';
        case 'object':
        case 'record':
          return 'validation.not_object';
        default:
          return 'validation.invalid';
      }
    case 'too_big':
      return issue.origin === 'string'
        ? 'validation.too_long'
        : issue.origin === 'array' || issue.origin === 'set'
          ? 'validation.too_many'
          : 'validation.at_most';
    case 'too_small':
      if (issue.origin === 'string') return 'validation.empty';
      return issue.origin === 'array' || issue.origin === 'set' ? 'validation.too_few' : 'validation.at_least';
    case 'invalid_value':
      return 'validation.one_of';
    case 'unrecognized_keys':
      return 'validation.unknown_fields';
    case 'invalid_key':
      return 'validation.key_name';
    default:
      return 'validation.invalid';
  }
}

/** One zod issue as a catalogue message. Never carries the refused input itself (it may be a secret). */
export function issueMessage(issue: Issue): Message {
  const missing = issue.code === 'invalid_type' && issue.input === undefined;
  const declared = !missing && isMessageKey(issue.message) && issue.message.startsWith('validation.');
  const key = declared ? (issue.message as ValidationKey) : keyFor(issue);
  const params: ParamValues = { field: fieldLabel(issue.path), ...limits(issue) };
  if (issue.code === 'invalid_value') params.values = issue.values.map(String).join(', ').slice(0, 200);
  if (issue.code === 'unrecognized_keys') {
    params.count = issue.keys.length;
    params.keys = issue.keys.map(printable).join(', ').slice(0, 200);
  }
  if (issue.code === 'custom' && issue.params) Object.assign(params, issue.params as ParamValues);
  return { key, params };
}

/** The dotted path of the field an issue is about (`lines.0.quantity`), if any. */
export const issueField = (issue: { path: readonly PropertyKey[] }): string | undefined =>
  issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;

export interface Problem {
  problem: Message;
  field: string | undefined;
}

export type Validated<T> = { ok: true; data: T } | ({ ok: false; all: Problem[] } & Problem);

/**
 * Checks `raw` with a contract schema: the parsed value, or the problems as messages with their fields
 * (the first one also spread, for callers that report one).
 */
export function validate<S extends z.ZodType>(schema: S, raw: unknown): Validated<z.output<S>> {
  const r = schema.safeParse(raw, { reportInput: true });
  if (r.success) return { ok: true, data: r.data };
  const all = (r.error.issues as Issue[]).map((issue) => ({ problem: issueMessage(issue), field: issueField(issue) }));
  const first = all[0] ?? {
    problem: { key: 'validation.invalid', params: { field: fieldLabel([]) } },
    field: undefined,
  };
  return { ok: false, ...first, all };
}
