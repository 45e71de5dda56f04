/**
 * Desktop notifications are worded in the user's UI language, not the system's (issue 14). The Electron shell
 * cannot run here: what runs under Node is what it calls — the opened app's preferences and the wording of a
 * notification event's codes (main/notification-text.ts), for a ledger that is open and one in recovery.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NotificationEvent } from '../../shared/contract/app';
import { msg } from '../../shared/i18n/catalogue';
import { dispatch } from '../../main/dispatch';
import { PAGE_CALLER } from '../../main/handlers/types';
import { notificationText } from '../../main/notification-text';
import { openKassa } from '../../main/open-kassa';
import { MemorySecretStore } from '../../main/secrets/memory-store';
import { tempDir } from '../helpers/tmp';

const paid: NotificationEvent = {
  title: msg('sync.notify.paid'),
  body: msg('sync.change.paid', {
    invoice: 'INV-2026-0042',
    provider: 'Kashier',
    amount: { minor: 1_234_500, currency: 'EGP' },
  }),
  level: 'success',
};

test('a notification is worded in the UI language the user chose, whatever the system language', async () => {
  const opened = await openKassa({ dataDir: tempDir(), runtime: 'browser-host', secretStore: new MemorySecretStore() });
  try {
    // No choice yet: the system's language, as the app itself on first start.
    assert.equal(opened.preferences()?.language, null);
    assert.deepEqual(notificationText(paid, opened.preferences(), 'es-ES'), {
      title: 'Factura pagada',
      body: notificationText(paid, { language: 'es', digits: 'latn' }, 'en').body,
    });
    assert.equal(notificationText(paid, opened.preferences(), 'en-US').title, 'Invoice paid');

    // The user chose Arabic with Arabic-Indic digits; the system is English.
    await dispatch(opened.handlers, 'app.setPreferences', { language: 'ar', digits: 'arab' }, PAGE_CALLER);
    assert.equal(opened.preferences()?.language, 'ar');
    const ar = notificationText(paid, opened.preferences(), 'en-US');
    assert.equal(ar.title, 'فاتورة مدفوعة');
    assert.match(ar.body, /INV-2026-0042/);
    assert.match(ar.body, /١٢٬٣٤٥٫٠٠/, ar.body);
    assert.ok(!/paid|received/i.test(ar.body), ar.body);

    await dispatch(opened.handlers, 'app.setPreferences', { language: 'es' }, PAGE_CALLER);
    assert.equal(notificationText(paid, opened.preferences(), 'ar-EG').title, 'Factura pagada');
  } finally {
    await opened.close();
  }
});

test('with no ledger open (recovery), the system language words it', () => {
  assert.equal(notificationText(paid, null, 'ar-EG').title, 'فاتورة مدفوعة');
  assert.equal(notificationText(paid, null, 'fr-FR').title, 'Invoice paid');
});
