/**
 * Payment reminders against a real SMTP server on 127.0.0.1, with a fake clock moved day by day: each step sent on its
 * day, in the document language, through the share route (the PDF attached), recorded in the invoice history; never
 * twice (two runs a day); never once the invoice is paid, credited or cancelled — also when the e-mail was queued
 * before the payment and goes out after it; per-invoice steps; failures kept and retried; prepared SMS/WhatsApp texts.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { addDays } from '../../../shared/contract/dates';
import type { ReminderRunSummary } from '../../../shared/contract/reminders';
import { createTranslator } from '../../../shared/i18n/catalogue';
import type { Language } from '../../../shared/i18n/languages';
import { startSmtpFake, type SmtpFake } from '../../helpers/smtp';
import { ledgerServices, line, type Call } from '../ledger/helpers';
import { englishStoredForDisplay } from '../../helpers/stored-text';

const FROM = 'billing@nile-consulting.example';

async function reminderEnv(start: string, opts: { locale?: string; smtp?: boolean } = {}) {
  const env = await ledgerServices(start);
  const smtp = await startSmtpFake();
  after(() => smtp.close());
  await env.call('profile.set', {
    name: 'Nile Consulting',
    email: 'accounts@nile-consulting.example',
    locale: opts.locale ?? 'es-ES',
    paymentTermsDays: 14,
  });
  if (opts.smtp !== false) await useSmtp(env.call, smtp);
  const customerId = (await env.call('customer.create', { name: 'Panadería Sol', email: 'sol@panaderia.example' })).id;
  return { ...env, smtp, customerId };
}

async function useSmtp(call: Call, smtp: SmtpFake): Promise<void> {
  await call('smtp.set', { host: '127.0.0.1', port: smtp.port, tls: 'none', user: null, from: FROM });
}

async function issue(call: Call, customerId: string, issueDate: string, dueDate: string, unitPrice = 10_000) {
  const d = await call('invoice.create', { customerId, currency: 'EUR', lines: [line({ unitPrice })] });
  return call('invoice.issue', { id: d.id, issueDate, dueDate });
}

function subjectOf(language: Language, step: number, number: string, dueDate: string): string {
  const { t } = createTranslator({ language });
  if (step < 0) return t('share.template.reminder_upcoming.subject', { number, dueDate });
  if (step === 0) return t('share.template.reminder_due.subject', { number });
  return t('share.template.reminder_overdue.subject', { number, days: step });
}

test('the default steps, day by day for two months: each reminder on its day, in Spanish, once; none after payment', async () => {
  const { call, clock, smtp, customerId } = await reminderEnv('2026-03-01T09:00:00Z');
  const a = await issue(call, customerId, '2026-03-01', '2026-03-20');
  const b = await issue(call, customerId, '2026-03-01', '2026-03-25');
  const c = await issue(call, customerId, '2026-03-01', '2026-03-30');
  // Nothing is sent before reminders are enabled.
  assert.deepEqual((await call('reminder.run', {})).sends, []);
  const rules = await call('reminder.setRules', { enabled: true });
  assert.deepEqual(rules, { enabled: true, route: 'email', steps: [-3, 0, 7, 14] });

  const received: Array<{ day: string; to: string; subject: string; hasPdf: boolean }> = [];
  for (let day = '2026-03-01'; day <= '2026-05-10'; day = addDays(day, 1)) {
    clock.set(`${day}T09:00:00Z`);
    if (day === '2026-03-26') await call('invoice.pay', { id: b.id, amount: b.totals.total, date: day });
    if (day === '2026-03-28') await call('invoice.credit', { id: c.id });
    // Twice a day: the second run finds nothing left to send.
    const first: ReminderRunSummary = await call('reminder.run', {});
    const second: ReminderRunSummary = await call('reminder.run', {});
    assert.deepEqual(second.sends, [], `second run on ${day}`);
    for (const s of first.sends) assert.equal(s.state, 'sent', `${day}: ${JSON.stringify(s)}`);
    while (received.length < smtp.messages.length) {
      const m = smtp.messages[received.length]!;
      received.push({
        day,
        to: m.to.join(','),
        subject: m.parsed.subject ?? '',
        hasPdf: (m.parsed.attachments ?? []).some((x) => x.contentType === 'application/pdf'),
      });
    }
  }
  const expected = [
    { day: '2026-03-17', inv: a, step: -3 },
    { day: '2026-03-20', inv: a, step: 0 },
    { day: '2026-03-22', inv: b, step: -3 },
    { day: '2026-03-25', inv: b, step: 0 },
    { day: '2026-03-27', inv: a, step: 7 },
    { day: '2026-03-27', inv: c, step: -3 },
    { day: '2026-04-03', inv: a, step: 14 },
  ].map((e) => ({
    day: e.day,
    to: 'sol@panaderia.example',
    subject: subjectOf('es', e.step, e.inv.number!, e.inv.dueDate!),
    hasPdf: true,
  }));
  // Within a day the order does not matter.
  const byDay = <T extends { day: string; subject: string }>(xs: T[]): T[] =>
    [...xs].sort((x, y) => x.day.localeCompare(y.day) || x.subject.localeCompare(y.subject));
  assert.deepEqual(byDay(received), byDay(expected));
  // Recorded: in the reminder plan, and in the invoice's history through the share.
  const plan = await call('reminder.invoice', { id: a.id });
  assert.deepEqual(
    plan.plan.map((p) => [p.step, p.date, p.state]),
    [
      [-3, '2026-03-17', 'sent'],
      [0, '2026-03-20', 'sent'],
      [7, '2026-03-27', 'sent'],
      [14, '2026-04-03', 'sent'],
    ],
  );
  assert.equal(plan.plan[0]!.send?.template, 'reminder_upcoming');
  assert.equal(plan.plan[0]!.send?.status, 'sent');
  const history = await call('invoice.history', { id: a.id });
  assert.deepEqual(
    history.filter((h) => h.action === 'share_queued').map((h) => h.details.template),
    ['reminder_upcoming', 'reminder_due', 'reminder_overdue', 'reminder_overdue'],
  );
  assert.equal(history.filter((h) => h.action === 'shared').length, 4);
  // Paid (b) and credited (c): their plans stop.
  assert.equal((await call('reminder.invoice', { id: b.id })).open, false);
  assert.deepEqual(
    (await call('reminder.invoice', { id: c.id })).plan.map((p) => p.state),
    ['sent', 'stopped', 'stopped', 'stopped'],
  );
});

test('an e-mail queued while the server was down is not sent once the invoice is paid; a later step supersedes a missed one', async () => {
  const { call, clock, smtp, customerId, db } = await reminderEnv('2026-03-01T09:00:00Z', { locale: 'en-GB' });
  const a = await issue(call, customerId, '2026-03-01', '2026-03-20');
  const b = await issue(call, customerId, '2026-03-01', '2026-03-20');
  await call('reminder.setRules', { enabled: true });
  await smtp.close();
  clock.set('2026-03-17T09:00:00Z');
  const r = await call('reminder.run', {});
  // Taken and queued (the step is done), the e-mails wait in the outbox.
  assert.deepEqual(
    r.sends.map((s) => [s.invoiceNumber, s.state, s.status]),
    [
      [a.number, 'sent', 'queued'],
      [b.number, 'sent', 'queued'],
    ],
  );
  await call('invoice.pay', { id: a.id, amount: a.totals.total });
  // The server is back (same port): b's reminder goes out, a's does not.
  const back = await startSmtpFake({ port: smtp.port });
  after(() => back.close());
  await call('sync.now', {});
  assert.deepEqual(
    back.messages.map((m) => m.parsed.subject),
    [subjectOf('en', -3, b.number!, b.dueDate!)],
  );
  const states = db
    .prepare(`SELECT invoice_id AS id, state FROM outbox WHERE channel = 'email' ORDER BY id`)
    .all() as Array<{ id: string; state: string }>;
  assert.deepEqual(
    states.map((s) => [s.id, s.state]).sort(),
    [
      [a.id, 'skipped'],
      [b.id, 'done'],
    ].sort(),
  );
  assert.ok((await call('invoice.history', { id: a.id })).some((h) => h.action === 'share_skipped'));
  // The app was closed from 18 March to 28 March: only the latest due step of b is sent (7 days overdue); the due-date
  // one it missed is recorded as skipped, not sent late.
  clock.set('2026-03-28T09:00:00Z');
  const late = await call('reminder.run', {});
  assert.deepEqual(
    late.sends.map((s) => [s.invoiceNumber, s.step, s.state]),
    [[b.number, 7, 'sent']],
  );
  assert.deepEqual(
    (await call('reminder.invoice', { id: b.id })).plan.map((p) => [p.step, p.state]),
    [
      [-3, 'sent'],
      [0, 'skipped'],
      [7, 'sent'],
      [14, 'planned'],
    ],
  );
  assert.equal(back.messages.length, 2);
});

test('per-invoice steps and route; failures are kept and retried; SMS/WhatsApp reminders are prepared for the user', async () => {
  const { call, clock, smtp, customerId, db } = await reminderEnv('2026-03-01T09:00:00Z', {
    locale: 'ar-EG',
    smtp: false,
  });
  const own = await issue(call, customerId, '2026-03-01', '2026-03-10');
  const none = await issue(call, customerId, '2026-03-01', '2026-03-10');
  const byDefault = await issue(call, customerId, '2026-03-01', '2026-03-10');
  // The default set stays off; one invoice has its own steps, one has none.
  await call('reminder.setInvoice', { id: own.id, steps: [2, 0] });
  await call('reminder.setInvoice', { id: none.id, steps: [] });
  clock.set('2026-03-10T09:00:00Z');
  // No mail server yet: the attempt is kept as failed with its reason, and not repeated before its retry time.
  const failed = await call('reminder.run', {});
  assert.deepEqual(
    failed.sends.map((s) => [s.invoiceId, s.step, s.state, s.error?.code]),
    [[own.id, 0, 'failed', 'smtp_not_configured']],
  );
  // The failure is kept as its code and params: the screen words it in Arabic, the CLI in English.
  assert.match(failed.sends[0]!.error?.message ?? '', /SMTP/);
  const stored = englishStoredForDisplay(db);
  assert.ok(stored.rows > 3, `scanned ${stored.rows} rows`);
  assert.deepEqual(stored.found, [], 'no English stored for the failed reminder');
  await useSmtp(call, smtp);
  clock.set('2026-03-10T09:30:00Z');
  const background = await call('reminder.list', {});
  assert.equal(background[0]?.state, 'failed');
  assert.ok(background[0]?.retryAt && background[0].retryAt > clock.now.toISOString());
  // A manual run retries at once.
  const retried = await call('reminder.run', {});
  assert.deepEqual(
    retried.sends.map((s) => [s.invoiceId, s.step, s.state]),
    [[own.id, 0, 'sent']],
  );
  assert.equal(smtp.messages.length, 1);
  assert.equal(smtp.messages[0]!.parsed.subject, subjectOf('ar', 0, own.number!, own.dueDate!));
  // The default set for the rest, by WhatsApp: the message is prepared (a link), not sent by Kassa.
  await call('customer.update', { id: customerId, phone: '+201001234567' });
  await call('reminder.setRules', { enabled: true, route: 'whatsapp', steps: [1] });
  clock.set('2026-03-11T09:00:00Z');
  const prepared = await call('reminder.run', {});
  assert.deepEqual(
    prepared.sends.map((s) => [s.invoiceId, s.state, s.route]),
    [[byDefault.id, 'prepared', 'whatsapp']],
  );
  assert.match(prepared.sends[0]!.url ?? '', /^https:\/\/wa\.me\/201001234567\?text=/);
  assert.equal(smtp.messages.length, 1, 'nothing more was e-mailed');
  // The invoice with its own steps: its step 2 on 12 March; back to the defaults (steps: null) it follows them.
  clock.set('2026-03-12T09:00:00Z');
  assert.deepEqual(
    (await call('reminder.run', {})).sends.map((s) => [s.invoiceId, s.step]),
    [[own.id, 2]],
  );
  const reset = await call('reminder.setInvoice', { id: none.id, steps: null });
  assert.deepEqual(reset.effective, { steps: [1], route: 'whatsapp' });
  assert.deepEqual(
    (await call('reminder.run', {})).sends.map((s) => [s.invoiceId, s.step, s.state]),
    [[none.id, 1, 'prepared']],
  );
  assert.deepEqual(englishStoredForDisplay(db).found, [], 'no English stored for sent and prepared reminders');
  // Bad input.
  await assert.rejects(call('reminder.setRules', { steps: [1, 1] }), /invalid_input|once/);
  await assert.rejects(
    call('reminder.setRules', { steps: [400] }),
    (e: { code: string }) => e.code === 'invalid_input',
  );
  await assert.rejects(
    call('reminder.setRules', { route: 'fax' as never }),
    (e: { code: string }) => e.code === 'invalid_input',
  );
});

test('a cancelled invoice gets no more reminders; the invoice beside it keeps its own', async () => {
  const { call, clock, smtp, customerId } = await reminderEnv('2026-03-01T09:00:00Z', { locale: 'en-GB' });
  const kept = await issue(call, customerId, '2026-03-01', '2026-03-20');
  const cancelled = await issue(call, customerId, '2026-03-01', '2026-03-20');
  await call('reminder.setRules', { enabled: true });
  clock.set('2026-03-17T09:00:00Z');
  assert.deepEqual(
    (await call('reminder.run', {})).sends.map((s) => [s.invoiceNumber, s.step, s.state]),
    [
      [kept.number, -3, 'sent'],
      [cancelled.number, -3, 'sent'],
    ],
  );
  await call('invoice.cancel', { id: cancelled.id, reason: 'Ordered twice' });
  const later: string[] = [];
  for (let day = '2026-03-18'; day <= '2026-04-10'; day = addDays(day, 1)) {
    clock.set(`${day}T09:00:00Z`);
    for (const s of (await call('reminder.run', {})).sends) later.push(`${day} ${s.invoiceNumber} ${s.step}`);
  }
  assert.deepEqual(later, [
    `2026-03-20 ${kept.number} 0`,
    `2026-03-27 ${kept.number} 7`,
    `2026-04-03 ${kept.number} 14`,
  ]);
  assert.equal(smtp.messages.length, 5, 'two before the cancellation, three after it, all for the invoice still owed');
  const plan = await call('reminder.invoice', { id: cancelled.id });
  assert.equal(plan.open, false);
  assert.deepEqual(
    plan.plan.map((p) => p.state),
    ['sent', 'stopped', 'stopped', 'stopped'],
  );
});
