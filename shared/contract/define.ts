/**
 * Building blocks of the contract table. A method is a name, an input schema and a result type;
 * the result type exists only at compile time (main produces it, the renderer consumes it).
 */
import type { z } from 'zod';

export interface MethodSpec<I extends z.ZodType, O> {
  readonly input: I;
  readonly summary: string;
  /** Phantom field carrying the result type; never set at run time. */
  readonly __result?: O;
}

/** `method<Result>()(schema, summary)`: two steps so the input type is inferred and the result is explicit. */
export function method<O>() {
  return <I extends z.ZodType>(input: I, summary: string): MethodSpec<I, O> => ({ input, summary });
}

/** Events main pushes to the renderer (payload type only; they are produced by trusted main code). */
export interface EventSpec<P> {
  readonly summary: string;
  readonly __payload?: P;
}

export function event<P>(summary: string): EventSpec<P> {
  return { summary };
}
