/**
 * A real SMTP server on 127.0.0.1 for the share tests (smtp-server, the package nodemailer's author keeps), with the
 * faults the tests need: a login it refuses, recipients it refuses, a transaction it holds, TLS with a test
 * certificate (implicit or STARTTLS). Every accepted message is kept raw and parsed (mailparser).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { tempDir } from './tmp';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

export interface SmtpFake {
  port: number;
  messages: ReceivedMail[];
  /** Login attempts seen (user names only). */
  logins: string[];
  /** Connections seen. */
  connections: number;
  close(): Promise<void>;
}

export interface SmtpFakeOptions {
  /** user → password; when set, a login is required. */
  users?: Record<string, string>;
  /** Recipients refused with 550 at RCPT TO. */
  refuse?: RegExp;
  /** Listen on this port (a server "coming back" on the port the settings name). */
  port?: number;
  /** Implicit TLS (`tls`) or STARTTLS offered (`starttls`) with this key and certificate; plain otherwise. */
  tls?: { mode: 'tls' | 'starttls'; key: string; cert: string };
  /** Called when a message's data has been received, before the server answers; resolve to answer 250. */
  beforeAnswer?(): Promise<void>;
}

export async function startSmtpFake(o: SmtpFakeOptions = {}): Promise<SmtpFake> {
  const messages: ReceivedMail[] = [];
  const logins: string[] = [];
  let connections = 0;
  const options: SMTPServerOptions = {
    logger: false,
    authOptional: !o.users,
    allowInsecureAuth: true,
    ...(o.tls
      ? { secure: o.tls.mode === 'tls', key: o.tls.key, cert: o.tls.cert }
      : { disabledCommands: ['STARTTLS'] }),
    onConnect(_session, cb) {
      connections++;
      cb();
    },
    onAuth(auth, _session, cb) {
      logins.push(auth.username ?? '');
      if (o.users && o.users[auth.username ?? ''] === auth.password) return cb(null, { user: auth.username });
      const err = Object.assign(new Error('Invalid username or password'), { responseCode: 535 });
      return cb(err);
    },
    onRcptTo(address, _session, cb) {
      if (o.refuse?.test(address.address)) {
        return cb(Object.assign(new Error(`<${address.address}>: Recipient address rejected`), { responseCode: 550 }));
      }
      return cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        void (async () => {
          const parsed = await simpleParser(raw);
          messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            parsed,
          });
          await o.beforeAnswer?.();
          cb();
        })().catch((err: Error) => cb(err));
      });
    },
  };
  const server = new SMTPServer(options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => resolve());
  });
  server.on('error', () => undefined);
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    logins,
    get connections() {
      return connections;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A test certificate authority and a server certificate it signs (openssl), plus a self-signed one. */
export function testCertificates(): { ca: string; key: string; cert: string; selfKey: string; selfCert: string } {
  const dir = tempDir('kassa-certs-');
  const f = (n: string): string => path.join(dir, n);
  const run = (...args: string[]): void => {
    execFileSync('openssl', args, { stdio: 'ignore' });
  };
  run(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    f('ca.key'),
    '-out',
    f('ca.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=Kassa Test CA',
  );
  run('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('srv.key'), '-out', f('srv.csr'), '-subj', '/CN=localhost');
  fs.writeFileSync(f('ext.cnf'), 'subjectAltName=DNS:localhost\n');
  run(
    'x509',
    '-req',
    '-in',
    f('srv.csr'),
    '-CA',
    f('ca.pem'),
    '-CAkey',
    f('ca.key'),
    '-CAcreateserial',
    '-out',
    f('srv.pem'),
    '-days',
    '2',
    '-extfile',
    f('ext.cnf'),
  );
  run(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    f('self.key'),
    '-out',
    f('self.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost',
  );
  const read = (n: string): string => fs.readFileSync(f(n), 'utf8');
  return {
    ca: read('ca.pem'),
    key: read('srv.key'),
    cert: read('srv.pem'),
    selfKey: read('self.key'),
    selfCert: read('self.pem'),
  };
}
