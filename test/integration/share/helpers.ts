/**
 * Set-up for share tests: the sync test environment (services on a temp data dir, the Kashier or Paycashless
 * simulator, an account, a customer) with a fixed clock and a business profile, plus a real SMTP server on
 * 127.0.0.1 and the settings pointing at it.
 */
import type { SmtpTuning } from '../../../main/share/smtp-client';
import type { MethodInput } from '../../../shared/api';
import { startSmtpFake, type SmtpFake, type SmtpFakeOptions } from '../../helpers/smtp';
import { fastSync, syncEnv, type SyncEnv } from '../sync/helpers';

export const SMTP_USER = 'billing';
/** At least 12 characters: the leak scans look for it. */
export const SMTP_PASSWORD = 'smtp-pw-Correct-Horse-42!';
export const FROM = 'billing@nile-consulting.example';
export const BUSINESS_EMAIL = 'accounts@nile-consulting.example';
export const CUSTOMER_EMAIL = 'owner@nile-bakery.example';

/** Short timeouts: every fault in these tests answers at once or is held far longer than this. */
export const FAST_SMTP: SmtpTuning = { connectionTimeoutMs: 5_000, greetingTimeoutMs: 5_000, socketTimeoutMs: 10_000 };

export interface ShareEnv extends SyncEnv {
  clock: { now: Date };
  smtp: SmtpFake | null;
  /** Starts (or restarts on `port`) the SMTP server. */
  startSmtp(o?: SmtpFakeOptions): Promise<SmtpFake>;
  /** Points the settings at the server (login with SMTP_USER / `password` unless `user` is null). */
  useSmtp(port: number, over?: Partial<MethodInput<'smtp.set'>>): Promise<void>;
  /** Issues one invoice to the provider account (its create stays queued). */
  issueOne(): Promise<string>;
  close(): Promise<void>;
}

export async function shareEnv(
  provider: 'kashier' | 'paycashless' = 'kashier',
  opts: { keychain?: boolean; smtp?: SmtpTuning; start?: Date } = {},
): Promise<ShareEnv> {
  // A fixed clock (stable PDFs and dates), unless a signed provider needs real time.
  const clock = { now: opts.start ?? new Date('2026-03-10T09:30:00.000Z') };
  const env = await syncEnv(provider, {
    sync: fastSync(),
    ...(opts.keychain ? { keychain: true } : {}),
    config: { now: () => clock.now, smtp: opts.smtp ?? FAST_SMTP },
  });
  await env.call('profile.set', {
    name: 'Nile Consulting',
    email: BUSINESS_EMAIL,
    locale: 'en-GB',
    address: { line1: '1 Tahrir Square', city: 'Cairo', country: 'EG' },
  });
  const out: ShareEnv = {
    ...env,
    clock,
    smtp: null,
    async startSmtp(o = {}) {
      out.smtp = await startSmtpFake({ users: { [SMTP_USER]: SMTP_PASSWORD }, ...o });
      return out.smtp;
    },
    async useSmtp(port, over = {}) {
      await env.call('smtp.set', {
        host: '127.0.0.1',
        port,
        tls: 'none',
        user: SMTP_USER,
        from: FROM,
        password: SMTP_PASSWORD,
        ...over,
      });
    },
    async issueOne() {
      const [inv] = await env.issue(1);
      return inv!.id;
    },
    async close() {
      await out.smtp?.close();
      await env.fake.close();
    },
  };
  return out;
}

/** A port nothing listens on (taken, then released). */
export async function freePort(): Promise<number> {
  const s = await startSmtpFake();
  await s.close();
  return s.port;
}
