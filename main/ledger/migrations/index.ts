/** Every schema version, in order. One file per version; never edit a released one, add the next. */
import type { Migration } from '../migrate';
import { m001 } from './001_initial';

export const migrations: readonly Migration[] = [m001];
