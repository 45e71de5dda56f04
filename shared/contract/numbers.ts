/**
 * Whole numbers in contract inputs. Kept apart from fields.ts, which reads phone numbers (libphonenumber): the app
 * domain's contract, which `kassa info` loads, needs only this.
 */
import { z } from 'zod';
import { says } from './validation';

/** −0 is no number anyone typed; JSON and SQLite would turn it into 0 without a word. */
export const notNegativeZero = (v: number): boolean => !Object.is(v, -0);

/** A whole number (a count, a day, a port, a page size): an integer, never −0. Add `.min()`/`.max()`. */
export const wholeNumber = () =>
  z
    .number({ error: says('validation.not_number') })
    .int({ error: says('validation.not_whole_number') })
    .refine(notNegativeZero, { error: says('validation.not_whole_number') });
