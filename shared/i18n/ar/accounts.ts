import type en from '../en/accounts';
import type { Translation } from '../types';

export default {
  'accounts.mode.test': 'تجريبي',
  'accounts.mode.live': 'فعلي',
  'keychain.reason.no_session_bus':
    'لا يستطيع كاسا الوصول إلى سلسلة مفاتيح النظام: لا توجد جلسة D-Bus. شغّل كاسا من جلسة سطح مكتب، أو شغّله عبر "dbus-run-session" مع تشغيل gnome-keyring-daemon وفتح قفله. لا تُحفظ المفاتيح في أي مكان آخر أبدًا.',
  'keychain.reason.no_provider':
    'لا يستطيع كاسا الوصول إلى سلسلة مفاتيح النظام: لا يوجد مزوّد Secret Service مثبّت أو قيد التشغيل. ثبّت gnome-keyring (في Debian/Ubuntu: "sudo apt install gnome-keyring") أو KWallet مع تفعيل Secret Service، ثم أعد تشغيل كاسا. لا تُحفظ المفاتيح في أي مكان آخر أبدًا.',
  'keychain.reason.locked':
    'سلسلة مفاتيح النظام مقفلة. افتح قفلها (Keychain Access في macOS؛ أو Passwords and Keys أو KWallet Manager أو "gnome-keyring-daemon --unlock" في Linux) ثم أعد المحاولة. لا تُحفظ المفاتيح في أي مكان آخر أبدًا.',
  'keychain.reason.module_missing':
    'تعذّر تحميل وحدة سلسلة المفاتيح. في Linux ثبّت libsecret ("sudo apt install libsecret-1-0") ثم أعد تثبيت كاسا. لا تُحفظ المفاتيح في أي مكان آخر أبدًا.',
  'keychain.reason.failed':
    'رفضت سلسلة مفاتيح النظام العملية. تأكّد من أنها مثبّتة وغير مقفلة ثم أعد المحاولة. لا تُحفظ المفاتيح في أي مكان آخر أبدًا.',
} satisfies Translation<typeof en>;
