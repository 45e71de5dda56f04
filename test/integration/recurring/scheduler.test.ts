/**
 * The scheduler of a running app (here the browser host's services): due periods are made on start without anyone
 * asking, and while it stays open as the (fake) clock reaches the next period. The CLI and test runtimes never
 * start it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createServices, type Services } from '../../../main/services';
import { MemorySecretStore } from '../../../main/secrets';
import { caller } from '../../helpers/services';
import { tempDir } from '../../helpers/tmp';

async function until(what: string, cond: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('the app runs due periods on start and while open; tests and the CLI do not', async () => {
  const dir = tempDir('kassa-scheduler-');
  let now = new Date('2026-06-03T12:00:00Z');
  const config = { dataDir: dir, now: () => now, secretStore: new MemorySecretStore() };
  const setup = await createServices({ ...config, runtime: 'test', scheduler: { tickMs: 100, startDelayMs: 10 } });
  let scheduleId: string;
  try {
    const call = caller(setup);
    const c = await call('customer.create', { name: 'Weekly Co' });
    const t = await call('invoice.create', {
      customerId: c.id,
      currency: 'EUR',
      lines: [{ description: 'Cleaning', quantity: '2', unitPrice: 4_500, taxRate: '14', taxCategory: 'S' }],
    });
    scheduleId = (
      await call('recurring.create', { templateId: t.id, frequency: 'week', startDate: '2026-05-27', action: 'issue' })
    ).id;
    // The test runtime has no background scheduler: nothing happens by itself.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal((await call('recurring.get', { id: scheduleId })).schedule.periodsDone, 0);
  } finally {
    await setup.close();
  }

  const app: Services = await createServices({
    ...config,
    runtime: 'browser-host',
    scheduler: { tickMs: 100, startDelayMs: 10 },
  });
  try {
    const call = caller(app);
    const done = async (n: number): Promise<boolean> =>
      (await call('recurring.get', { id: scheduleId })).schedule.periodsDone >= n;
    await until('the catch-up on start', () => done(2));
    const first = await call('recurring.get', { id: scheduleId });
    assert.deepEqual(
      first.runs.map((r) => `${r.date} ${r.number}`),
      ['2026-06-03 INV-2026-0002', '2026-05-27 INV-2026-0001'],
    );
    // Still open a week later: the next period is made on its day.
    now = new Date('2026-06-10T08:00:00Z');
    await until('the period of 10 June', () => done(3));
    const later = await call('recurring.get', { id: scheduleId });
    assert.equal(later.runs[0]?.date, '2026-06-10');
    assert.equal(later.runs[0]?.number, 'INV-2026-0003');
    assert.equal(later.schedule.nextDate, '2026-06-17');
  } finally {
    await app.close();
  }
});
