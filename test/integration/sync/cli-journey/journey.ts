/**
 * The same journey from the command line for every provider, as a bookkeeper would script it: add an account
 * (secrets as JSON on stdin, into the real keychain), create a customer and an invoice, issue it to the account,
 * `kassa sync --once` (the simulator receives it), the customer pays at the provider, `kassa sync --once` again
 * (the status poll brings the payment back), and the ledger says paid. Ends with the leak scan of the data dir and
 * of everything the CLI printed. Needs the real keychain shared with the children: run through `npm test`.
 * One test file per provider calls `journey(provider)`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Invoice, ProviderId } from '../../../../shared/domain';
import { kassaAsync } from '../../../helpers/cli';
import { assertNoLeaks, scanBytes, scanFiles } from '../../../helpers/leaks';
import { tempDir } from '../../../helpers/tmp';
import { ALL_SECRETS, CURRENCY, payAtProvider, remoteIdOf, remoteOf, SECRETS, SETTINGS, startFake } from '../helpers';

const skip =
  process.env.KASSA_KEYCHAIN_TESTS === 'run'
    ? false
    : 'needs the real keychain shared with child processes: run through "npm test -- sync" (private D-Bus session + gnome-keyring)';

/** One file per provider (each gets its own time budget: a CLI child per step is slow on a loaded machine). */
export function journey(provider: ProviderId): void {
  test(
    `${provider}: account add < secrets.json, issue to it, sync --once, paid at the provider, sync --once → paid`,
    { skip, timeout: 300_000 },
    async () => {
      const fake = await startFake(provider);
      const dataDir = tempDir(`kassa-journey-${provider}-`);
      const printed: string[] = [];
      const run = async (args: string[], input?: string): Promise<unknown> => {
        const r = await kassaAsync([...args, '--data-dir', dataDir], input === undefined ? {} : { input });
        printed.push(r.stdout, r.stderr);
        assert.equal(r.code, 0, `kassa ${args.join(' ')}: ${r.stderr}`);
        return JSON.parse(r.stdout) as unknown;
      };
      try {
        const name = `${provider} journey`;
        const settings = Object.entries(SETTINGS[provider]).flatMap(([k, v]) => ['--setting', `${k}=${v}`]);
        const account = (await run(
          [
            'account',
            'add',
            '--provider',
            provider,
            '--mode',
            'test',
            '--name',
            name,
            '--base-url',
            fake.url,
            ...settings,
          ],
          JSON.stringify(SECRETS[provider]),
        )) as { id: string; secretsSet: Record<string, boolean> };
        for (const key of Object.keys(SECRETS[provider]))
          assert.equal(account.secretsSet[key], true, `${key} went to the keychain`);
        const customer = (await run([
          'customer',
          'create',
          '--data',
          JSON.stringify({ name: 'Nile Bakery', email: 'owner@nile-bakery.example', phone: '+201001234567' }),
        ])) as { id: string };
        const draft = (await run([
          'invoice',
          'create',
          '--data',
          JSON.stringify({
            customerId: customer.id,
            currency: CURRENCY[provider],
            lines: [
              { description: 'Bread, 40 loaves', quantity: '2', unitPrice: 12_500, taxRate: '14', taxCategory: 'S' },
            ],
          }),
        ])) as { id: string };
        const issued = (await run(['invoice', 'issue', draft.id, '--account', name])) as Invoice;
        assert.equal(issued.status, 'issued');

        const first = (await run(['sync', '--once'])) as { outbox: { done: number; failed: number } };
        assert.equal(first.outbox.done, 1, JSON.stringify(first));
        const remote = remoteOf(provider, fake, issued.number!);
        assert.equal(remote.length, 1, 'the invoice is at the provider, once');

        payAtProvider(provider, fake, remoteIdOf(provider, remote[0]!));
        const second = (await run(['sync', '--once'])) as { poll: { paid: number } };
        assert.equal(second.poll.paid, 1, JSON.stringify(second));

        const shown = (await run(['invoice', 'show', issued.id])) as Invoice;
        assert.equal(shown.status, 'paid');
        assert.equal(shown.balance, 0);
        assert.equal(shown.paid, shown.totals.total);
        assert.equal(remoteOf(provider, fake, issued.number!).length, 1, 'still exactly one at the provider');

        assertNoLeaks(scanFiles([dataDir], ALL_SECRETS), `in the ${provider} data dir`);
        assertNoLeaks(scanBytes(`${provider} CLI output`, printed.join('\n'), ALL_SECRETS));
      } finally {
        await fake.close();
      }
    },
  );
}
