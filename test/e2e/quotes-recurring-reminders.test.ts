/// <reference lib="dom" />
/**
 * The Quotes, Recurring and Reminders screens used as a person uses them: a quote made in the composer, one line of
 * it converted, the invoice and the quote linking to each other; a schedule made from a template invoice, its past
 * periods run with "Run due periods now" and shown with their invoices; the default reminders turned on with their
 * steps, a bad step list refused with the reason, and an invoice's own steps.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { addDays, localDate } from '../../shared/contract/dates';
import { openApp, resultsDir } from '../helpers/browser';
import { NAV } from '../helpers/screens';
import { caller, testServices } from '../helpers/services';

test('quotes, recurring schedules and reminders through their screens', async () => {
  const s = await testServices({ runtime: 'browser-host' });
  const call = caller(s);
  const nile = await call('customer.create', { name: 'Nile Bakery', email: 'orders@nile.example' });
  const { host, page, problems } = await openApp(s);
  await page.goto(host.openUrl);
  const nav = (screen: keyof typeof NAV) => page.locator('nav.sidebar button.nav').nth(NAV[screen]).click();

  // A quote with two lines, made in the composer.
  await nav('quotes');
  await page.getByTestId('new-quote').click();
  const editor = page.getByTestId('quote-editor');
  await editor.getByTestId('customer-select').selectOption({ label: 'Nile Bakery' });
  await editor.getByTestId('currency').fill('EUR');
  const rows = editor.getByTestId('line-row');
  await rows.nth(0).getByTestId('line-description').fill('Survey');
  await rows.nth(0).getByTestId('line-quantity').fill('1');
  await rows.nth(0).getByTestId('line-price').fill('300');
  await editor.getByTestId('add-line').click();
  await rows.nth(1).getByTestId('line-description').fill('Install');
  await rows.nth(1).getByTestId('line-quantity').fill('4');
  await rows.nth(1).getByTestId('line-price').fill('125');
  await editor.getByTestId('save-draft').click();
  const detail = page.getByTestId('quote-detail');
  await detail.getByTestId('quote-number').waitFor();
  const quotes = await call('quote.list', {});
  assert.equal(quotes.items.length, 1);
  const quote = quotes.items[0]!;
  assert.match(await detail.getByTestId('quote-number').innerText(), new RegExp(quote.number));
  assert.deepEqual(
    quote.lines.map((l) => [l.description, l.quantity, l.unitPrice]),
    [
      ['Survey', '1', 30_000],
      ['Install', '4', 12_500],
    ],
  );
  await page.screenshot({ path: path.join(resultsDir(), 'quote-made.png'), fullPage: true });

  // Convert only the second line: the app opens the draft invoice, which links back to the quote.
  await detail.getByTestId('pick-line').nth(1).check();
  await detail.getByTestId('convert-quote').click();
  const invoiceDetail = page.getByTestId('invoice-detail');
  await invoiceDetail.getByTestId('open-quote').waitFor();
  const converted = await call('quote.get', { id: quote.id });
  assert.ok(converted.invoiceId);
  const invoice = await call('invoice.get', { id: converted.invoiceId });
  assert.equal(invoice.quoteId, quote.id);
  assert.deepEqual(
    invoice.lines.map((l) => [l.description, l.quantity]),
    [['Install', '4']],
  );
  await invoiceDetail.getByTestId('open-quote').click();
  await page.getByTestId('quote-detail').getByTestId('quote-number').waitFor();
  assert.equal(await page.getByTestId('quote-detail').getByTestId('convert-quote').count(), 0, 'converted once');

  // A monthly schedule from a template invoice, started 40 days ago: "Run due periods now" makes its two periods.
  const template = await call('invoice.create', {
    customerId: nile.id,
    currency: 'EUR',
    lines: [{ description: 'Retainer', quantity: '1', unitPrice: 50_000, taxRate: '14', taxCategory: 'S' }],
  });
  const start = addDays(localDate(new Date()), -40);
  await nav('recurring');
  await page.getByTestId('new-schedule').click();
  const form = page.getByTestId('schedule-form');
  await form.getByTestId('template-select').selectOption(template.id);
  await form.getByTestId('frequency').selectOption('month');
  await form.getByTestId('start-date').fill(start);
  await form.getByTestId('action').selectOption('draft');
  await form.getByTestId('create-schedule').click();
  await page.getByTestId('schedule-detail').waitFor();
  const [schedule] = await call('recurring.list', {});
  assert.equal(schedule?.templateId, template.id);
  assert.equal(schedule?.startDate, start);
  assert.equal(schedule?.action, 'draft');
  await page.getByTestId('run-recurring').click();
  await page.getByTestId('run-result').waitFor();
  await page.getByTestId('recurring-run').nth(1).waitFor();
  const made = (await call('invoice.list', { status: ['draft'], limit: 50 })).items.filter(
    (i) => i.recurringId === schedule?.id,
  );
  assert.equal(made.length, 2, 'the two past periods, once each');
  assert.equal(await page.getByTestId('recurring-run').count(), 2);
  await page.screenshot({ path: path.join(resultsDir(), 'recurring-ran.png'), fullPage: true });
  // Running again makes nothing.
  await page.getByTestId('run-recurring').click();
  await page.getByTestId('run-result').filter({ hasText: 'Nothing was due.' }).waitFor();
  assert.equal(
    (await call('invoice.list', { status: ['draft'], limit: 50 })).items.filter((i) => i.recurringId === schedule?.id)
      .length,
    2,
  );

  // Reminders: a bad step list is refused with the reason; a good one is saved and turned on.
  await nav('reminders');
  const rules = page.getByTestId('reminder-rules');
  await rules.getByTestId('reminder-steps').fill('-3, soon');
  await rules.getByTestId('save-reminders').click();
  await rules.getByTestId('form-error').waitFor();
  assert.equal((await call('reminder.rules', {})).enabled, false, 'nothing saved');
  await rules.getByTestId('reminder-steps').fill('-2, 0, 10');
  await rules.getByTestId('reminders-enabled').check();
  await rules.getByTestId('save-reminders').click();
  await rules.getByText('Saved.').waitFor();
  assert.deepEqual(await call('reminder.rules', {}), { enabled: true, route: 'email', steps: [-2, 0, 10] });

  // An issued invoice shows its reminder plan, and can have its own steps.
  const due = addDays(localDate(new Date()), 20);
  const issued = await call('invoice.issue', { id: invoice.id, dueDate: due });
  await nav('invoices');
  await page.getByTestId('invoice-row').filter({ hasText: issued.number! }).click();
  const plan = page.getByTestId('invoice-reminders');
  await plan.getByTestId('reminder-step').nth(2).waitFor();
  await plan.getByTestId('invoice-reminder-steps').fill('5');
  await plan.getByRole('button', { name: 'Use these steps' }).click();
  await plan.getByRole('button', { name: 'Use the default reminders' }).waitFor();
  assert.deepEqual((await call('reminder.invoice', { id: issued.id })).override?.steps, [5]);
  assert.equal(await plan.getByTestId('reminder-step').count(), 1);
  await page.screenshot({ path: path.join(resultsDir(), 'invoice-reminders.png'), fullPage: true });
  assert.deepEqual(problems, []);
});
