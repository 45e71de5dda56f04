/**
 * Sharing by e-mail through a real SMTP server on 127.0.0.1: the message, its headers and its attachment as they
 * arrive; a refused login and a refused recipient; offline queueing and delivery exactly once when the server is
 * back. (Process kills: processes.test.ts.)
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { HistoryEntry } from '../../../shared/contract/invoices';
import { attachment, attachments } from '../pdf/tools';
import { BUSINESS_EMAIL, CUSTOMER_EMAIL, FROM, freePort, shareEnv, SMTP_PASSWORD, SMTP_USER } from './helpers';

const actions = (h: HistoryEntry[]): string[] => h.map((e) => e.action).filter((a) => a.startsWith('share'));

test('an e-mail arrives with the rendered PDF byte for byte, its headers, the payment link, and the history records it', async () => {
  const env = await shareEnv('kashier');
  try {
    const smtp = await env.startSmtp();
    await env.useSmtp(smtp.port);
    const id = await env.issueOne();
    // The create is still queued: the share sends it first so the e-mail carries the payment link it brings back.
    const outcome = await env.call('share.send', { id, route: 'email', copyToSelf: true });
    assert.equal(outcome.route, 'email');
    if (outcome.route !== 'email') return;
    assert.equal(outcome.status, 'sent', JSON.stringify(outcome.error));
    assert.equal(outcome.to, CUSTOMER_EMAIL);
    assert.equal(env.fake.server.calls('create'), 1, 'the create went first');

    const invoice = await env.call('invoice.get', { id });
    const link = invoice.links[0]?.paymentUrl;
    assert.ok(link, 'the invoice has its payment link');

    assert.equal(smtp.messages.length, 1);
    const mail = smtp.messages[0]!;
    assert.deepEqual(smtp.logins, [SMTP_USER]);
    assert.equal(mail.from, FROM);
    assert.deepEqual(mail.to.sort(), [CUSTOMER_EMAIL, FROM].sort(), 'the copy to self rides in the envelope');
    const m = mail.parsed;
    assert.equal(m.from?.value[0]?.address, FROM);
    assert.equal(m.from?.value[0]?.name, 'Nile Consulting');
    assert.deepEqual(
      (Array.isArray(m.to) ? m.to : [m.to]).flatMap((a) => a?.value.map((v) => v.address)),
      [CUSTOMER_EMAIL],
    );
    assert.equal(m.replyTo?.value[0]?.address, BUSINESS_EMAIL);
    assert.equal(m.headers.get('bcc'), undefined, 'the copy to self is blind');
    assert.equal(m.subject, `Invoice ${invoice.number} from Nile Consulting`);
    assert.equal(m.date?.toISOString(), '2026-03-10T09:30:00.000Z');
    assert.equal(`<${outcome.messageId}>`, m.messageId);
    assert.match(m.messageId ?? '', /^<kassa\.invoice\.\d+@nile-consulting\.example>$/);
    assert.ok(m.text?.includes(`Pay online: ${link}`), m.text);
    assert.ok(m.text?.includes('Hello Nile Bakery'), m.text);
    assert.match(m.text ?? '', new RegExp(`invoice ${invoice.number} for EGP\\s285\\.00, due on March 24, 2026\\.`));

    assert.equal(m.attachments.length, 1);
    const att = m.attachments[0]!;
    assert.equal(att.filename, `${invoice.number}.pdf`);
    assert.equal(att.contentType, 'application/pdf');
    const preview = await env.call('pdf.preview', { id });
    assert.ok(
      att.content.equals(Buffer.from(preview.base64, 'base64')),
      'the attachment is the rendered PDF, byte for byte',
    );
    // The Factur-X XML inside the attachment, read back by poppler: this invoice's number and total. (Whether the
    // rendered PDF validates as EN 16931 is the PDF tests' question: the attachment is that PDF, byte for byte.)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-share-pdf-'));
    const file = path.join(dir, att.filename!);
    fs.writeFileSync(file, att.content);
    assert.deepEqual(attachments(file), ['factur-x.xml']);
    const xml = attachment(file, 'factur-x.xml');
    assert.ok(xml.includes(`<ram:ID>${invoice.number}</ram:ID>`), 'the XML is this invoice');
    assert.ok(xml.includes('<ram:GrandTotalAmount>285.00</ram:GrandTotalAmount>'), 'with its total');
    fs.rmSync(dir, { recursive: true, force: true });

    const history = await env.call('invoice.history', { id });
    assert.deepEqual(actions(history), ['share_queued', 'shared']);
    const sent = history.find((h) => h.action === 'shared')!;
    assert.equal(sent.details.route, 'email');
    assert.equal(sent.details.to, CUSTOMER_EMAIL);
    assert.equal(sent.details.messageId, outcome.messageId);
    const items = await env.call('share.items', { id });
    assert.deepEqual(
      items.map((i) => [i.op, i.channel, i.state]),
      [['send', 'email', 'done']],
    );
  } finally {
    await env.close();
  }
});

test('a refused login and a refused recipient: clear reasons, retryable items, nothing delivered until fixed', async () => {
  const env = await shareEnv('kashier');
  try {
    const smtp = await env.startSmtp({ refuse: /@refused\.example$/ });
    await env.useSmtp(smtp.port, { password: 'not-the-password-123' });
    const id = await env.issueOne();

    await assert.rejects(env.call('smtp.test', { to: FROM }), (e: Error & { code?: string; params?: unknown }) => {
      assert.equal(e.code, 'smtp_auth_failed');
      assert.deepEqual(e.params, { status: '535' });
      assert.match(e.message, /refused the user name or password \(535\)/);
      return true;
    });

    const auth = await env.call('share.send', { id, route: 'email' });
    assert.equal(auth.route === 'email' && auth.status, 'queued');
    if (auth.route !== 'email') return;
    assert.equal(auth.error?.code, 'smtp_auth_failed');
    assert.ok(auth.nextAttemptAt, 'tried again later');
    assert.equal(smtp.messages.length, 0);
    const item = (await env.call('share.items', { id }))[0]!;
    assert.equal(item.id, auth.itemId);
    assert.equal(item.error?.code, 'smtp_auth_failed');
    assert.ok(item.actions.includes('retry'), `actions: ${item.actions.join(',')}`);
    const status = await env.call('sync.status', {});
    const email = status.channels.find((c) => c.channel === 'email')!;
    assert.equal(email.items[0]?.id, auth.itemId, 'the sync panel lists it under e-mail');
    assert.equal(email.lastError?.code, 'smtp_auth_failed');
    const failed = (await env.call('invoice.history', { id })).find((h) => h.action === 'share_failed');
    assert.deepEqual(
      { code: failed?.details.code, params: failed?.details.params, retry: failed?.details.retry },
      { code: 'smtp_auth_failed', params: { status: '535' }, retry: true },
    );

    // Fixed in Settings, then retried: delivered.
    await env.useSmtp(smtp.port, { password: SMTP_PASSWORD });
    await env.call('sync.retry', { itemId: auth.itemId! });
    await env.call('sync.now', { poll: false });
    assert.equal(smtp.messages.length, 1);
    assert.equal((await env.call('share.items', { id }))[0]?.state, 'done');

    const refused = await env.call('share.send', { id, route: 'email', to: 'nobody@refused.example' });
    assert.equal(refused.route === 'email' && refused.status, 'failed');
    if (refused.route !== 'email') return;
    assert.equal(refused.error?.code, 'smtp_recipient_refused');
    assert.equal(refused.error?.field, 'to');
    assert.deepEqual(refused.error?.params, { status: '550' });
    const r = (await env.call('share.items', { id })).find((i) => i.id === refused.itemId)!;
    assert.equal(r.state, 'failed');
    assert.deepEqual(r.actions, ['retry', 'resolve']);
    assert.equal(smtp.messages.length, 1, 'nothing more delivered');
  } finally {
    await env.close();
  }
});

test('offline: the share is queued, then delivered exactly once when the server is back', async () => {
  const env = await shareEnv('kashier');
  try {
    const port = await freePort();
    await env.useSmtp(port);
    const id = await env.issueOne();
    const queued = await env.call('share.send', { id, route: 'email' });
    assert.equal(queued.route === 'email' && queued.status, 'queued');
    if (queued.route !== 'email') return;
    assert.equal(queued.error?.code, 'smtp_unreachable');
    assert.deepEqual(queued.error?.params, { host: '127.0.0.1', port });
    // Still offline at the next round: still queued, nothing lost.
    await env.call('sync.now', { poll: false });
    assert.equal((await env.call('share.items', { id }))[0]?.state, 'pending');

    const smtp = await env.startSmtp({ port });
    const round = await env.call('sync.now', { poll: false });
    assert.equal(round.remaining.pending + round.remaining.unknown, 0);
    assert.equal(smtp.messages.length, 1);
    await env.call('sync.now', { poll: false });
    await env.call('sync.now', { poll: false });
    assert.equal(smtp.messages.length, 1, 'exactly once');
    assert.deepEqual(actions(await env.call('invoice.history', { id })), ['share_queued', 'shared']);
  } finally {
    await env.close();
  }
});

test('before anything is queued: a draft, a missing or malformed address, no SMTP settings', async () => {
  const env = await shareEnv('kashier');
  try {
    const id = await env.issueOne();
    await assert.rejects(env.call('share.send', { id, route: 'email' }), { code: 'smtp_not_configured' });
    const smtp = await env.startSmtp();
    await env.useSmtp(smtp.port);
    await assert.rejects(env.call('share.send', { id, route: 'email', to: 'not an address' }), {
      code: 'email_invalid',
      field: 'to',
    });
    const d = await env.call('invoice.create', { customerId: env.customerId, currency: 'EGP' });
    await assert.rejects(env.call('share.send', { id: d.id, route: 'email' }), { code: 'share_draft' });
    const bare = (await env.call('customer.create', { name: 'No Contact' })).id;
    const other = await env.call('invoice.create', {
      customerId: bare,
      currency: 'EGP',
      lines: [{ description: 'x', quantity: '1', unitPrice: 100, taxRate: '14', taxCategory: 'S' }],
    });
    await env.call('invoice.issue', { id: other.id });
    await assert.rejects(env.call('share.send', { id: other.id, route: 'email' }), {
      code: 'share_recipient_missing',
      field: 'to',
    });
    assert.equal(
      (env.s.ledger.db.prepare(`SELECT count(*) AS n FROM outbox WHERE channel IS NOT NULL`).get() as { n: number }).n,
      0,
    );
    assert.equal(smtp.messages.length, 0);
  } finally {
    await env.close();
  }
});
