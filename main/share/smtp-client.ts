/**
 * One SMTP delivery with nodemailer's SMTPConnection (the transport nodemailer itself uses), step by step, so the
 * caller can write its write-ahead marker after the connection, TLS and login succeeded and just before the mail
 * transaction starts (MAIL FROM … DATA): a failure before that point provably sent nothing.
 *
 * TLS: certificates are always verified (rejectUnauthorized, TLS 1.2 at least, SNI); `tls` = implicit TLS,
 * `starttls` = upgrade required (a server that does not offer it is refused, never used in clear text), `none` only
 * for a loopback server (checked when the settings are saved). Every failure becomes a catalogue error that says
 * which check failed; the server's reply text never travels (it may quote addresses), only its status codes.
 */
import net from 'node:net';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { KassaError } from '../../shared/errors';
import type { SmtpServer } from './smtp-settings';

export interface SmtpTuning {
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
  /** An extra certificate authority to trust (tests with their own CA; the app never sets it). */
  ca?: string;
}

export interface Envelope {
  from: string;
  to: string[];
}

export interface Delivered {
  /** The server's status line for the accepted message, e.g. "250 OK: queued as …" (code part only). */
  response: string;
  accepted: string[];
  rejected: string[];
}

export interface DeliverHooks {
  /**
   * Called once connected, secured and logged in, right before the mail transaction: returning false aborts without
   * sending anything (the caller lost its lease).
   */
  beforeTransaction?(): boolean | Promise<boolean>;
}

type SmtpError = SMTPConnection.SMTPError & { command?: string; response?: string };

/** The SMTP status of a reply ("535 5.7.8"), without its human text. */
export function statusOf(err: { responseCode?: number | undefined; response?: string | undefined }): string {
  const m = /^(\d{3})(?:[ -](\d\.\d{1,3}\.\d{1,3}))?/.exec(err.response ?? '');
  if (m) return m[2] ? `${m[1]} ${m[2]}` : (m[1] as string);
  return err.responseCode ? String(err.responseCode) : 'no reply';
}

const CERT_CHECKS: Array<[RegExp, string]> = [
  [/altnames|does not match certificate|ERR_TLS_CERT_ALTNAME_INVALID/i, 'hostname'],
  [/certificate has expired|CERT_HAS_EXPIRED/i, 'expired'],
  [/not yet valid|CERT_NOT_YET_VALID/i, 'not_yet_valid'],
  [/self[- ]signed/i, 'self_signed'],
  [/unable to (?:verify|get)|UNABLE_TO_|certificate (?:signature failure|revoked)|CERT_/i, 'untrusted'],
];
const HANDSHAKE =
  /wrong version number|packet length too long|unknown protocol|EPROTO|handshake|ssl3_|tls_|alert|unsupported protocol/i;
const UNREACHABLE = /ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ENETDOWN|EADDRNOTAVAIL/;
const NOT_FOUND = /ENOTFOUND|EAI_AGAIN|EAI_NONAME|getaddrinfo/;

/** A failure of the SMTP exchange as the catalogue error that says which check failed. */
export function smtpError(raw: unknown, server: Pick<SmtpServer, 'host' | 'port' | 'tls'>, stage: string): KassaError {
  const err = (raw ?? {}) as SmtpError;
  const text = `${err.message ?? ''} ${(err as { reason?: string }).reason ?? ''}`;
  const host = server.host;
  const port = server.port;
  // Only an answer from the server proves a message was not taken: a connection lost or timed out during the mail
  // transaction may have delivered it.
  const noAnswer = err.responseCode === undefined || err.responseCode === null;
  const details = {
    stage,
    smtpCode: err.code ?? null,
    responseCode: err.responseCode ?? null,
    maybeSent: stage === 'transaction' && noAnswer,
  };
  const io = (code: Parameters<typeof KassaError.withCode>[1], params: Record<string, string | number>): KassaError =>
    KassaError.withCode('io', code, params, { details, cause: raw });
  const refusedBy = (code: string, field: string): KassaError =>
    KassaError.withCode('refused', code, { status: statusOf(err) }, { field, details, cause: raw });
  const temporary = (err.responseCode ?? 0) >= 400 && (err.responseCode ?? 0) < 500;

  if (err.code === 'ETLS' && err.command === 'STARTTLS' && (err.responseCode ?? 0) >= 500)
    return io('smtp_starttls_unavailable', { host, port });
  if (err.code === 'ETLS' || err.code === 'ESOCKET' || err.code === 'ECONNECTION' || !err.code) {
    for (const [re, check] of CERT_CHECKS) if (re.test(text)) return io('smtp_tls_certificate', { check, host });
    if (err.code === 'ETLS' || HANDSHAKE.test(text)) return io('smtp_tls_handshake', { host, port, mode: server.tls });
    if (NOT_FOUND.test(text)) return io('smtp_host_not_found', { host });
    if (UNREACHABLE.test(text)) return io('smtp_unreachable', { host, port });
    if (err.responseCode === 421)
      return KassaError.withCode('io', 'smtp_temporary', { status: statusOf(err) }, { details });
    return io('smtp_connection_lost', {});
  }
  switch (err.code) {
    case 'EDNS':
      return io('smtp_host_not_found', { host });
    case 'ETIMEDOUT':
      return io('smtp_timeout', { host, port });
    case 'EAUTH':
      return KassaError.withCode(
        'io',
        err.responseCode && err.responseCode >= 500 && err.responseCode !== 504
          ? 'smtp_auth_failed'
          : err.responseCode
            ? 'smtp_temporary'
            : 'smtp_auth_unavailable',
        { status: statusOf(err) },
        { field: 'password', details },
      );
    case 'EENVELOPE':
    case 'EMESSAGE':
      if (temporary) return KassaError.withCode('io', 'smtp_temporary', { status: statusOf(err) }, { details });
      if (err.command === 'MAIL FROM') return refusedBy('smtp_sender_refused', 'from');
      if (err.command === 'RCPT TO') return refusedBy('smtp_recipient_refused', 'to');
      return refusedBy('smtp_message_refused', 'to');
    default:
      return io('smtp_connection_lost', {});
  }
}

/** Runs one step of the conversation; the connection's own error or close ends the step too. */
class Conversation {
  private pending: ((err: Error) => void) | null = null;
  private lastError: Error | null = null;

  constructor(readonly conn: SMTPConnection) {
    conn.on('error', (e) => {
      this.lastError = e;
      this.pending?.(e);
    });
    conn.on('end', () =>
      this.pending?.(this.lastError ?? Object.assign(new Error('Connection closed'), { code: 'ECONNECTION' })),
    );
  }

  step<T>(fn: (done: (err: Error | null | undefined, value?: T) => void) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const done = (err: Error | null | undefined, value?: T): void => {
        if (settled) return;
        settled = true;
        this.pending = null;
        if (err) reject(err);
        else resolve(value as T);
      };
      this.pending = (e) => done(e);
      fn(done);
    });
  }
}

/** Connects, secures, logs in, then sends `raw` (a complete RFC 5322 message) to the envelope's recipients. */
export async function deliver(
  server: SmtpServer,
  envelope: Envelope,
  raw: Buffer,
  opts: { tuning?: SmtpTuning | undefined; hooks?: DeliverHooks } = {},
): Promise<Delivered | null> {
  const t = opts.tuning ?? {};
  const conn = new SMTPConnection({
    host: server.host,
    port: server.port,
    secure: server.tls === 'tls',
    requireTLS: server.tls === 'starttls',
    ignoreTLS: server.tls === 'none',
    connectionTimeout: t.connectionTimeoutMs ?? 15_000,
    greetingTimeout: t.greetingTimeoutMs ?? 15_000,
    socketTimeout: t.socketTimeoutMs ?? 60_000,
    tls: {
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
      ...(net.isIP(server.host) === 0 ? { servername: server.host } : {}),
      ...(t.ca ? { ca: t.ca } : {}),
    },
    logger: false,
    debug: false,
  });
  const talk = new Conversation(conn);
  let stage = 'connect';
  try {
    await talk.step<void>((done) => conn.connect(() => done(null)));
    if (server.user) {
      stage = 'auth';
      await talk.step<void>((done) =>
        conn.login({ user: server.user ?? '', pass: server.password ?? '' }, (err) => done(err ?? null)),
      );
    }
    stage = 'handover';
    if (opts.hooks?.beforeTransaction && !(await opts.hooks.beforeTransaction())) return null;
    stage = 'transaction';
    const info = await talk.step<SMTPConnection.SentMessageInfo>((done) =>
      conn.send(envelope, raw, (err, sent) => done(err, sent)),
    );
    return {
      response: statusOf({ response: info.response }),
      accepted: info.accepted.map(String),
      rejected: info.rejected.map(String),
    };
  } catch (err) {
    throw smtpError(err, server, stage);
  } finally {
    try {
      conn.quit();
    } catch {
      // Already closed.
    }
    conn.close();
  }
}
