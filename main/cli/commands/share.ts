/**
 * `kassa smtp …` (the user's mail server) and `kassa invoice share` (send an invoice to its customer).
 *   kassa smtp set --host H --port P --user U --tls tls|starttls|none --from ADDRESS  < {"password":"…"}
 *   kassa smtp show | kassa smtp test --to ADDRESS
 *   kassa invoice share ID --via email|provider|sms|whatsapp [--to ADDRESS|PHONE] [--template T] [--copy-to-self]
 * The password is read only from standard input, never from arguments or the environment. `invoice share` by e-mail
 * or provider prints the outcome (sent, queued while offline, …); by sms or whatsapp it prints {url, message} for
 * the messaging app (the desktop app opens the url itself).
 */
import type { MethodInput } from '../../../shared/api';
import { SHARE_ROUTES, SMTP_TLS_MODES } from '../../../shared/contract/share';
import { KassaError, invalid } from '../../../shared/errors';
import { SHARE_TEMPLATES } from '../../../shared/share/templates';
import { usageError, type CliCommand, type CliContext } from '../framework';
import { resolveAccountRef } from './account';

/** `{"password":"…"}` from standard input; nothing when stdin is a terminal or empty. Never echoes what was read. */
async function passwordFromStdin(ctx: CliContext): Promise<string | undefined> {
  if ((ctx.io.stdin as NodeJS.ReadStream).isTTY) return undefined;
  const text = (await ctx.readStdin()).trim();
  if (text === '') return undefined;
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Reported below, without what was read.
  }
  const pw = (parsed as { password?: unknown } | null)?.password;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || typeof pw !== 'string')
    throw invalid('smtp_password_input', {}, 'password');
  return pw;
}

function portArg(ctx: CliContext): number {
  const raw = ctx.requireString('port');
  if (!/^\d{1,5}$/.test(raw)) throw usageError('--port takes a whole number (465 for TLS, 587 for STARTTLS).');
  return Number(raw);
}

function oneOf<T extends string>(ctx: CliContext, name: string, allowed: readonly T[], fallback?: T): T {
  const v = ctx.string(name) ?? fallback;
  if (v === undefined) throw usageError(`--${name} is required (${allowed.join('|')}).`);
  if (!(allowed as readonly string[]).includes(v)) throw usageError(`--${name} must be one of ${allowed.join('|')}.`);
  return v as T;
}

export const shareCommands: CliCommand[] = [
  {
    path: 'smtp set',
    summary:
      'Saves your mail server for sharing invoices by e-mail; the password is read as {"password":"…"} from standard input and goes only to the OS keychain. --tls none is accepted for a server on this computer only.',
    usage: `--host H --port P [--user U] --tls ${SMTP_TLS_MODES.join('|')} --from ADDRESS < password.json`,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      user: { type: 'string' },
      tls: { type: 'string' },
      from: { type: 'string' },
    },
    async run(ctx) {
      const input: MethodInput<'smtp.set'> = {
        host: ctx.requireString('host'),
        port: portArg(ctx),
        tls: oneOf(ctx, 'tls', SMTP_TLS_MODES),
        user: ctx.string('user') ?? null,
        from: ctx.requireString('from'),
      };
      const password = await passwordFromStdin(ctx);
      if (password !== undefined) input.password = password;
      return ctx.call('smtp.set', input);
    },
  },
  {
    path: 'smtp show',
    summary: 'The mail server settings (the password only as passwordSet).',
    run: (ctx) => ctx.call('smtp.get', {}),
  },
  {
    path: 'smtp test',
    summary:
      'Sends a test e-mail through the settings; on failure the JSON error says which check failed (connection, TLS certificate, login, recipient).',
    usage: '--to ADDRESS',
    options: { to: { type: 'string' } },
    run: (ctx) => ctx.call('smtp.test', { to: ctx.requireString('to') }),
  },
  {
    path: 'invoice share',
    summary: `Sends an issued invoice to its customer. email/provider: sends (or queues while offline) and prints the outcome; sms/whatsapp: prints {"url","message"} to open in a messaging app. --to defaults to the customer's e-mail or mobile number (a local number is read with the customer's country). --template ${SHARE_TEMPLATES.join('|')}.`,
    usage: `ID --via ${SHARE_ROUTES.join('|')} [--to ADDRESS|PHONE] [--template T] [--copy-to-self] [--account ACCOUNT]`,
    options: {
      via: { type: 'string' },
      to: { type: 'string' },
      template: { type: 'string' },
      'copy-to-self': { type: 'boolean' },
      account: { type: 'string' },
    },
    async run(ctx) {
      const id = ctx.positional(0, 'ID');
      const route = oneOf(ctx, 'via', SHARE_ROUTES);
      const input: MethodInput<'share.send'> = {
        id,
        route,
        template: oneOf(ctx, 'template', SHARE_TEMPLATES, 'invoice'),
        copyToSelf: ctx.values['copy-to-self'] === true,
      };
      const to = ctx.string('to');
      if (to !== undefined) input.to = to;
      const account = ctx.string('account');
      if (account !== undefined) input.accountId = (await resolveAccountRef(ctx, account)).id;
      const outcome = await ctx.call('share.send', input);
      if (outcome.route === 'sms' || outcome.route === 'whatsapp')
        return { url: outcome.url, message: outcome.message };
      if (outcome.status === 'failed' || outcome.status === 'needs_review') {
        // Nothing went out: a JSON error on stderr (the reason's code), the outcome in its details.
        const e = outcome.error;
        throw KassaError.withCode(e?.kind ?? 'refused', e?.code ?? 'share_may_have_been_sent', e?.params ?? {}, {
          ...(e?.field ? { field: e.field } : {}),
          details: { outcome },
        });
      }
      return outcome;
    },
  },
];
