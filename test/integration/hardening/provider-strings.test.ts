/**
 * Provider strings are checked for the use they are put to: a payment URL must be https (http only on this
 * computer) before it becomes a link, a QR code or a PDF link; a number a provider chose is neutralised in CSV like a
 * name; and a key a provider echoes back is redacted in every form (URL-encoded, other case, base64, each part of a
 * composite key) from what is thrown, logged and stored.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeTx } from '../../../main/ledger/connection';
import { safeCell } from '../../../main/ledger/csv-export';
import { insertLink, refreshRemote, setRemoteCopy } from '../../../main/ledger/tables/invoice-links';
import { scrub, withoutSecrets } from '../../../main/providers/http-errors';
import { usablePaymentUrl } from '../../../main/providers/payment-url';
import { secretForms } from '../../../main/providers/secret-forms';
import { MemorySecretStore } from '../../../main/secrets';
import { caller, testServices } from '../../helpers/services';
import { insertAccount } from '../ledger/helpers';

const HOSTILE_URLS = [
  'javascript:alert(document.cookie)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'http://pay.example.com/i/1', // plain http over the network
  'https://user:pass@pay.example.com/i/1',
  'vbscript:msgbox(1)',
  '//pay.example.com/i/1',
  `https://pay.example.com/${'a'.repeat(3000)}`,
  '',
];

test('payment URLs: https kept, http only on this computer, everything else dropped', () => {
  assert.equal(usablePaymentUrl('https://pay.example.com/i/INV-1?x=1'), 'https://pay.example.com/i/INV-1?x=1');
  assert.equal(usablePaymentUrl('http://127.0.0.1:4010/pay/1'), 'http://127.0.0.1:4010/pay/1');
  assert.equal(usablePaymentUrl('http://localhost:4010/pay/1'), 'http://localhost:4010/pay/1');
  for (const u of HOSTILE_URLS) assert.equal(usablePaymentUrl(u), null, u);
  console.log(`provider strings: ${HOSTILE_URLS.length} hostile payment URLs refused`);
});

test('a hostile payment URL from a provider is never stored nor shown on the invoice, whichever way it arrives', async () => {
  const s = await testServices({ now: () => new Date('2026-03-10T12:00:00Z'), secretStore: new MemorySecretStore() });
  const call = caller(s);
  const customer = await call('customer.create', { name: 'Nile Bakery' });
  const account = insertAccount(s.ledger.db, 'acc_hostile', 'paycashless');
  const issue = async () => {
    const d = await call('invoice.create', {
      customerId: customer.id,
      currency: 'EUR',
      lines: [{ description: 'Bread', quantity: '1', unitPrice: 1000, taxRate: '0', taxCategory: 'Z' }],
    });
    return call('invoice.issue', { id: d.id });
  };
  const at = '2026-03-10T12:00:00Z';
  for (const url of HOSTILE_URLS.slice(0, 4)) {
    const inv = await issue();
    writeTx(s.ledger.db, () => {
      insertLink(s.ledger.db, {
        invoiceId: inv.id,
        accountId: account,
        remoteId: null,
        reference: inv.number!,
        remoteStatus: null,
        paymentUrl: url,
        paymentUrlObserved: true,
        rawJson: null,
        lastSyncedAt: null,
        at,
      });
      setRemoteCopy(s.ledger.db, {
        invoiceId: inv.id,
        accountId: account,
        remoteId: `r-${inv.id}`,
        remoteStatus: 'open',
        paymentUrl: url,
        paymentUrlObserved: true,
        rawJson: JSON.stringify({ hostedInvoiceUrl: url }),
        at,
      });
      refreshRemote(s.ledger.db, {
        invoiceId: inv.id,
        accountId: account,
        remoteStatus: 'open',
        rawJson: '{}',
        paymentUrl: url,
        at,
      });
    });
    const stored = s.ledger.db.prepare('SELECT payment_url FROM invoice_links WHERE invoice_id = ?').get(inv.id);
    assert.deepEqual(stored, { payment_url: null }, url);
    // One written before the rule existed is not shown either.
    s.ledger.db.prepare('UPDATE invoice_links SET payment_url = ? WHERE invoice_id = ?').run(url, inv.id);
    const shown = await call('invoice.get', { id: inv.id });
    assert.ok(
      shown.links.every((l) => l.paymentUrl === null),
      JSON.stringify(shown.links),
    );
  }
  await s.close();
});

test('CSV: invoice numbers and references a provider chose are neutralised like names', () => {
  for (const v of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])
    assert.ok(safeCell(v).startsWith("'"), v);
  assert.equal(safeCell('INV-2026-0001'), 'INV-2026-0001');
});

test('a key echoed back in any form is redacted from messages and stored payloads', () => {
  const key = 'sk_live_9fQ2xV7pLm3Rt8Zk';
  const composite = 'acct_51Hq7$Zx9Vb3Nm5Qp8Lk';
  const user = 'merchant-0042:Pa55w0rd-Secret!';
  const secrets = [key, composite, user];
  const echoes = [
    key,
    key.toUpperCase(),
    key.toLowerCase(),
    encodeURIComponent(user),
    encodeURIComponent(user).toLowerCase(),
    new URLSearchParams({ k: user }).toString().slice(2), // as a query string writes it: "!" escaped too
    Buffer.from(key).toString('base64'),
    Buffer.from(`x${key}`).toString('base64'),
    Buffer.from(`xy${key}`).toString('base64url'),
    `Basic ${Buffer.from(user).toString('base64')}`,
    'Zx9Vb3Nm5Qp8Lk', // the part after the $ of a composite key
    'acct_51Hq7', // and the part before it
    'Pa55w0rd-Secret!',
  ];
  let redacted = 0;
  for (const echo of echoes) {
    const message = `The key ${echo} is not valid for this account.`;
    const m = scrub(message, secrets);
    const stored = JSON.stringify(withoutSecrets({ error: { message, [echo]: 1 } }, secrets));
    for (const out of [m, stored]) {
      assert.ok(out.includes('[redacted]'), `${echo} → ${out}`);
      for (const f of secretForms(secrets)) assert.ok(!out.toLowerCase().includes(f.toLowerCase()), `${f} in ${out}`);
    }
    redacted++;
  }
  assert.equal(scrub('Invoice INV-2026-0001 is paid.', secrets), 'Invoice INV-2026-0001 is paid.');
  console.log(`provider strings: ${redacted} encodings of echoed keys redacted (messages and stored payloads)`);
});
