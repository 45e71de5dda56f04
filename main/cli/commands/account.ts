/**
 * `kassa account …` and `kassa keychain status`.
 * Secrets are read only from standard input as a JSON object — never from argv (visible in `ps` and shell
 * history) or the environment (inherited by every child process).
 */
import type { MethodInput } from '../../../shared/api';
import { PROVIDER_IDS, type ProviderAccount } from '../../../shared/domain';
import { KassaError, invalid } from '../../../shared/errors';
import { providerInfo, type ProviderField } from '../../../shared/providers';
import { usageError, type CliCommand, type CliContext } from '../framework';

/**
 * The account an `--account` option (or positional) names: an id, or a unique name ignoring case.
 * For every command that works on one account.
 */
export function resolveAccountRef(ctx: CliContext, ref: string): Promise<ProviderAccount> {
  return ctx.call('account.resolve', { ref });
}

/** The account named by the first positional or by --account. */
function accountArg(ctx: CliContext): Promise<ProviderAccount> {
  const [positional, option] = [ctx.positionals[0], ctx.string('account')];
  if (positional !== undefined && option !== undefined)
    throw new KassaError('usage', 'cli_field_twice', { field: 'account' }, { field: 'account' });
  const ref = positional ?? option;
  if (ref === undefined || ref.trim() === '')
    throw usageError('Name the account: an id or its name (positional or --account).');
  return resolveAccountRef(ctx, ref);
}

/** Reads `{"field":"value",…}` from stdin. Error messages never include what was read. */
export async function readSecretsFromStdin(ctx: CliContext): Promise<Record<string, string>> {
  if ((ctx.io.stdin as NodeJS.ReadStream).isTTY) {
    throw usageError(
      'Pipe the secrets as a JSON object on standard input, e.g. echo \'{"apiKey":"…"}\' | kassa account add …',
    );
  }
  const text = (await ctx.readStdin()).trim();
  if (text === '') throw invalid('secrets_missing', {}, 'secrets');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid('invalid_json', { source: 'stdin' }, 'secrets');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalid('secrets_not_object', {}, 'secrets');
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof value !== 'string') throw invalid('secret_not_string', { name: key.slice(0, 80) }, `secrets.${key}`);
    out[key] = value;
  }
  return out;
}

/** --setting k=v (repeatable) → { k: v }; `k=` gives an empty value, which clears the setting. */
function settingsArg(ctx: CliContext): Record<string, string> | undefined {
  const raw = ctx.values.setting;
  if (raw === undefined) return undefined;
  const list = (Array.isArray(raw) ? raw : [raw]).map(String);
  const out: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw usageError(`--setting takes key=value (got "${item.slice(0, 40)}").`);
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

const baseUrlOption = { 'base-url': { type: 'string' } } as const;
const settingOption = { setting: { type: 'string', multiple: true } } as const;

export const accountCommands: CliCommand[] = [
  {
    path: 'account list',
    summary: 'Provider accounts as JSON (secrets appear only as secretsSet: which fields the keychain holds).',
    run: (ctx) => ctx.call('account.list', {}),
  },
  {
    path: 'account get',
    summary: 'One provider account by id or name.',
    usage: 'ACCOUNT',
    options: { account: { type: 'string' } },
    run: (ctx) => accountArg(ctx),
  },
  {
    path: 'account add',
    summary: `Adds a provider account; its secrets are read as JSON from standard input and go only to the OS keychain. ${providerFieldsHelp()}`,
    usage: `--provider ${PROVIDER_IDS.join('|')} --mode test|live --name NAME [--base-url URL] [--setting key=value]... < secrets.json`,
    options: {
      provider: { type: 'string' },
      mode: { type: 'string' },
      name: { type: 'string' },
      ...baseUrlOption,
      ...settingOption,
    },
    async run(ctx) {
      const provider = ctx.requireString('provider');
      const mode = ctx.requireString('mode');
      const name = ctx.requireString('name');
      const secrets = await readSecretsFromStdin(ctx);
      const input = {
        provider,
        mode,
        name,
        secrets,
        baseUrl: ctx.string('base-url') ?? null,
        settings: settingsArg(ctx) ?? {},
      };
      // provider and mode are checked by the contract schema; the casts only satisfy the compile-time input type.
      return ctx.call('account.add', input as MethodInput<'account.add'>);
    },
  },
  {
    path: 'account update',
    summary:
      'Changes non-secret fields. --setting merges into the current settings (key= clears one); --base-url "" clears the override.',
    usage: 'ACCOUNT [--name NAME] [--mode test|live] [--base-url URL] [--setting key=value]...',
    options: {
      account: { type: 'string' },
      name: { type: 'string' },
      mode: { type: 'string' },
      ...baseUrlOption,
      ...settingOption,
    },
    async run(ctx) {
      const account = await accountArg(ctx);
      const patch = settingsArg(ctx);
      const input: Record<string, unknown> = {
        id: account.id,
        ...ctx.strings({ name: 'name', mode: 'mode', 'base-url': 'baseUrl' }),
      };
      if (patch) input.settings = { ...account.settings, ...patch };
      return ctx.call('account.update', input as MethodInput<'account.update'>);
    },
  },
  {
    path: 'account set-secret',
    summary:
      'Creates or overwrites secrets of an account from a JSON object on standard input (only the fields given).',
    usage: 'ACCOUNT < secrets.json',
    options: { account: { type: 'string' } },
    async run(ctx) {
      const account = await accountArg(ctx);
      const secrets = await readSecretsFromStdin(ctx);
      return ctx.call('account.setSecrets', { id: account.id, secrets });
    },
  },
  {
    path: 'account delete-secret',
    summary: 'Deletes one secret of an account from the keychain.',
    usage: 'ACCOUNT --field NAME',
    options: { account: { type: 'string' }, field: { type: 'string' } },
    async run(ctx) {
      const account = await accountArg(ctx);
      return ctx.call('account.deleteSecret', { id: account.id, field: ctx.requireString('field') });
    },
  },
  {
    path: 'account test',
    summary:
      'Tests the connection (cheapest authenticated call): the result on stdout when ok, else a JSON error on stderr, exit 3 (1 if untestable).',
    usage: 'ACCOUNT',
    options: { account: { type: 'string' } },
    async run(ctx) {
      const account = await accountArg(ctx);
      const r = await ctx.call('account.test', { id: account.id });
      if (r.ok) return r;
      const details: Record<string, unknown> = { accountId: r.accountId, provider: r.provider, result: r.result };
      if (r.httpStatus !== undefined) details.httpStatus = r.httpStatus;
      if (r.missingFields) details.missingFields = r.missingFields;
      const untestable = r.result === 'provider_not_supported' || r.result === 'missing_secret';
      throw KassaError.withCode(
        untestable ? 'refused' : 'provider',
        `account_test_${r.result}`,
        { message: r.message },
        { details },
      );
    },
  },
  {
    path: 'account remove',
    summary: 'Removes an account and its keychain secrets (refused while invoices are linked to it).',
    usage: 'ACCOUNT [--even-if-keychain-unavailable]',
    options: { account: { type: 'string' }, 'even-if-keychain-unavailable': { type: 'boolean' } },
    async run(ctx) {
      const account = await accountArg(ctx);
      return ctx.call('account.remove', {
        id: account.id,
        evenIfKeychainUnavailable: ctx.values['even-if-keychain-unavailable'] === true,
      });
    },
  },
  {
    path: 'keychain status',
    summary: 'Whether the OS keychain can be used, or what to install or unlock.',
    run: (ctx) => ctx.call('keychain.status', {}),
  },
];

/** Per provider, the secrets JSON keys and the settings it takes ("?" = optional), from the descriptors. */
function providerFieldsHelp(): string {
  const list = (fields: readonly ProviderField[]): string =>
    fields.map((f) => `${f.name}${f.required ? '' : '?'}`).join(', ') || 'none';
  return PROVIDER_IDS.map((id) => {
    const p = providerInfo(id);
    return `${id} (${p.displayName}): secrets {${list(p.secretFields)}}, settings {${list(p.settingFields)}}.`;
  }).join(' ');
}
