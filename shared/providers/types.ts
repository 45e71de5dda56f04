/**
 * What Kassa knows about a payment provider that both processes may see: its name, the secret and setting fields an
 * account takes (with their validation), and its capabilities as data. One file per provider in this folder; the
 * main process extends each with what only it may hold (adapter factory, reference codec, poll strategy) in
 * main/providers/<id>/. Pure data: no node:* imports, no I/O.
 */
import type { PlainKey } from '../i18n/catalogue';
import type { Message } from '../i18n/params';

/** A caveat is a catalogue message without parameters, made in the reader's language where it is shown. */
export type CaveatKey = Extract<PlainKey, `providers.caveat.${string}`>;

/** Operations an adapter may offer beyond create and list. Absent from `operations` = the provider cannot do it. */
export const PROVIDER_OPERATIONS = [
  'get',
  'update',
  'cancel',
  'markPaid',
  'delete',
  'share',
  'paymentUrl',
  'lookupByReference',
  'events',
] as const;
export type ProviderOperation = (typeof PROVIDER_OPERATIONS)[number];

export type ShareChannel = 'email' | 'sms';

/** One secret or setting an account of this provider takes. */
export interface ProviderField {
  name: string;
  /** Shown next to the input. */
  label: string;
  required: boolean;
  /** `currency`: an ISO-4217 code the provider accepts (upper-cased when stored). */
  kind: 'text' | 'currency';
  /** The trimmed value must match this regex source, or the account is refused with `code` and `message`. */
  /** The field's rule: its value must match `source`; else the error `code` (whose message is in the catalogue). */
  pattern?: { source: string; code: string };
  placeholder?: string;
}

/**
 * What a person can do instead when the provider lacks an operation; the text is made where it is shown
 * (see `insteadText`).
 */
export type InsteadCode =
  /** Do it in the provider's own dashboard. */
  | 'use_dashboard'
  /** Send the payment link (or the provider's payment code) to the customer yourself. */
  | 'send_link_yourself'
  /** The provider already e-mails the invoice to the customer by itself. */
  | 'provider_emails_customer'
  /** The provider can only e-mail at creation, which Kassa asks for when you issue with "send". */
  | 'email_at_creation_only'
  /**
   * Kassa always creates the invoice there with "send" on (Kaspa: `send: true`, else it stays a draft); whether the
   * provider then e-mails the customer is not documented, so the person sends the link too.
   */
  | 'sent_at_creation'
  /** The invoice expires by itself at the provider (its timeout); tell the customer not to pay. */
  | 'expires_by_itself'
  /** Record the payment here; close or void the invoice at the provider so the customer is not asked again. */
  | 'record_here_close_there'
  /** Cancel the invoice instead. */
  | 'cancel_instead'
  /** Kassa cannot ask whether a create arrived: look for it in the dashboard, then link it by id or retry. */
  | 'check_dashboard_then_link_or_retry';

export type InsteadOperation = 'cancel' | 'markPaid' | 'delete' | 'share' | 'paymentUrl' | 'lookupByReference';

export interface ProviderCapabilities {
  operations: readonly ProviderOperation[];
  /** ISO-4217 codes an invoice may be in; 'any' = the provider documents no list. */
  currencies: readonly string[] | 'any';
  /** How a create whose outcome is unknown is looked up; null = no documented lookup (parked for review). */
  lookupRoute: string | null;
  shareChannels: readonly ShareChannel[];
  /** True when the payment URL is built from an observed, undocumented pattern. */
  paymentUrlObserved: boolean;
  /** The documented request budget, when there is one. */
  rateLimitPerMinute: number | null;
  /** Things a person should know before relying on this provider (guesses to confirm against real answers). */
  caveats: readonly CaveatKey[];
}

export interface ProviderInfo<Id extends string = string> {
  id: Id;
  displayName: string;
  secretFields: readonly ProviderField[];
  settingFields: readonly ProviderField[];
  capabilities: ProviderCapabilities;
  /** For each operation the provider lacks, what a person can do instead. */
  instead: Partial<Record<InsteadOperation, InsteadCode>>;
  /**
   * What the due date becomes at this provider, shown before issuing to it — for a provider that cannot take the
   * date as it is (SimpleCash: one of its fixed timeouts). Absent = the date goes as it is.
   */
  dueDateNote?: (dueDate: string, now: Date) => Message;
}

/** The optional default-currency setting every provider takes. */
export const DEFAULT_CURRENCY_FIELD: ProviderField = {
  name: 'defaultCurrency',
  label: 'Default currency',
  required: false,
  kind: 'currency',
  placeholder: 'e.g. USD',
};
