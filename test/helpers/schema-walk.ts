/**
 * Reading the contract's zod schemas as data: which objects are strict, which strings bounded and checked, which
 * fields optional, nullable or numeric — for the structural test of every method's input and for generating
 * hostile inputs field by field (the contract campaign).
 */
import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  checks?: Array<{ _zod: { def: { check: string; format?: string; value?: number; maximum?: number } } }>;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (s: z.ZodType): string[] =>
  (defOf(s).checks ?? []).map((c) => `${c._zod.def.check}${c._zod.def.format ? `:${c._zod.def.format}` : ''}`);

export type SchemaNode =
  | { kind: 'object'; strict: boolean; fields: Record<string, z.ZodType> }
  | { kind: 'record'; plainKeys: boolean; value: z.ZodType }
  | { kind: 'string'; bounded: boolean; checked: boolean; max: number | undefined }
  | { kind: 'number'; int: boolean }
  | { kind: 'array'; element: z.ZodType }
  | { kind: 'other'; type: string };

/** What a field is, under its optional/nullable/default/pipe wrappers. */
export interface FieldShape {
  optional: boolean;
  nullable: boolean;
  node: SchemaNode;
  /** The innermost schema (for nested objects, arrays, unions). */
  schema: z.ZodType;
  /** Union members, if the field is a union. */
  options: z.ZodType[];
}

export function fieldShape(schema: z.ZodType): FieldShape {
  let s = schema;
  let optional = false;
  let nullable = false;
  let plainRecord = false;
  // Checks on wrappers (a refine after a transform sits on the pipe) count for the value inside.
  const outer: string[] = [];
  for (;;) {
    const d = defOf(s);
    outer.push(...checksOf(s));
    if (d.type === 'optional' || d.type === 'default' || d.type === 'prefault') optional = true;
    if (d.type === 'nullable') nullable = true;
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch'].includes(d.type) && d.innerType) {
      s = d.innerType;
      continue;
    }
    if (d.type === 'pipe' && d.in && d.out) {
      // z.preprocess(fn, schema) is pipe(transform, schema): plainRecord() looks at the raw keys this way.
      if (defOf(d.in).type === 'transform') {
        plainRecord = defOf(d.out).type === 'record';
        s = d.out;
      } else s = defOf(d.out).type === 'transform' ? d.in : d.out;
      continue;
    }
    break;
  }
  return { optional, nullable, node: nodeOf(s, plainRecord, outer), schema: s, options: defOf(s).options ?? [] };
}

function nodeOf(s: z.ZodType, plainRecord: boolean, outer: string[]): SchemaNode {
  const d = defOf(s);
  switch (d.type) {
    case 'object':
      return {
        kind: 'object',
        strict: d.catchall !== undefined && defOf(d.catchall).type === 'never',
        fields: d.shape ?? {},
      };
    case 'record': {
      const keyChecks = d.keyType ? checksOf(d.keyType) : [];
      return {
        kind: 'record',
        plainKeys: plainRecord && keyChecks.includes('string_format:regex') && keyChecks.includes('custom'),
        value: d.valueType!,
      };
    }
    case 'string': {
      const checks = [...checksOf(s), ...outer];
      const maxCheck = (d.checks ?? []).find((c) => c._zod.def.check === 'max_length');
      // A fixed format (uuid, ...) bounds and checks every character; a regex checks them.
      const fixedFormat = checks.some((c) => c.startsWith('string_format:') && c !== 'string_format:regex');
      return {
        kind: 'string',
        bounded: fixedFormat || checks.includes('max_length') || checks.includes('length_equals'),
        checked: fixedFormat || checks.includes('custom') || checks.includes('string_format:regex'),
        max: maxCheck?._zod.def.maximum,
      };
    }
    case 'number': {
      const checks = checksOf(s);
      return { kind: 'number', int: checks.some((c) => /int/.test(c)) };
    }
    case 'array':
      return { kind: 'array', element: d.element! };
    default:
      return { kind: 'other', type: d.type };
  }
}

/** Visits every node of a schema with its dotted path (`method.field.sub`). */
export function walkSchema(schema: z.ZodType, at: string, visit: (node: SchemaNode, at: string) => void): void {
  const f = fieldShape(schema);
  visit(f.node, at);
  for (const o of f.options) walkSchema(o, at, visit);
  if (f.node.kind === 'object') for (const [k, v] of Object.entries(f.node.fields)) walkSchema(v, `${at}.${k}`, visit);
  if (f.node.kind === 'record') walkSchema(f.node.value, `${at}.*`, visit);
  if (f.node.kind === 'array') walkSchema(f.node.element, `${at}[]`, visit);
}
