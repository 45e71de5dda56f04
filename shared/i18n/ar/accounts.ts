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
    '{platform, select, darwin {سلسلة مفاتيح macOS مقفلة. افتح قفل سلسلة مفاتيح تسجيل الدخول في Keychain Access ثم أعد المحاولة. لا تُحفظ المفاتيح في أي مكان آخر أبدًا.} other {سلسلة مفاتيح النظام مقفلة أو بلا سلسلة تسجيل دخول. افتح قفل سلسلة تسجيل الدخول (Passwords and Keys / Seahorse أو KWallet Manager أو "gnome-keyring-daemon --unlock") ثم أعد المحاولة. لا تُحفظ المفاتيح في أي مكان آخر أبدًا.}}',
  'keychain.reason.module_missing':
    'تعذّر تحميل وحدة سلسلة المفاتيح. في Linux ثبّت libsecret ("sudo apt install libsecret-1-0") ثم أعد تثبيت كاسا. لا تُحفظ المفاتيح في أي مكان آخر أبدًا.',
  'keychain.reason.failed':
    'رفضت سلسلة مفاتيح النظام العملية. تأكّد من أنها مثبّتة وغير مقفلة ثم أعد المحاولة. لا تُحفظ المفاتيح في أي مكان آخر أبدًا.',
  'error.account_name_required': 'أعطِ الحساب اسمًا.',
  'error.account_name_too_long': 'اسم الحساب أطول من {max, number} حرفًا.',
  'error.account_name_invalid': 'اسم الحساب يحتوي على محارف تحكّم.',
  'error.base_url_invalid': 'عنوان URL الأساسي ليس عنوانًا مطلقًا صالحًا (مثل https://sandbox.example.com).',
  'error.base_url_credentials':
    'يجب ألا يحتوي عنوان URL الأساسي على اسم مستخدم أو كلمة مرور؛ المفاتيح مكانها حقول المفاتيح السرية.',
  'error.base_url_scheme': 'يجب أن يبدأ عنوان URL الأساسي بـ https:// (أو http:// لعنوان الاسترجاع المحلي).',
  'error.base_url_insecure':
    'لا يُسمح بـ http:// العادي إلا لعناوين الاسترجاع المحلي (127.0.0.1 و::1 وlocalhost)؛ استخدم https://.',
  'error.base_url_has_path':
    'يستبدل عنوان URL الأساسي الأصل فقط (البروتوكول والمضيف والمنفذ): احذف المسار والاستعلام والجزء؛ يضيف كاسا المسار الموثّق.',
  'error.unknown_setting': 'حسابات {provider} ليس لها إعداد "{name}". المعروف: {known}.',
  'error.setting_invalid': 'يجب أن يكون الإعداد {setting} سطرًا واحدًا من {max, number} حرفًا على الأكثر.',
  'error.setting_required': 'تحتاج حسابات {provider} إلى الإعداد {setting}.',
  'error.merchant_id_invalid': 'معرّف التاجر في Kashier يشبه MID-xxxx-xxx (يظهر تحت اسمك في لوحة تحكم Kashier).',
  'error.unknown_secret_field': 'حسابات {provider} ليس لها مفتاح سري "{name}". المعروف: {known}.',
  'error.secret_empty': 'المفتاح السري {secret} فارغ.',
  'error.secret_invalid': 'يجب أن يكون المفتاح السري {secret} سطرًا واحدًا (تحقّق من وجود سطر جديد زائد عند اللصق).',
  'error.secret_required': 'تحتاج حسابات {provider} إلى المفتاح السري {secret}.',
  'error.secrets_empty': 'أدخل مفتاحًا سريًا واحدًا على الأقل.',
  'error.secret_in_settings':
    'الإعداد {setting} يحتوي على أحد مفاتيح الحساب؛ المفاتيح مكانها حقول المفاتيح السرية فقط.',
  'error.account_ambiguous': 'يوجد أكثر من حساب باسم "{name}"؛ استخدم معرّفه بدلًا من ذلك.',
  'error.account_name_taken': 'يوجد حساب باسم "{name}" بالفعل؛ الأسماء فريدة (دون اعتبار لحالة الأحرف).',
  'error.account_in_use':
    '{links, plural, =0 {{uses, select, none {ما زالت سجلات أخرى في السجل تستخدم الحساب؛ لا يمكن إزالته.} other {ما زالت سجلات تستخدم هذا الحساب ({uses})؛ لا يمكن إزالته ما دامت كذلك.}}} zero {لا فواتير مرتبطة بهذا الحساب.} one {فاتورة واحدة مرتبطة بهذا الحساب؛ لا يمكن إزالته ما دامت مرتبطة.} two {فاتورتان مرتبطتان بهذا الحساب؛ لا يمكن إزالته ما دامتا مرتبطتين.} few {# فواتير مرتبطة بهذا الحساب؛ لا يمكن إزالته ما دامت مرتبطة.} many {# فاتورة مرتبطة بهذا الحساب؛ لا يمكن إزالته ما دامت مرتبطة.} other {# فاتورة مرتبطة بهذا الحساب؛ لا يمكن إزالته ما دامت مرتبطة.}} أبقِ الحساب (يمكنك حذف مفاتيحه بدلًا من ذلك)، أو أزل تلك الروابط أولًا.',
  'accounts.test.accepted': 'قبل {provider} المفتاح.',
  'accounts.test.wrong_key': '{problem} مفاتيح {provider} التجريبية والفعلية منفصلة: استخدم مفتاح وضع الحساب.',
  'accounts.test.missing_secret':
    'لا تحتوي سلسلة المفاتيح على {fields} لهذا الحساب. أدخل {count, plural, zero {ها} one {ه} two {هما} few {ها} many {ها} other {ها}} ثم أعد الاختبار.',
  'accounts.test.provider_said': '{message}',
  'error.keychain_unavailable': '{problem}',
} satisfies Translation<typeof en>;
