/**
 * What the customer reads, in the document language: subject, body and short text of the invoice and the reminders,
 * with the amount, due date and payment link in their place, and Arabic plurals and Latin digits.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { composeShare, SHARE_TEMPLATES, type ShareFacts } from '../../../shared/share/templates';

const facts: ShareFacts = {
  kind: 'invoice',
  number: 'INV-2026-0042',
  business: 'Nile Consulting',
  customer: 'Nadia',
  currency: 'EGP',
  total: 1_234_550,
  balance: 1_000_000,
  issueDate: '2026-03-10',
  dueDate: '2026-03-24',
  paymentUrl: 'https://pay.example/i/42?mode=test',
  daysOverdue: 3,
};

test('every template says the invoice, the amount and the link, in English, Spanish and Arabic', () => {
  for (const language of ['en', 'es', 'ar'] as const) {
    for (const template of SHARE_TEMPLATES) {
      const m = composeShare(facts, template, language);
      for (const part of [m.subject, m.body, m.short])
        assert.ok(part.includes('INV-2026-0042'), `${language} ${template}`);
      for (const part of [m.body, m.short])
        assert.ok(part.includes(facts.paymentUrl!), `${language} ${template}: link`);
      assert.ok(m.body.includes('Nile Consulting'), `${language} ${template}: signed`);
      assert.ok(!/[٠-٩]/.test(m.body), `${language} ${template}: Latin digits unless chosen`);
    }
  }
  const en = composeShare(facts, 'invoice', 'en');
  assert.equal(en.subject, 'Invoice INV-2026-0042 from Nile Consulting');
  assert.match(en.body, /for EGP\s12,345\.50, due on March 24, 2026\./);
  assert.match(composeShare(facts, 'reminder_overdue', 'en').subject, /\(3 days past due\)/);
  assert.match(composeShare({ ...facts, daysOverdue: 1 }, 'reminder_overdue', 'en').subject, /\(1 day past due\)/);
  assert.match(
    composeShare(facts, 'reminder_due', 'en').body,
    /EGP\s10,000\.00 outstanding/,
    'reminders say the balance',
  );

  const ar = composeShare(facts, 'invoice', 'ar');
  assert.ok(ar.subject.startsWith('فاتورة'), ar.subject);
  assert.ok(ar.body.includes('24 مارس 2026'), ar.body);
  assert.ok(
    composeShare({ ...facts, daysOverdue: 2 }, 'reminder_overdue', 'ar').subject.includes('يومين'),
    'Arabic dual',
  );
  assert.ok(composeShare({ ...facts, daysOverdue: 5 }, 'reminder_overdue', 'ar').subject.includes('5 أيام'));
  assert.ok(composeShare(facts, 'invoice', 'ar', 'arab').body.includes('٢٤'), 'Arabic-Indic digits when chosen');

  const es = composeShare(facts, 'invoice', 'es');
  assert.equal(es.subject, 'Factura INV-2026-0042 de Nile Consulting');
  assert.ok(es.body.includes('24 de marzo de 2026'));
});

test('without a link or a due date the sentences stay whole; credit notes say so', () => {
  const m = composeShare({ ...facts, paymentUrl: null, dueDate: null }, 'invoice', 'en');
  assert.ok(!m.body.includes('Pay online'));
  assert.ok(!m.body.includes('due on'));
  assert.match(m.short, /^Nile Consulting: invoice INV-2026-0042 for EGP\s12,345\.50\.$/);
  const cn = composeShare({ ...facts, kind: 'credit_note', number: 'CN-2026-0001' }, 'invoice', 'es');
  assert.ok(cn.subject.startsWith('Factura rectificativa CN-2026-0001'));
});
