/**
 * The user's own mail server: host, port, TLS mode, login and From in the ledger's key/value store (meta
 * `smtp.settings`), the password only in the keychain (entry `smtp:password`), read for one send and dropped.
 *
 * Rules checked here, once, for the app and the CLI alike:
 * - `none` (no encryption) only for a server on this computer: a password or an invoice never crosses a network
 *   in clear text;
 * - as with provider keys, the password is bound to the server it was entered for: when the host, port, TLS mode or
 *   user changes from the app (not the CLI, whose user is at the terminal) without a new password, the stored one is
 *   removed, so a page that can call the contract cannot point the settings at its own server and have "send test
 *   e-mail" hand it the password.
 */
import net from 'node:net';
import type { Database as Db } from 'better-sqlite3';
import { isEmailAddress } from '../../shared/contract/fields';
import type { SmtpSetInput, SmtpSettings, SmtpTlsMode } from '../../shared/contract/share';
import { KassaError, invalid } from '../../shared/errors';
import { writeTx } from '../ledger/connection';
import { readMeta, writeMeta } from '../ledger/tables/meta';
import type { SecretStore } from '../secrets/store';
import { isLoopbackHost } from '../loopback';

const META_KEY = 'smtp.settings';
/** The keychain "account" the SMTP password is stored under (provider accounts are `acc_…`). */
export const SMTP_SECRET_OWNER = 'smtp';
const PASSWORD = 'password';

interface Stored {
  host: string;
  port: number;
  tls: SmtpTlsMode;
  user: string | null;
  from: string;
}

/** What a send needs, password included: lives only for the duration of one call. */
export interface SmtpServer extends Stored {
  password: string | null;
}

const HOSTNAME =
  /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

function validate(input: SmtpSetInput): Stored {
  const host = input.host.trim().replace(/^\[|\]$/g, '');
  if (!(HOSTNAME.test(host) || net.isIP(host) !== 0)) throw invalid('smtp_host_invalid', {}, 'host');
  if (!Number.isInteger(input.port) || input.port < 1 || input.port > 65535)
    throw invalid('smtp_port_invalid', {}, 'port');
  const from = input.from.trim();
  if (!isEmailAddress(from)) throw invalid('smtp_from_invalid', {}, 'from');
  if (input.tls === 'none' && !isLoopbackHost(host))
    throw new KassaError('refused', 'smtp_plain_needs_loopback', { host }, { field: 'tls' });
  const user = input.user?.trim() || null;
  return { host, port: input.port, tls: input.tls, user, from };
}

export class SmtpSettingsStore {
  constructor(
    private readonly db: Db,
    private readonly secrets: SecretStore,
  ) {}

  private stored(): Stored | null {
    const raw = readMeta(this.db, META_KEY);
    if (raw === undefined) return null;
    try {
      const v = JSON.parse(raw) as Partial<Stored>;
      if (typeof v.host !== 'string' || typeof v.port !== 'number' || typeof v.from !== 'string') return null;
      const tls: SmtpTlsMode = v.tls === 'starttls' || v.tls === 'none' ? v.tls : 'tls';
      return { host: v.host, port: v.port, tls, user: typeof v.user === 'string' ? v.user : null, from: v.from };
    } catch {
      return null;
    }
  }

  /** The settings as anyone may see them: never the password. Asks the keychain whether one is stored. */
  async get(): Promise<SmtpSettings> {
    const s = this.stored();
    let passwordSet = false;
    if (s?.user) {
      try {
        passwordSet = (await this.secrets.get(SMTP_SECRET_OWNER, PASSWORD)) !== null;
      } catch {
        // A locked keychain says nothing about the settings; sending will report it.
      }
    }
    return {
      configured: s !== null,
      host: s?.host ?? null,
      port: s?.port ?? null,
      tls: s?.tls ?? 'starttls',
      user: s?.user ?? null,
      from: s?.from ?? null,
      passwordSet,
    };
  }

  /** The From address and whether anything is set, without touching the keychain. */
  summary(): { configured: boolean; from: string | null } {
    const s = this.stored();
    return { configured: s !== null, from: s?.from ?? null };
  }

  async set(input: SmtpSetInput, opts: { keysFollowHost: boolean }): Promise<SmtpSettings> {
    const next = validate(input);
    const current = this.stored();
    const serverChanged =
      current !== null &&
      (current.host.toLowerCase() !== next.host.toLowerCase() ||
        current.port !== next.port ||
        current.tls !== next.tls ||
        current.user !== next.user);
    if (next.user === null) {
      // No login, no password to keep.
      await this.secrets.delete(SMTP_SECRET_OWNER, PASSWORD);
    } else if (input.password !== undefined && input.password !== '') {
      await this.secrets.set(SMTP_SECRET_OWNER, PASSWORD, input.password);
    } else if (serverChanged && !opts.keysFollowHost) {
      await this.secrets.delete(SMTP_SECRET_OWNER, PASSWORD);
    }
    writeTx(this.db, () => writeMeta(this.db, META_KEY, JSON.stringify(next)));
    return this.get();
  }

  /** Everything a send needs, the password read from the keychain now; null when nothing is set up. */
  async server(): Promise<SmtpServer | null> {
    const s = this.stored();
    if (!s) return null;
    const password = s.user ? await this.secrets.get(SMTP_SECRET_OWNER, PASSWORD) : null;
    if (s.user && password === null)
      throw new KassaError('refused', 'smtp_password_missing', {}, { field: 'password' });
    return { ...s, password };
  }
}
