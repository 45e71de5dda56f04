/**
 * Migration 009 (messages as codes): the English an older ledger kept for display — sync advice in
 * outbox.result_json, error texts in last_error_json, advice and failure texts in invoice history — becomes
 * catalogue keys with parameters, shown in any language; the old history rows are rewritten once and history is
 * append-only again afterwards.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { openLedger } from '../../../main/ledger/connection';
import { migrations } from '../../../main/ledger/migrations';
import { adviceFromText } from '../../../main/ledger/migrations/009_messages_as_codes';
import { CATALOGUES, createTranslator } from '../../../shared/i18n/catalogue';
import { tempDir } from '../../helpers/tmp';

const AT = '2026-03-01T10:00:00.000Z';
const PARTLY =
  'INV-2026-0007 is only partly credited by CN-2026-0001; Kashier still asks for the original amount and cannot change it. Either cancel it in the Kashier dashboard and send a new invoice for the rest, or collect the rest and refund any overpayment.';
const NO_LOOKUP =
  'Kassa cannot ask Paycashless whether INV-2026-0001 arrived (its API has no lookup). Look for reference INV-2026-0001 in the Paycashless dashboard: if it is there, link it by its id; if not, retry to send it.';

test('009 turns stored English advice and error texts into catalogue messages', async () => {
  const file = path.join(tempDir(), 'kassa.db');
  const v3 = await openLedger(file, { migrations: migrations.slice(0, 7) });
  assert.equal(v3.schemaVersion, 7);
  const db3 = v3.db;
  db3
    .prepare(
      `INSERT INTO accounts (id, provider, name, mode, created_at, updated_at) VALUES ('acc_1', 'kashier', 'K', 'test', ?, ?)`,
    )
    .run(AT, AT);
  db3
    .prepare(`INSERT INTO invoices (id, currency, created_at, updated_at) VALUES ('inv_000001', 'EGP', ?, ?)`)
    .run(AT, AT);
  const insert = db3.prepare(
    `INSERT INTO outbox (invoice_id, account_id, op, state, last_error_json, result_json, created_at, updated_at)
     VALUES ('inv_000001', 'acc_1', ?, ?, ?, ?, ?, ?)`,
  );
  insert.run('cancel', 'skipped', null, JSON.stringify({ advice: PARTLY }), AT, AT);
  insert.run(
    'create',
    'needs_review',
    JSON.stringify({
      kind: 'provider',
      code: 'outcome_unknown',
      message: 'Paycashless create timed out; …',
      details: {},
    }),
    JSON.stringify({ advice: NO_LOOKUP }),
    AT,
    AT,
  );
  insert.run('share', 'skipped', null, JSON.stringify({ advice: 'Something this version never wrote.' }), AT, AT);
  // A version that kept the message beside its English: the message is kept, the English goes.
  insert.run(
    'delete',
    'skipped',
    null,
    JSON.stringify({
      advice: 'Do it in the KashIO dashboard.',
      adviceKey: 'providers.instead.use_dashboard',
      adviceParams: { provider: 'KashIO' },
    }),
    AT,
    AT,
  );
  const history = db3.prepare(
    `INSERT INTO invoice_history (invoice_id, at, actor, action, details_json) VALUES ('inv_000001', ?, 'system', ?, ?)`,
  );
  history.run(AT, 'sync_skipped', JSON.stringify({ advice: PARTLY, outboxId: 1 }));
  history.run(AT, 'sync_failed', JSON.stringify({ code: 'provider_rejected', message: 'Kashier rejected create.' }));
  db3
    .prepare(
      `INSERT INTO reminder_sends (invoice_id, step, state, due_on, route, template, detail_json, attempts, retry_at, at)
       VALUES ('inv_000001', 7, 'failed', '2026-03-08', 'email', 'reminder_overdue', ?, 1, ?, ?)`,
    )
    .run(
      JSON.stringify({
        error: { kind: 'refused', code: 'smtp_not_configured', message: 'Set up e-mail first.', params: {} },
      }),
      AT,
      AT,
    );
  v3.close();

  const after = await openLedger(file);
  assert.equal(after.schemaVersion, migrations.length);
  const rows = after.db.prepare(`SELECT op, last_error_json, result_json FROM outbox ORDER BY id`).all() as Array<{
    op: string;
    last_error_json: string | null;
    result_json: string;
  }>;
  const advice = rows.map((r) => (JSON.parse(r.result_json) as { advice: { key: string } }).advice);
  assert.deepEqual(advice[0], {
    key: 'providers.advice.cancel_partly_credited',
    params: { number: 'INV-2026-0007', creditNote: 'CN-2026-0001', provider: 'Kashier' },
  });
  assert.deepEqual(advice[1], {
    key: 'providers.advice.no_lookup',
    params: { provider: 'Paycashless', number: 'INV-2026-0001', reference: 'INV-2026-0001' },
  });
  assert.deepEqual(advice[2], { key: 'common.text', params: { text: 'Something this version never wrote.' } });
  assert.deepEqual(JSON.parse(rows[3]!.result_json), {
    advice: { key: 'providers.instead.use_dashboard', params: { provider: 'KashIO' } },
  });
  const error = JSON.parse(rows[1]!.last_error_json!) as Record<string, unknown>;
  assert.equal(error.message, undefined, 'no English text kept as the message');
  assert.equal((error.details as Record<string, unknown>).legacyMessage, 'Paycashless create timed out; …');

  const reminder = JSON.parse(
    (after.db.prepare(`SELECT detail_json FROM reminder_sends`).get() as { detail_json: string }).detail_json,
  ) as { error: Record<string, unknown> };
  assert.equal(reminder.error.message, undefined, 'a failed reminder keeps no English either');
  assert.equal(reminder.error.code, 'smtp_not_configured');

  // The rewritten advice reads in every language.
  const es = createTranslator({ language: 'es' });
  assert.match(es.message(advice[0] as never), /^INV-2026-0007 solo está acreditada en parte por CN-2026-0001/);

  const hist = after.db.prepare(`SELECT action, details_json FROM invoice_history ORDER BY id`).all() as Array<{
    action: string;
    details_json: string;
  }>;
  assert.deepEqual(JSON.parse(hist[0]!.details_json).advice, advice[0]);
  const failed = JSON.parse(hist[1]!.details_json) as Record<string, unknown>;
  assert.equal(failed.message, undefined);
  assert.equal((failed.problem as { key: string }).key, 'error.provider_rejected');
  // History is append-only again.
  assert.throws(() => after.db.prepare(`UPDATE invoice_history SET action = 'x'`).run(), /history_append_only/);
  after.close();
});

test('every advice sentence older versions wrote is read back, none falls through', () => {
  const old = [
    'The invoice never reached Kashier, so there is nothing to mark paid there.',
    'Kashier has no way to cancel an invoice through its API: cancel the invoice (R-1) in the Kashier dashboard so the customer is no longer asked to pay.',
    'Kashier says INV-1 is already paid, so it was not cancelled there. Refund the customer at Kashier, or record the payment here instead of cancelling.',
    'Paycashless cannot record a payment made outside it: INV-1 stays open there. Once it is fully paid, cancel it in the Paycashless dashboard so the customer is not asked to pay again.',
    'Kashier can only mark an invoice paid in full; INV-1 will be marked paid there once it is fully paid here.',
    'INV-1 is cancelled at Kashier, so it could not be marked paid there; nothing else is needed unless the cancellation was a mistake.',
    'Paycashless cannot send invoices through its API; send the payment link to the customer yourself.',
    'The last attempt to send this invoice by sms may have gone out (Kashier cannot tell). Retry to send it again, or mark it resolved.',
    'Paycashless cannot delete invoices through its API; delete or cancel R-1 in the Paycashless dashboard.',
    'Kashier holds R-1 for this invoice, but it is already linked to another invoice here; check both and link the right one.',
    PARTLY,
    NO_LOOKUP,
  ];
  const en = createTranslator({ language: 'en' });
  for (const text of old) {
    const m = adviceFromText(text);
    assert.notEqual(m.key, 'common.text', text);
    // Today's wording of the same case names the same provider (and invoice, where the old one did).
    const now = en.message(m);
    assert.doesNotMatch(now, /\{|\}/, now);
    const provider = m.params.provider;
    const takesProvider = (CATALOGUES.en as Record<string, string>)[m.key]?.includes('{provider}');
    if (provider && takesProvider) assert.ok(now.includes(provider), `${now} names ${provider}`);
    const number = m.params.number;
    if (number) assert.ok(now.includes(number), `${now} names ${number}`);
  }
  // An old "the invoice" where a draft had no number is not taken for a number.
  assert.equal(adviceFromText(old[4]!.replace('INV-1', 'the invoice')).params.number, '');
});
