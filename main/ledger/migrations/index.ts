/** Every schema version, in order. One file per version; never edit a released one, add the next. */
import type { Migration } from '../migrate';
import { m001 } from './001_initial';
import { m002 } from './002_outbox_targets';
import { m003 } from './003_recurring';
import { m004 } from './004_refunds';
import { m005 } from './005_quotes';
import { m006 } from './006_default_tax_rate';
import { m007 } from './007_reminders';
import { m008 } from './008_periods_and_record_chain';
import { m009 } from './009_messages_as_codes';
import { m010 } from './010_customer_language';
import { m011 } from './011_document_language';
import { m012 } from './012_imported_as_data';
import { m013 } from './013_status_after_refunds';

export const migrations: readonly Migration[] = [
  m001,
  m002,
  m003,
  m004,
  m005,
  m006,
  m007,
  m008,
  m009,
  m010,
  m011,
  m012,
  m013,
];
