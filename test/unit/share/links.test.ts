/**
 * sms: and wa.me links carry the message intact whatever it holds — Arabic, `&`, `#`, `?`, `+`, line breaks — and
 * only links of exactly these shapes are recognised as share links.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isShareLink, shareLinkMessage, smsLink, whatsappLink } from '../../../shared/share/links';

const TRICKY = 'فاتورة INV-2026-0042 بمبلغ ١٢٣ ج.م & more? #1 + 50% off\nادفع: https://pay.example/i/1?a=1&b=2#x';

test('the message survives sms: and wa.me links, decoded the way the receiving apps decode them', () => {
  const wa = whatsappLink('+201001234567', TRICKY);
  assert.match(wa, /^https:\/\/wa\.me\/201001234567\?text=/);
  const u = new URL(wa);
  assert.equal(u.hostname, 'wa.me');
  assert.equal(u.pathname, '/201001234567');
  assert.equal(u.hash, '', 'a # in the message must not become a fragment');
  assert.deepEqual([...u.searchParams.keys()], ['text'], 'an & in the message must not start a parameter');
  assert.equal(u.searchParams.get('text'), TRICKY);
  assert.ok(!/[ #&?+]/.test(wa.slice(wa.indexOf('?text=') + 6)), 'nothing unencoded after text=');

  const sms = smsLink('+201001234567', TRICKY);
  assert.match(sms, /^sms:\+201001234567\?body=/);
  const body = sms.slice(sms.indexOf('?body=') + 6);
  assert.ok(!/[ #&?+]/.test(body));
  assert.equal(decodeURIComponent(body), TRICKY);
  assert.equal(shareLinkMessage(sms), TRICKY);
  assert.equal(shareLinkMessage(wa), TRICKY);
  assert.ok(body.includes('%D9%81%D8%A7%D8%AA%D9%88%D8%B1%D8%A9'), 'Arabic as UTF-8 percent escapes');
  assert.ok(body.includes('%26') && body.includes('%23') && body.includes('%3F') && body.includes('%2B'));
});

test('any text round-trips through both links (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
      assert.equal(shareLinkMessage(smsLink('+2348031234567', text)), text);
      assert.equal(shareLinkMessage(whatsappLink('+2348031234567', text)), text);
      assert.equal(new URL(whatsappLink('+2348031234567', text)).searchParams.get('text'), text);
    }),
  );
});

test('only the exact shapes are share links', () => {
  assert.equal(isShareLink('sms:+201001234567'), true, 'a bare sms: number');
  for (const bad of [
    'sms:01001234567?body=hi', // not E.164
    'sms:+201001234567?body=hi&x=1', // an extra parameter
    'sms:+201001234567?body=a b', // unencoded
    'sms:+201001234567?body=%E0%A4', // not UTF-8
    'sms:+201001234567?body=hi#frag',
    'sms:+201001234567,+201001234568?body=hi', // several recipients
    'https://wa.me/+201001234567?text=hi',
    'https://wa.me/201001234567?text=hi&phone=1',
    'https://wa.me/201001234567?text=hi#x',
    'https://wa.me/send?text=hi',
    'http://wa.me/201001234567?text=hi',
    'https://wa.me.evil.example/201001234567?text=hi',
    'https://user@wa.me/201001234567?text=hi',
    `https://wa.me/201001234567?text=${'%D9%81'.repeat(800)}`, // too long to hand to the OS
  ]) {
    assert.equal(isShareLink(bad), false, bad);
  }
});
