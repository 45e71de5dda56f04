/**
 * The `kassa` command line: JSON results on stdout, JSON errors on stderr, input objects from
 * --data '<json>' or --data - (stdin), exit codes 0 ok, 1 invalid/refused, 2 usage, 3 provider/keychain/I-O.
 * Commands call contract methods through dispatch, so the CLI validates exactly as the UI does.
 */
import { englishMessage } from '../../shared/i18n/english';
import { isMessage } from '../../shared/i18n/params';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { MethodInput, MethodName, MethodResult } from '../../shared/api';
import { KassaError, exitCodeFor, toErrorBody } from '../../shared/errors';
import { dataDirFromProcess, logDir } from '../config';
import { dispatch } from '../dispatch';
import { buildHandlers } from '../handlers';
import type * as Recovery from '../handlers/recovery';
import { CLI_CALLER, type Handlers } from '../handlers/types';
import { createFileLogger, type Logger } from '../log';
import { createServices, type Services } from '../services';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export interface CliCommand {
  /** Words that select the command, e.g. "invoice list". */
  path: string;
  summary: string;
  /** e.g. "ID --out FILE" */
  usage?: string;
  options?: OptionSpec;
  /** The returned value is printed as JSON; undefined prints nothing. */
  run(ctx: CliContext): Promise<unknown>;
}

export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

export interface CliContext {
  values: OptionValues;
  positionals: string[];
  io: CliIO;
  services(): Promise<Services>;
  call<M extends MethodName>(name: M, input: MethodInput<M>): Promise<MethodResult<M>>;
  /** The --data object: inline JSON, or stdin when --data is "-". */
  data(): Promise<unknown>;
  /** The --data value, which must be a JSON object; {} when --data is absent and `optional`. */
  dataObject(opts?: { optional?: boolean }): Promise<Record<string, unknown>>;
  /**
   * A method's input: the --data object (`data`: required or optional) plus the fields arguments and options give
   * (undefined ones left out). A field given both ways is a usage error — never one of the two kept in silence.
   */
  input(fields: Record<string, unknown>, opts?: { data?: 'required' | 'optional' }): Promise<Record<string, unknown>>;
  /** A whole-number option (e.g. --limit), or undefined when absent; anything else is a usage error. */
  wholeNumber(name: string): number | undefined;
  /** The string options that were given, renamed to input fields: `strings({ date: 'issueDate' })` → `{ issueDate }`. */
  strings(fields: Record<string, string>): Record<string, string>;
  readStdin(): Promise<string>;
  /** Standard input as bytes (a file piped in, decoded by whoever knows its format). */
  readStdinBytes(): Promise<Buffer>;
  /** One JSON line on stderr, so stdout stays a single JSON result. */
  progress(p: { label: string; done: number; total: number | null }): void;
  string(name: string): string | undefined;
  requireString(name: string): string;
  /** The index-th positional argument (named in the command's usage line); missing is a usage error. */
  positional(index: number, name?: string): string;
}

export const GLOBAL_OPTIONS: OptionSpec = {
  'data-dir': { type: 'string' },
  data: { type: 'string' },
  pretty: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** CLI misuse (exit 2). The command line's own usage text is English only, like its --help. */
export const usageError = (detail: string): KassaError => new KassaError('usage', 'usage', { detail });

/**
 * The positional arguments a command takes, read from its usage line: the words before the first option, `[`, `|`
 * or `<` ("ID PAYMENT_ID --reason TEXT" → ID, PAYMENT_ID). The help and the check cannot disagree.
 */
export function positionalNames(usage: string | undefined): string[] {
  const names: string[] = [];
  for (const word of (usage ?? '').trim().split(/\s+/)) {
    if (word === '' || /^[-[|<]/.test(word)) break;
    names.push(word);
  }
  return names;
}

/** Options given more than once that take one value (the last would win without a word). */
function repeatedOptions(tokens: ReadonlyArray<{ kind: string; name?: string }>, options: OptionSpec): string[] {
  const seen = new Map<string, number>();
  for (const t of tokens) if (t.kind === 'option' && t.name) seen.set(t.name, (seen.get(t.name) ?? 0) + 1);
  return [...seen].filter(([name, n]) => n > 1 && options[name]?.multiple !== true).map(([name]) => name);
}

/** The commands a line starting with these words can name (all of them when undefined): see commands/index.ts. */
export type CommandSource = (leadingWords: readonly string[] | undefined) => readonly CliCommand[];

export async function runCli(argv: string[], source: CommandSource, io: CliIO): Promise<number> {
  let services: Services | undefined;
  let handlers: Handlers | undefined;
  let pretty = argv.includes('--pretty');
  try {
    const commands = source(leadingWords(argv));
    const words = commandWords(argv, commands);
    const command = pickCommand(words, commands);
    if (!command || argv.includes('--help') || argv.includes('-h')) {
      if (!command && words.length > 0) throw usageError(`Unknown command "${words.join(' ')}". Run "kassa --help".`);
      // Without a command the help lists every command, not only those of the groups the first word named.
      io.stdout.write(helpText(command ? commands : source(undefined), command));
      return 0;
    }
    const options = { ...GLOBAL_OPTIONS, ...(command.options ?? {}) };
    const parsed = parseArgsOrUsage(argv, options);
    const values = parsed.values as OptionValues;
    pretty = values.pretty === true;
    const positionals = parsed.positionals.slice(command.path.split(' ').length);
    const declared = positionalNames(command.usage);
    const extra = positionals[declared.length];
    if (extra !== undefined)
      throw new KassaError('usage', 'cli_extra_argument', {
        arg: extra.slice(0, 80),
        command: command.path,
        count: declared.length,
      });
    const twice = repeatedOptions(parsed.tokens ?? [], options)[0];
    if (twice !== undefined) throw new KassaError('usage', 'cli_option_twice', { option: `--${twice}` });
    // --data that the command never reads would be ignored: refused before the command does anything.
    let dataRead = false;
    const refuseUnreadData = (): void => {
      if (values.data !== undefined && !dataRead)
        throw new KassaError('usage', 'cli_data_not_taken', { command: command.path });
    };
    const dataDir = (): string =>
      dataDirFromProcess(typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined);
    const getServices = async (): Promise<Services> => {
      refuseUnreadData();
      services ??= await createServices({ dataDir: dataDir(), runtime: 'cli' });
      return services;
    };
    // A ledger SQLite cannot read still answers check, backups and restore (main/handlers/recovery.ts).
    const getHandlers = async (): Promise<{ handlers: Handlers; log: Logger }> => {
      try {
        const s = await getServices();
        handlers ??= buildHandlers(s);
        return { handlers, log: s.log };
      } catch (err) {
        if (!(err instanceof KassaError) || err.code !== 'ledger_damaged') throw err;
        const log = createFileLogger({ dir: logDir(dataDir()) });
        // Loaded only here: it names every method of the contract, which a healthy `kassa info` never loads.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { recoveryHandlers } = require('../handlers/recovery') as typeof Recovery;
        return { handlers: recoveryHandlers({ dataDir: dataDir(), now: () => new Date(), log }, err), log };
      }
    };
    let stdinBytes: Promise<Buffer> | undefined;
    const readStdinBytes = (): Promise<Buffer> => (stdinBytes ??= readAll(io.stdin));
    const readStdin = async (): Promise<string> => (await readStdinBytes()).toString('utf8');
    const ctx: CliContext = {
      values,
      positionals,
      io,
      services: getServices,
      async call(name, input) {
        const h = await getHandlers();
        const r = await dispatch(h.handlers, name, input, CLI_CALLER, h.log);
        if (!r.ok) throw KassaError.fromBody(r.error);
        return r.result as MethodResult<typeof name>;
      },
      async data() {
        dataRead = true;
        const raw = values.data;
        if (typeof raw !== 'string')
          throw usageError("This command needs --data '<json>' or --data - (JSON on stdin).");
        const text = raw === '-' ? await readStdin() : raw;
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw new KassaError('invalid_input', 'invalid_json', { source: 'data' }, { field: 'data' });
        }
      },
      async dataObject(opts = {}) {
        dataRead = true;
        if (opts.optional && values.data === undefined) return {};
        const d = await ctx.data();
        if (typeof d !== 'object' || d === null || Array.isArray(d)) {
          throw new KassaError('invalid_input', 'invalid_data', { field: '--data' }, { field: 'data' });
        }
        return d as Record<string, unknown>;
      },
      async input(fields, opts = {}) {
        const out = opts.data ? { ...(await ctx.dataObject({ optional: opts.data === 'optional' })) } : {};
        for (const [field, value] of Object.entries(fields)) {
          if (value === undefined) continue;
          if (Object.hasOwn(out, field)) throw new KassaError('usage', 'cli_field_twice', { field }, { field });
          out[field] = value;
        }
        return out;
      },
      wholeNumber(name) {
        const v = values[name];
        if (v === undefined) return undefined;
        if (typeof v !== 'string' || !/^\d{1,15}$/.test(v)) throw usageError(`--${name} takes a whole number.`);
        return Number(v);
      },
      strings(fields) {
        const out: Record<string, string> = {};
        for (const [flag, field] of Object.entries(fields)) {
          const v = values[flag];
          if (typeof v === 'string') out[field] = v;
        }
        return out;
      },
      readStdin,
      readStdinBytes,
      progress(p) {
        io.stderr.write(`${JSON.stringify({ progress: p })}\n`);
      },
      string: (name) => (typeof values[name] === 'string' ? (values[name] as string) : undefined),
      requireString(name) {
        const v = values[name];
        if (typeof v !== 'string' || v === '') throw usageError(`--${name} is required.`);
        return v;
      },
      positional(index, name = declared[index] ?? 'ARGUMENT') {
        const v = positionals[index];
        if (v === undefined)
          throw usageError(`Missing ${name}. Usage: kassa ${command.path} ${command.usage ?? ''}`.trim());
        return v;
      },
    };
    const result = await command.run(ctx);
    refuseUnreadData();
    if (result !== undefined) io.stdout.write(`${JSON.stringify(withEnglish(result), null, pretty ? 2 : undefined)}\n`);
    return 0;
  } catch (err) {
    const body = toErrorBody(err);
    const error: Record<string, unknown> = { code: body.code, message: body.message, field: body.field ?? null };
    if (body.params) error.params = body.params;
    if (body.details) error.details = body.details;
    io.stderr.write(`${JSON.stringify({ error }, null, pretty ? 2 : undefined)}\n`);
    if (body.kind === 'internal' && io.env.KASSA_DEBUG) io.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
    return exitCodeFor(body.kind);
  } finally {
    await services?.close();
  }
}

/**
 * The command's first word, when it can be told without knowing the command's own options: only global options
 * come before it. Undefined otherwise (then every command is consulted).
 */
/**
 * The words the command line starts with, before any option a command of its own defines (global options and
 * their values are skipped): enough to choose the command groups to load, before their options are known.
 */
function leadingWords(argv: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (!a.startsWith('-')) {
      words.push(a);
      continue;
    }
    const name = a.replace(/^--?/, '').split('=')[0] ?? '';
    const spec = Object.entries(GLOBAL_OPTIONS).find(([n, o]) => n === name || o.short === name)?.[1];
    if (!spec) break;
    if (spec.type === 'string' && !a.includes('=')) i++;
  }
  return words;
}

/** The positional words of argv, skipping the values of options that take one (so options may come first). */
export function commandWords(argv: readonly string[], commands: readonly CliCommand[]): string[] {
  const valued = new Set<string>();
  for (const spec of [GLOBAL_OPTIONS, ...commands.map((c) => c.options ?? {})]) {
    for (const [name, o] of Object.entries(spec)) {
      if (o.type === 'string') {
        valued.add(`--${name}`);
        if (o.short) valued.add(`-${o.short}`);
      }
    }
  }
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a.startsWith('-')) {
      if (valued.has(a)) i++;
      continue;
    }
    words.push(a);
  }
  return words;
}

function pickCommand(words: string[], commands: readonly CliCommand[]): CliCommand | undefined {
  let best: CliCommand | undefined;
  for (const c of commands) {
    const parts = c.path.split(' ');
    if (parts.every((p, i) => words[i] === p) && (!best || parts.length > best.path.split(' ').length)) best = c;
  }
  return best;
}

/**
 * The result with every catalogue Message also in English (`text`), for people reading the JSON; scripts keep
 * the stable `key` and `params`.
 */
export function withEnglish(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withEnglish);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = withEnglish(v);
  if (isMessage(value)) out.text = englishMessage(value);
  return out;
}

function parseArgsOrUsage(argv: string[], options: OptionSpec): ReturnType<typeof parseArgs> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true, tokens: true });
  } catch (err) {
    throw usageError((err as Error).message);
  }
}

function helpText(commands: readonly CliCommand[], only?: CliCommand): string {
  const list = only ? [only] : commands;
  const lines = list.map((c) => `  kassa ${c.path}${c.usage ? ` ${c.usage}` : ''}\n      ${c.summary}`);
  return `${only ? '' : 'Kassa — offline invoicing.\n\nUsage:\n'}${lines.join('\n')}\n\nGlobal options: --data-dir DIR, --data JSON|-, --pretty\n`;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
