/**
 * Structured log lines (JSON) to a size-rotated file in the data dir.
 * Redaction happens here, once, so a careless caller cannot write a key or a customer's
 * personal data: secret-looking and personal fields are replaced before anything is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { makePrivateDir, PRIVATE_FILE_MODE } from './private-files';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const SECRET_KEY_RE = /authorization|secret|api[-_]?key|password|passwd|token|signature|cookie|credential/i;
const PERSONAL_KEY_RE = /^(name|customer|customerName|email|phone|address|taxId|vatId|notes|to|recipient)$/i;
const SECRET_QUERY_RE = /([?&](?:api_key|apikey|key|token|secret)=)[^&#\s]*/gi;
const BEARER_RE = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;

export const REDACTED = '[redacted]';

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[deep]';
  if (typeof value === 'string') return redactString(value);
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Error) return { name: value.name, message: redactString(value.message) };
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = SECRET_KEY_RE.test(k) || PERSONAL_KEY_RE.test(k) ? REDACTED : redact(v, depth + 1);
    }
    return out;
  }
  return value;
}

export function redactString(s: string): string {
  return s.replace(SECRET_QUERY_RE, `$1${REDACTED}`).replace(BEARER_RE, `$1 ${REDACTED}`);
}

export interface FileLoggerOptions {
  dir: string;
  fileName?: string;
  maxBytes?: number;
  keep?: number;
  level?: LogLevel;
  /** Also write to stderr (development). */
  echo?: boolean;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createFileLogger(opts: FileLoggerOptions): Logger {
  const file = path.join(opts.dir, opts.fileName ?? 'kassa.log');
  const maxBytes = opts.maxBytes ?? 2 * 1024 * 1024;
  const keep = opts.keep ?? 5;
  const min = ORDER[opts.level ?? 'info'];
  makePrivateDir(opts.dir);
  let size = safeSize(file);

  const rotate = (): void => {
    for (let i = keep - 1; i >= 1; i--) {
      const from = `${file}.${i}`;
      if (fs.existsSync(from)) fs.renameSync(from, `${file}.${i + 1}`);
    }
    if (fs.existsSync(file)) fs.renameSync(file, `${file}.1`);
    size = 0;
  };

  const write = (level: LogLevel, event: string, fields?: LogFields): void => {
    if (ORDER[level] < min) return;
    const line = `${JSON.stringify({ t: new Date().toISOString(), level, event, ...(redact(fields ?? {}) as LogFields) })}\n`;
    try {
      if (size + line.length > maxBytes) rotate();
      fs.appendFileSync(file, line, { mode: PRIVATE_FILE_MODE });
      size += Buffer.byteLength(line);
    } catch {
      // Logging must never break the operation being logged.
    }
    if (opts.echo) process.stderr.write(line);
  };

  return {
    debug: (e, f) => write('debug', e, f),
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
  };
}

/** For unit tests and tools: keeps redacted lines in memory. */
export function createMemoryLogger(): Logger & { lines: Array<{ level: LogLevel; event: string; fields: LogFields }> } {
  const lines: Array<{ level: LogLevel; event: string; fields: LogFields }> = [];
  const write = (level: LogLevel) => (event: string, fields?: LogFields) =>
    void lines.push({ level, event, fields: redact(fields ?? {}) as LogFields });
  return { lines, debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

function safeSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
