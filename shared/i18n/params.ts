/**
 * The parameters of an ICU message, read from the English text by the type checker, so that
 * `t('invoices.count', { count: 3 })` fails to compile when a parameter is missing or misspelt.
 *
 * ICU arguments open at an even brace depth (`{name}`, `{count, plural, …}`); option bodies open at an
 * odd depth (`one {…}`), and may hold further arguments at the next even depth. Quoted braces (`'{'`)
 * are not understood here: the catalogue does not use them (the completeness test parses every message).
 */

/** A money amount as a parameter: formatted with the reader's locale where the text is made. */
export interface MoneyParam {
  minor: number;
  currency: string;
}

/**
 * A message as data: a catalogue key and its parameters. This is how main tells the user anything (errors,
 * advice, history, notifications): the text is made where it is shown, in the reader's language.
 */
export interface Message {
  key: string;
  params?: ParamValues;
}

/**
 * What a parameter may be on the wire (JSON): dates travel as ISO `YYYY-MM-DD` strings; a Message parameter
 * is itself translated (e.g. a field's label inside a validation message).
 */
export type ParamValue = string | number | MoneyParam | Message;

/** True for a Message (e.g. read back from JSON). */
export const isMessage = (v: unknown): v is Message =>
  typeof v === 'object' && v !== null && typeof (v as { key?: unknown }).key === 'string';
export type ParamValues = { [name: string]: ParamValue };

type Depth = 0[];
type Pop<D extends Depth> = D extends [0, ...infer R extends Depth] ? R : [];
type IsEven<D extends Depth> = D extends [] ? true : D extends [0, 0, ...infer R extends Depth] ? IsEven<R> : false;
type CloseAll<S extends string, D extends Depth> = S extends `${string}}${infer R}` ? CloseAll<R, Pop<D>> : D;
type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;

/** `name}…` or `name, kind, …` → [name, kind]. */
type ArgHead<S extends string> = S extends `${infer Head}}${string}`
  ? Head extends `${infer Name},${infer Rest}`
    ? [Trim<Name>, Trim<Rest extends `${infer Kind},${string}` ? Kind : Rest>]
    : [Trim<Head>, '']
  : never;

type Scan<S extends string, D extends Depth, Acc> = S extends `${infer Before}{${infer After}`
  ? CloseAll<Before, D> extends infer D2 extends Depth
    ? IsEven<D2> extends true
      ? Scan<After, [0, ...D2], Acc | ArgHead<After>>
      : Scan<After, [0, ...D2], Acc>
    : never
  : Acc;

type ValueFor<Kind extends string> = Kind extends 'plural' | 'selectordinal' | 'number'
  ? number
  : Kind extends 'date'
    ? string
    : Kind extends 'select'
      ? string
      : ParamValue;

/** `{ name: type }` for every argument of the message text `S` (`{}` when it has none). */
export type ParamsOf<S extends string> = {
  [A in Scan<S, [], never> as A extends [infer N extends string, string] ? N : never]: A extends [
    string,
    infer K extends string,
  ]
    ? ValueFor<K>
    : never;
};
