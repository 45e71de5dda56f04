/**
 * Sharing an invoice with its customer, and the user's own mail server. Routes:
 * - `email`: through the user's SMTP server, the PDF attached, queued in the outbox while offline;
 * - `provider`: the payment provider's own sending (Kashier sends by e-mail or SMS after create; Paycashless and
 *   Kaspa only at create; SimpleCash e-mails the payer by itself);
 * - `sms`, `whatsapp`: a link that opens the user's messaging app with the message ready (nothing is sent by Kassa).
 * Every share is recorded in the invoice history as codes and parameters. The SMTP password is write-only: it goes to
 * the keychain and no method returns it.
 */
import { z } from 'zod';
import type { ErrorBody } from '../errors';
import type { Digits, Language } from '../i18n/languages';
import type { ProviderId } from '../domain';
import type { ShareChannel } from '../providers';
import { SHARE_TEMPLATES, type ShareFacts, type ShareTemplate } from '../share/templates';
import { method } from './define';
import { checkedString, foreignId, ledgerId, wholeNumber } from './fields';
import type { SyncItem } from './sync';

export const SHARE_ROUTES = ['email', 'provider', 'sms', 'whatsapp'] as const;
export type ShareRoute = (typeof SHARE_ROUTES)[number];

/** `tls`: implicit TLS (usually port 465); `starttls`: upgrade a plain connection (587); `none`: localhost only. */
export const SMTP_TLS_MODES = ['tls', 'starttls', 'none'] as const;
export type SmtpTlsMode = (typeof SMTP_TLS_MODES)[number];

export interface SmtpSettings {
  /** False until host, port and From are set. */
  configured: boolean;
  host: string | null;
  port: number | null;
  tls: SmtpTlsMode;
  /** Login name; null when the server takes mail without a login (loopback relays). */
  user: string | null;
  /** The address messages are sent from (and the copy to self goes to). */
  from: string | null;
  /** Whether the keychain holds a password (never the password). */
  passwordSet: boolean;
}

export interface SmtpTestResult {
  ok: true;
  to: string;
  messageId: string;
  /** The server's final answer, e.g. "250 OK: queued". */
  response: string;
}

/** How a provider linked to the invoice can send it (from its descriptor's capabilities). */
export type ProviderShareMode =
  /** An API call after create (Kashier: e-mail or SMS). */
  | 'api'
  /** Only when the invoice is created there, if asked (Paycashless sendEmail). */
  | 'at_creation'
  /**
   * Always asked at creation (Kaspa `send: true`), but whether that e-mails the customer is not documented: not a
   * route Kassa can offer or record as sent.
   */
  | 'sent_at_creation'
  /** The provider e-mails the payer by itself (SimpleCash). */
  | 'automatic'
  /** The provider cannot send invoices. */
  | 'none';

export interface ProviderShareOption {
  accountId: string;
  accountName: string;
  provider: ProviderId;
  mode: ProviderShareMode;
  channels: ShareChannel[];
  /** True while the invoice's create is still queued (so an at-creation send can still be asked for). */
  createQueued: boolean;
}

export interface RouteOption {
  route: ShareRoute;
  available: boolean;
  /** Why not, as a catalogue error (code + params), when not available. */
  reason: ErrorBody | null;
}

export interface ShareOptions {
  invoiceId: string;
  /** The customer's document language: the message is written in it. */
  language: Language;
  /** The digits the message's numbers are written with (the business's choice for Arabic documents). */
  digits: Digits;
  facts: ShareFacts;
  /** Prefilled from the customer (its current record, else the invoice's copy). */
  email: string | null;
  phone: string | null;
  /** ISO 3166-1 alpha-2, used to read a local phone number. */
  country: string | null;
  routes: RouteOption[];
  defaultRoute: ShareRoute;
  provider: ProviderShareOption | null;
  smtp: { configured: boolean; from: string | null };
}

export type ShareStatus =
  /** The mail server or the provider accepted it. */
  | 'sent'
  /** Waiting in the outbox (offline, a temporary failure, or a provider create still on its way). */
  | 'queued'
  /** Refused (e.g. the recipient address): a person decides (retry after fixing, or mark resolved). */
  | 'failed'
  /** Kassa cannot tell whether it went out (stopped mid-send): a person decides. */
  | 'needs_review'
  /** The provider sends it by itself; nothing more to do. */
  | 'by_provider';

export type ShareOutcome =
  | {
      route: 'email' | 'provider';
      status: ShareStatus;
      /** The recipient (e-mail address or E.164 number); null when the provider picks it. */
      to: string | null;
      /** The outbox item carrying it (retry / resolve it from the sync panel); null for by_provider. */
      itemId: number | null;
      /** Why it is queued, failed or parked. */
      error: ErrorBody | null;
      nextAttemptAt: string | null;
      /** The e-mail's Message-ID once sent. */
      messageId: string | null;
    }
  | {
      route: 'sms' | 'whatsapp';
      status: 'prepared';
      to: string;
      /** The sms: or https://wa.me link the app opens. */
      url: string;
      message: string;
    };

const id = ledgerId();

export const smtpSetInput = z
  .object({
    host: checkedString(253),
    port: wholeNumber(),
    tls: z.enum(SMTP_TLS_MODES),
    user: checkedString(254).nullable().optional(),
    from: checkedString(254),
    /** Write-only: stored in the keychain. Absent keeps the stored one (unless the server changed). */
    password: checkedString(1024).optional(),
  })
  .strict();
export type SmtpSetInput = z.output<typeof smtpSetInput>;

export const shareSendInput = z
  .object({
    id,
    route: z.enum(SHARE_ROUTES),
    /** E-mail address or phone number (as typed; read with the customer's country). Defaults to the customer's. */
    to: checkedString(254).optional(),
    template: z.enum(SHARE_TEMPLATES).default('invoice'),
    /** E-mail: a copy to the From address. */
    copyToSelf: z.boolean().default(false),
    /** Provider route: which linked account (defaults to the invoice's only one). */
    accountId: foreignId().optional(),
  })
  .strict();
export type ShareSendInput = z.output<typeof shareSendInput>;

export const shareMethods = {
  'smtp.get': method<SmtpSettings>()(z.object({}).strict(), 'The SMTP settings (the password only as passwordSet).'),
  'smtp.set': method<SmtpSettings>()(
    smtpSetInput,
    'Saves the SMTP settings; the password goes to the keychain. Changing the server from the app removes the stored password (enter it again).',
  ),
  'smtp.test': method<SmtpTestResult>()(
    z.object({ to: checkedString(254) }).strict(),
    'Sends a test e-mail through the SMTP settings; a failure says which check failed (connection, TLS certificate, login, recipient).',
  ),
  'share.options': method<ShareOptions>()(
    z.object({ id }).strict(),
    "What the share dialog offers for an invoice: routes (and why one is not available), the customer's address and number, the message facts and language.",
  ),
  'share.send': method<ShareOutcome>()(
    shareSendInput,
    'Shares an invoice: e-mail and provider routes send (or queue while offline) and answer with the outcome; sms and whatsapp answer with the link to open and the message.',
  ),
  'share.items': method<SyncItem[]>()(
    z.object({ id }).strict(),
    "The invoice's deliveries (e-mails and provider sends), newest first, with their state, error and actions.",
  ),
};

export type { ShareTemplate };
