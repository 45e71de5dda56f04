/**
 * Credit notes and refunds from the invoice page (Chromium through the browser host): a partial credit by line
 * (lines and quantities, never more than is left, a preview of the credit note's total, a confirmation that says
 * what will happen), the credit note's PDF checked against EN 16931 where the validator is present, a refund of
 * what is owed back (prefilled) that settles the credited paid invoice to zero, voiding it with a reason, and the
 * cancel confirmation; a refund naming the credit note it pays back (chosen by default when one left money owed
 * back), shown on the refund's row and on the credit note's page. Screenshots of each panel in English and Arabic are kept under test-results/credits/.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { formatMoney } from '../../shared/money';
import { openApp, resultsDir } from '../helpers/browser';
import { caller, testServices } from '../helpers/services';
import { tempDir } from '../helpers/tmp';
import { VALIDATOR, validateFacturX } from '../integration/pdf/tools';

const shots = (): string => {
  const dir = path.join(resultsDir(), 'credits');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};

async function shop(locale = 'en-US') {
  const s = await testServices({ runtime: 'browser-host' });
  const call = caller(s);
  await call('app.setPreferences', { setup: 'done' });
  await call('profile.set', {
    name: 'Atelier Lumière',
    vatId: 'FR40303265045',
    address: { line1: '1 Rue de la Paix', city: 'Paris', postalCode: '75002', country: 'FR' },
    defaultCurrency: 'EUR',
  });
  const customer = await call('customer.create', {
    name: 'Nile Bakery',
    address: { line1: '5 Tahrir Sq', city: 'Cairo', country: 'EG' },
  });
  const draft = await call('invoice.create', {
    customerId: customer.id,
    currency: 'EUR',
    lines: [
      {
        description: 'Design days',
        quantity: '4',
        unitPrice: 25_000,
        discount: 10_000,
        taxRate: '20',
        taxCategory: 'S',
      },
      { description: 'Hosting months', quantity: '12', unitPrice: 1_500, taxRate: '20', taxCategory: 'S' },
      { description: 'Printed flyers', quantity: '500', unitPrice: 12, taxRate: '5.5', taxCategory: 'S' },
    ],
  });
  const inv = await call('invoice.issue', { id: draft.id });
  const { host, page, problems } = await openApp(s, { locale });
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(host.openUrl);
  return { s, call, inv, page, problems };
}

async function openInvoice(page: Page, number: string): Promise<void> {
  await page.getByTestId('invoice-row').filter({ hasText: number }).click();
  await page.getByTestId('invoice-detail').getByTestId('history').locator('li').first().waitFor();
}

test('a partial credit by line: lines and quantities within what is left, a preview, a confirmation, a valid credit note', async (t) => {
  const { call, inv, page, problems } = await shop();
  const fmt = (minor: number) => formatMoney(minor, 'EUR', 'en-US');
  await openInvoice(page, inv.number!);
  const detail = page.getByTestId('invoice-detail');
  await detail.getByTestId('credit-invoice').click();
  const form = detail.getByTestId('credit-form');
  const rows = form.getByTestId('credit-line');
  assert.equal(await rows.count(), 3);
  // Every line is offered with what is left of it.
  assert.deepEqual(
    await form.getByTestId('credit-quantity').evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value)),
    ['4', '12', '500'],
  );

  // More than the line has: refused at the line, nothing to confirm.
  await rows.nth(0).getByTestId('credit-quantity').fill('5');
  await form.getByTestId('form-error').getByText('Line 1: 5 is more than the 4 invoiced.', { exact: true }).waitFor();
  assert.equal(await rows.nth(0).getByTestId('credit-quantity').getAttribute('aria-invalid'), 'true');
  assert.equal(await form.getByTestId('review-credit').isDisabled(), true);

  // One design day and 200 flyers; hosting stays.
  await rows.nth(0).getByTestId('credit-quantity').fill('1');
  await rows.nth(1).getByTestId('credit-pick').uncheck();
  await rows.nth(2).getByTestId('credit-quantity').fill('200');
  await form.getByTestId('reason').fill('One design day not delivered; flyers reprinted elsewhere');
  await form.getByTestId('form-error').waitFor({ state: 'detached' });
  const preview = (await form.getByTestId('credit-preview').textContent()) ?? '';
  await page.screenshot({ path: path.join(shots(), 'en-credit-choose.png'), fullPage: true });

  // Nothing is issued before the confirmation, which says what will happen.
  await form.getByTestId('review-credit').click();
  const confirm = form.getByTestId('credit-confirm');
  await confirm.waitFor();
  assert.equal((await call('invoice.get', { id: inv.id })).creditNoteIds?.length, 0);
  assert.match(
    (await confirm.textContent()) ?? '',
    new RegExp(`against ${inv.number}\\? It takes the next credit note number`),
  );
  await page.screenshot({ path: path.join(shots(), 'en-credit-confirm.png'), fullPage: true });
  await confirm.getByTestId('confirm-credit').click();
  await form.waitFor({ state: 'detached' });

  const after = await call('invoice.get', { id: inv.id });
  assert.equal(after.creditNoteIds?.length, 1);
  const cn = await call('invoice.get', { id: after.creditNoteIds![0]! });
  assert.deepEqual(
    cn.lines.map((l) => [l.description, l.quantity, l.discount ?? 0]),
    [
      ['Design days', '1', 2_500], // a quarter of the line's discount
      ['Printed flyers', '200', 0],
    ],
  );
  assert.equal(cn.notes, 'One design day not delivered; flyers reprinted elsewhere');
  // The preview showed the total the ledger issued, and what the invoice would then ask for.
  assert.ok(preview.includes(`Credit note total: ${fmt(cn.totals.total)}.`), preview);
  assert.ok(preview.includes(`The invoice will then ask for ${fmt(inv.totals.total - cn.totals.total)}.`), preview);
  assert.equal(after.credited, cn.totals.total);
  assert.deepEqual(after.uncredited, ['3', '12', '300']);
  await detail
    .getByTestId('invoice-balance')
    .getByText(fmt(inv.totals.total - cn.totals.total))
    .waitFor();

  // A second credit note offers only what is left; line 1 in full again is refused by the form.
  await detail.getByTestId('credit-invoice').click();
  const again = detail.getByTestId('credit-form');
  assert.deepEqual(
    await again.getByTestId('credit-quantity').evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value)),
    ['3', '12', '300'],
  );
  await again.getByTestId('credit-line').nth(0).getByTestId('credit-quantity').fill('4');
  await again
    .getByTestId('form-error')
    .getByText('Line 1: 4 is more than is left to credit (3); earlier credit notes credited the rest.', { exact: true })
    .waitFor();

  // The credit note as issued passes EN 16931 (the validator beside the repository; SKIPPED where it is absent).
  const file = path.join(tempDir('kassa-credit-e2e-'), 'credit-note.pdf');
  await call('pdf.render', { id: cn.id, file });
  if (!fs.existsSync(VALIDATOR)) t.diagnostic(`SKIPPED: validator not found at ${VALIDATOR}`);
  else {
    const v = validateFacturX(file);
    assert.ok(v.ok, v.output);
  }
  assert.deepEqual(problems, []);
});

test('a paid invoice credited in full: the refund (prefilled) settles it to zero, a voided refund owes it again', async () => {
  const { call, inv, page, problems } = await shop();
  const fmt = (minor: number) => formatMoney(minor, 'EUR', 'en-US');
  await call('invoice.pay', { id: inv.id, amount: inv.totals.total, method: 'bank_transfer' });
  await call('invoice.credit', { id: inv.id, reason: 'Order cancelled' });
  await openInvoice(page, inv.number!);
  const detail = page.getByTestId('invoice-detail');
  // Money owed back reads as such, with a way to record paying it back; no further credit is offered.
  await detail.getByText('Owed to the customer', { exact: true }).waitFor();
  assert.equal(await detail.getByTestId('invoice-balance').textContent(), fmt(inv.totals.total));
  assert.equal(await detail.getByTestId('credit-invoice').count(), 0);

  await detail.getByTestId('record-refund').click();
  const form = detail.getByTestId('refund-form');
  assert.equal(await form.getByTestId('refund-amount').inputValue(), (inv.totals.total / 100).toFixed(2));
  await form.getByTestId('refund-method').selectOption('bank_transfer');
  await form.getByTestId('refund-what').getByText('The invoice will then owe nothing.').waitFor();
  await page.screenshot({ path: path.join(shots(), 'en-refund.png'), fullPage: true });
  await form.getByTestId('confirm-refund').click();
  await form.waitFor({ state: 'detached' });

  let after = await call('invoice.get', { id: inv.id });
  assert.deepEqual([after.balance, after.refunded, after.status], [0, inv.totals.total, 'paid']);
  await detail.getByTestId('refund-row').waitFor();
  await detail.getByText('Balance', { exact: true }).waitFor();
  assert.equal(await detail.getByTestId('invoice-balance').textContent(), fmt(0));
  assert.equal(await detail.getByTestId('record-refund').count(), 0);
  const d = (await call('dashboard.totals', {})).currencies.find((x) => x.currency === 'EUR');
  assert.equal(d?.refundOwed, 0);

  // A wrong refund is voided with a reason (required) and the money is owed back again.
  await detail.getByTestId('void-refund').click();
  const voidForm = detail.getByTestId('voidRefund-form');
  await voidForm.getByTestId('confirm-action').click();
  assert.equal((await call('invoice.get', { id: inv.id })).refunds?.[0]?.voidedAt, null, 'no reason, no void');
  await voidForm.getByTestId('reason').fill('Transfer bounced');
  await voidForm.getByTestId('confirm-action').click();
  await voidForm.waitFor({ state: 'detached' });
  after = await call('invoice.get', { id: inv.id });
  assert.equal(after.balance, -inv.totals.total);
  assert.equal(after.refunds?.[0]?.voidReason, 'Transfer bounced');
  await detail.getByTestId('record-refund').waitFor();
  assert.deepEqual(problems, []);
});

test('a refund names the credit note it pays back: the one owed back by default, shown on its row and on the credit note', async () => {
  const { call, inv, page, problems } = await shop();
  const fmt = (minor: number) => formatMoney(minor, 'EUR', 'en-US');
  await call('invoice.pay', { id: inv.id, amount: inv.totals.total, method: 'bank_transfer' });
  await call('invoice.credit', { id: inv.id, items: [{ line: 1 }] });
  await call('invoice.credit', { id: inv.id, items: [{ line: 2 }] });
  const [cn1, cn2] = await Promise.all(
    ((await call('invoice.get', { id: inv.id })).creditNoteIds ?? []).map((id) => call('invoice.get', { id })),
  );
  assert.ok(cn1 && cn2);
  await openInvoice(page, inv.number!);
  const detail = page.getByTestId('invoice-detail');

  assert.deepEqual(await detail.getByTestId('open-credit-note').allInnerTexts(), [
    `Open credit note ${cn1.number}`,
    `Open credit note ${cn2.number}`,
  ]);
  await detail.getByTestId('record-refund').click();
  const form = detail.getByTestId('refund-form');
  const choice = form.getByTestId('refund-credit-note-choice');
  // Both credit notes are offered with what is still to pay back of each, and none (an overpayment); the newest
  // credit note, which left the invoice owing money back, is chosen.
  assert.deepEqual(
    (await choice.locator('option').allInnerTexts()).map((x) => x.trim()),
    [
      'None (money paid in excess)',
      `${cn1.number}: ${fmt(cn1.totals.total)} not yet paid back`,
      `${cn2.number}: ${fmt(cn2.totals.total)} not yet paid back`,
    ],
  );
  assert.equal(await choice.inputValue(), cn2.id);
  await form.getByTestId('refund-amount').fill((cn2.totals.total / 100).toFixed(2));
  await page.screenshot({ path: path.join(shots(), 'en-refund-credit-note.png'), fullPage: true });
  await form.getByTestId('confirm-refund').click();
  await form.waitFor({ state: 'detached' });
  const after = await call('invoice.get', { id: inv.id });
  assert.equal(after.refunds?.[0]?.creditNoteId, cn2.id, 'the refund is recorded against the chosen credit note');
  assert.deepEqual(
    after.creditNotes?.map((n) => [n.number, n.paidOut]),
    [
      [cn1.number, 0],
      [cn2.number, cn2.totals.total],
    ],
  );
  const link = detail.getByTestId('refund-row').getByTestId('refund-credit-note');
  assert.equal(await link.textContent(), `for credit note ${cn2.number}`);

  // The next refund defaults to the credit note still owed back; "none" may be chosen instead.
  await detail.getByTestId('record-refund').click();
  assert.equal(await choice.inputValue(), cn1.id);
  await choice.selectOption('');
  await form.getByTestId('confirm-refund').click();
  await form.waitFor({ state: 'detached' });
  const last = (await call('invoice.get', { id: inv.id })).refunds?.[1];
  assert.deepEqual([last?.amount, last?.creditNoteId], [cn1.totals.total, null]);
  assert.equal(await detail.getByTestId('refund-row').nth(1).getByTestId('refund-credit-note').count(), 0);

  // The credit note's own page lists the refund that pays it back.
  await link.click();
  await detail.getByTestId('invoice-number').getByText(cn2.number!).waitFor();
  const payout = detail.getByTestId('payout-row');
  await payout.waitFor();
  assert.equal(await payout.count(), 1);
  assert.match(
    (await payout.innerText()).replace(/\s+/g, ' '),
    new RegExp(fmt(cn2.totals.total).replace(/[.$]/g, '\\$&')),
  );
  assert.equal(await payout.getByTestId('void-payout').count(), 0, 'voided from the invoice, where it was recorded');
  await page.screenshot({ path: path.join(shots(), 'en-credit-note-payouts.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

test('cancelling says what will happen before the button that does it', async () => {
  const { call, inv, page, problems } = await shop();
  await openInvoice(page, inv.number!);
  const detail = page.getByTestId('invoice-detail');
  await detail.getByTestId('cancel-invoice').click();
  const form = detail.getByTestId('cancel-form');
  assert.equal(
    await form.getByTestId('cancel-what').textContent(),
    `Cancelling ${inv.number} cannot be undone. It will owe nothing, it stays on record as cancelled, and its number is never given to another invoice.`,
  );
  assert.equal((await call('invoice.get', { id: inv.id })).status, 'issued', 'opening the panel changes nothing');
  await page.screenshot({ path: path.join(shots(), 'en-cancel.png'), fullPage: true });
  await form.getByTestId('confirm-action').click();
  await form.waitFor({ state: 'detached' });
  assert.equal((await call('invoice.get', { id: inv.id })).status, 'cancelled');
  assert.deepEqual(problems, []);
});

test('the credit, refund and cancel panels in Arabic', async () => {
  const { call, inv, page, problems } = await shop('ar-EG');
  await call('invoice.pay', { id: inv.id, amount: inv.totals.total });
  await call('invoice.credit', { id: inv.id, items: [{ line: 2 }] });
  await openInvoice(page, inv.number!);
  const detail = page.getByTestId('invoice-detail');
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  await detail.getByTestId('credit-invoice').click();
  await detail.getByTestId('credit-line').nth(1).getByText('صدر لها إشعار بالكامل').waitFor();
  await detail.getByTestId('credit-line').nth(2).getByTestId('credit-pick').uncheck();
  await detail.getByTestId('credit-preview').waitFor();
  await page.screenshot({ path: path.join(shots(), 'ar-credit-choose.png'), fullPage: true });
  await detail.getByTestId('review-credit').click();
  await detail.getByTestId('credit-confirm').waitFor();
  await page.screenshot({ path: path.join(shots(), 'ar-credit-confirm.png'), fullPage: true });
  await detail.getByTestId('credit-back').click();
  await detail.getByTestId('credit-invoice').click(); // closes the credit panel
  await detail.getByTestId('record-refund').click();
  await detail.getByTestId('refund-what').waitFor();
  const cn = (await call('invoice.get', { id: inv.id })).creditNoteIds?.[0];
  assert.equal(await detail.getByTestId('refund-credit-note-choice').inputValue(), cn);
  await page.screenshot({ path: path.join(shots(), 'ar-refund.png'), fullPage: true });
  await detail.getByTestId('confirm-refund').click();
  await detail.getByTestId('refund-row').getByTestId('refund-credit-note').click();
  await detail.getByTestId('payout-row').waitFor();
  await page.screenshot({ path: path.join(shots(), 'ar-credit-note-payouts.png'), fullPage: true });

  const other = await call('invoice.issue', {
    id: (await call('invoice.create', { customerId: inv.customerId, currency: 'EUR', lines: inv.lines })).id,
  });
  await openInvoice(page, other.number!);
  await detail.getByTestId('cancel-invoice').click();
  const what = (await detail.getByTestId('cancel-what').textContent()) ?? '';
  // Text parameters in Arabic messages are bidi-isolated.
  assert.ok(what.replace(/[\u2066-\u2069]/g, '').startsWith(`لا يمكن التراجع عن إلغاء ${other.number}.`), what);
  await page.screenshot({ path: path.join(shots(), 'ar-cancel.png'), fullPage: true });
  assert.deepEqual(problems, []);
});
