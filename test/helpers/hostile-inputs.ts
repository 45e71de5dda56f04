/**
 * Hostile inputs for a contract method, generated from its zod schema (schema-walk.ts reads it as data): a valid
 * base input is built field by field, then each case breaks exactly one thing in it — a wrong type, a missing
 * required field, an extra or prototype key, a huge string, deep nesting, NaN/Infinity/−0, fractional or negative
 * minor units, control and invisible characters. A case names the field it broke, so a test can tell that the
 * refusal is about that field and not about something else in the base.
 */
import type { z } from 'zod';
import { fieldShape, type FieldShape } from './schema-walk';

export type HostileKind =
  | 'wrong_type'
  | 'missing'
  | 'extra_field'
  | 'prototype_key'
  | 'huge_string'
  | 'deep_nesting'
  | 'non_finite'
  | 'negative_zero'
  | 'fraction'
  | 'negative'
  | 'too_large'
  | 'control_chars'
  | 'invisible_chars';

export interface HostileCase {
  kind: HostileKind;
  /** Dotted path of the field broken ('' for the input itself). */
  at: string;
  input: unknown;
  /** False when JSON cannot carry the case (NaN, −0, undefined): in-process transports only. */
  json: boolean;
}

interface Def {
  type: string;
  entries?: Record<string, string | number>;
  values?: unknown[];
  options?: z.ZodType[];
  checks?: Array<{ _zod: { def: { check: string; minimum?: number; value?: number } } }>;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const ok = (s: z.ZodType, v: unknown): boolean => s.safeParse(v).success;

/** Strings that satisfy one field or another; the first its schema accepts is the base value. */
const STRING_CANDIDATES = [
  'Nile Bakery',
  'EUR',
  '2026-03-10',
  '2026-03',
  '2026',
  'cus_0000000000',
  'acc_0000000000',
  '1',
  '14',
  'S',
  'en',
  'a@example.com',
  'https://example.com',
  '/tmp/kassa-campaign-out',
  'C62',
  'EM:a@example.com',
  'QUJD',
  '00000000-0000-4000-8000-000000000000',
  'x',
];
const NUMBER_CANDIDATES = [1, 0, 100, 2026, 12, 30];
const OTHER_CANDIDATES: unknown[] = [true, false, null, 1, 'x', {}, []];

/** A value the schema accepts, or undefined when none is found. `depth` bounds recursion through nested objects. */
export function validValue(schema: z.ZodType, depth = 0): unknown {
  const f = fieldShape(schema);
  if (f.optional) return undefined;
  const v = innerValue(f, depth);
  if (v !== undefined && ok(schema, v)) return v;
  if (f.nullable && ok(schema, null)) return null;
  return v;
}

function innerValue(f: FieldShape, depth: number): unknown {
  const n = f.node;
  switch (n.kind) {
    case 'object': {
      if (depth > 6) return {};
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(n.fields)) {
        const v = validValue(s, depth + 1);
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    case 'record':
      return {};
    case 'string':
      return STRING_CANDIDATES.find((c) => ok(f.schema, c) && (n.max === undefined || c.length <= n.max));
    case 'number':
      return NUMBER_CANDIDATES.find((c) => ok(f.schema, c));
    case 'array': {
      if (ok(f.schema, [])) return [];
      const e = validValue(n.element, depth + 1);
      return [e];
    }
    case 'other': {
      const d = defOf(f.schema);
      if (d.type === 'enum' && d.entries) return Object.values(d.entries)[0];
      if (d.type === 'literal' && d.values) return d.values[0];
      if (d.type === 'union' && d.options)
        for (const o of d.options) {
          const v = validValue(o, depth + 1);
          if (v !== undefined && ok(o, v)) return v;
        }
      return OTHER_CANDIDATES.find((c) => ok(f.schema, c));
    }
  }
}

/** The required fields' values; when a rule across fields wants more, the first optional field that satisfies it. */
function validBase(schema: z.ZodType): { base: unknown; added?: string } {
  const base = validValue(schema) ?? {};
  const n = fieldShape(schema).node;
  if (ok(schema, base) || n.kind !== 'object') return { base };
  for (const [k, s] of Object.entries(n.fields)) {
    const v = innerValue(fieldShape(s), 1);
    const tried = { ...(base as object), [k]: v };
    if (v !== undefined && ok(schema, tried)) return { base: tried, added: k };
  }
  return { base };
}

const deep = (levels: number): unknown => {
  let v: unknown = 'bottom';
  for (let i = 0; i < levels; i++) v = i % 2 === 0 ? [v] : { a: v };
  return v;
};

/** The same input with `value` at `path` (undefined deletes the field); objects along the way are copied. */
function withAt(input: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(input)) {
    const copy = [...input];
    copy[Number(head)] = withAt(copy[Number(head)], rest, value);
    return copy;
  }
  const copy = { ...(input as Record<string, unknown>) };
  if (rest.length === 0 && value === undefined) delete copy[head];
  else copy[head] = withAt(copy[head], rest, value);
  return copy;
}

/** An object with an own `__proto__` (or other prototype) key, as JSON.parse makes one. */
function withOwnKey(obj: unknown, key: string, value: unknown): unknown {
  const json = JSON.stringify(obj ?? {});
  const entry = `${JSON.stringify(key)}:${JSON.stringify(value)}`;
  return JSON.parse(json === '{}' ? `{${entry}}` : `${json.slice(0, -1)},${entry}}`) as unknown;
}

const CONTROL = ['a\u0000b', 'a\u0007', 'a\u001bb', 'a\u0085b', 'a\u2028b'];
// A lone U+FEFF is not here: String.prototype.trim removes it like a space, so it reads as an empty field.
const INVISIBLE = ['\u200b\u200b', '\ufeff\u200b', '\u2060\u00ad', 'x\u202e', 'a\ud800'];
const HUGE = 1_000_000;

/** Every hostile case for one method's input. */
export function hostileCases(schema: z.ZodType): {
  base: unknown;
  baseValid: boolean;
  /**
   * The optional field a rule across fields needed in the base (one of `csv` or `csvBytes`): breaking another field
   * may be refused as a conflict with this one.
   */
  added: string | undefined;
  cases: HostileCase[];
} {
  const { base, added } = validBase(schema);
  const baseValid = ok(schema, base);
  const cases: HostileCase[] = [];
  const add = (kind: HostileKind, at: string[], input: unknown, json = true): void => {
    cases.push({ kind, at: at.join('.'), input, json });
  };

  // The input itself: not an object at all, or an object carrying more than it should.
  for (const v of ['x', 42, [], true]) add('wrong_type', [], v);
  add('extra_field', [], { ...(base as object), unexpectedField: 1 });
  for (const key of ['__proto__', 'constructor', 'prototype', 'toString'])
    add('prototype_key', [], withOwnKey(base, key, { polluted: true }));
  add('deep_nesting', [], { ...(base as object), nested: deep(1_000) });

  const visit = (s: z.ZodType, at: string[], level: number): void => {
    const f = fieldShape(s);
    const n = f.node;
    if (n.kind === 'object') {
      for (const [k, sub] of Object.entries(n.fields)) {
        const path = [...at, k];
        const sf = fieldShape(sub);
        if (!sf.optional && at.length === 0) add('missing', path, withAt(base, path, undefined), false);
        fieldCases(sub, path);
        // Nested objects: only where the base holds one (their parent is present).
        if (sf.node.kind === 'object' && level < 3 && isObjectAt(base, path)) {
          add('extra_field', [...path, 'unexpectedField'], withAt(base, [...path, 'unexpectedField'], 1));
          add(
            'prototype_key',
            [...path, '__proto__'],
            withAt(base, path, withOwnKey(valueAt(base, path), '__proto__', 1)),
          );
          visit(sub, path, level + 1);
        }
        if (sf.node.kind === 'array' && level < 3 && Array.isArray(valueAt(base, path))) {
          const el = fieldShape(sf.node.element);
          const items = valueAt(base, path) as unknown[];
          if (items.length > 0 && el.node.kind === 'object') visit(sf.node.element, [...path, '0'], level + 1);
        }
      }
    }
  };

  const fieldCases = (s: z.ZodType, path: string[]): void => {
    const f = fieldShape(s);
    const put = (kind: HostileKind, v: unknown, json = true): void => add(kind, path, withAt(base, path, v), json);
    const n = f.node;
    const wrong: unknown[] = [{ a: 1 }, [[{}]], true];
    if (n.kind !== 'string') wrong.push('1');
    if (n.kind !== 'number') wrong.push(1);
    if (n.kind === 'other' && n.type === 'boolean') wrong.splice(2, 1, 'true');
    for (const w of wrong) put('wrong_type', w);
    put('deep_nesting', deep(1_000));
    if (n.kind === 'string') {
      put('huge_string', 'a'.repeat(HUGE));
      if (n.max !== undefined && n.max < HUGE) put('huge_string', 'a'.repeat(n.max + 1));
      for (const c of CONTROL) put('control_chars', c);
      for (const c of INVISIBLE) put('invisible_chars', c);
    }
    if (n.kind === 'number') {
      put('non_finite', NaN, false);
      put('non_finite', Infinity, false);
      put('non_finite', -Infinity, false);
      put('negative_zero', -0, false);
      put('too_large', 1e300);
      put('too_large', Number.MAX_SAFE_INTEGER + 2);
      if (n.int) put('fraction', 0.5);
      if (minimumOf(f.schema) >= 0) put('negative', -1);
    }
    if (n.kind === 'array')
      put(
        'huge_string',
        Array.from({ length: 100_000 }, () => 'x'),
      );
    if (n.kind === 'record') {
      put('prototype_key', JSON.parse('{"__proto__":"x"}'));
      put('prototype_key', { constructor: 'x' });
      put('huge_string', { ['k'.repeat(10_000)]: 'x' });
    }
  };

  visit(schema, [], 0);
  return { base, baseValid, added, cases };
}

/** The lowest value a number schema allows (−Infinity when it sets none). */
function minimumOf(s: z.ZodType): number {
  const min = (defOf(s).checks ?? []).find((c) => c._zod.def.check === 'greater_than');
  return min?._zod.def.value ?? -Infinity;
}

function valueAt(v: unknown, path: string[]): unknown {
  let cur = v;
  for (const p of path) cur = cur === null || typeof cur !== 'object' ? undefined : (cur as Record<string, unknown>)[p];
  return cur;
}
const isObjectAt = (v: unknown, path: string[]): boolean => {
  const x = valueAt(v, path);
  return x !== null && typeof x === 'object' && !Array.isArray(x);
};
