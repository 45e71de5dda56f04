import type en from '../en/share';
import type { Translation } from '../types';

export default {
  'share.customer_unnamed': 'عميلنا العزيز',
  'share.template.invoice.subject': '{kind, select, credit_note {إشعار دائن} other {فاتورة}} {number} من {business}',
  'share.template.invoice.body':
    'مرحبًا {customer}،\n\n{kind, select, credit_note {تجدون مرفقًا الإشعار الدائن {number} بمبلغ {total}.} other {تجدون مرفقًا الفاتورة {number} بمبلغ {total}{hasDue, select, yes {، تستحق في {dueDate, date, long}} other {}}.}}{hasLink, select, yes {\n\nللدفع عبر الإنترنت: {link}} other {}}\n\nمع أطيب التحيات،\n{business}',
  'share.template.invoice.short':
    '{business}: {kind, select, credit_note {إشعار دائن} other {فاتورة}} {number} بمبلغ {total}.{hasLink, select, yes { للدفع عبر الإنترنت: {link}} other {}}',
  'share.template.reminder_upcoming.subject': 'تذكير: تستحق الفاتورة {number} في {dueDate, date, long}',
  'share.template.reminder_upcoming.body':
    'مرحبًا {customer}،\n\nنذكّركم بأن الفاتورة {number} (المتبقي {balance}) تستحق في {dueDate, date, long}. الفاتورة مرفقة.{hasLink, select, yes {\n\nللدفع عبر الإنترنت: {link}} other {}}\n\nمع أطيب التحيات،\n{business}',
  'share.template.reminder_upcoming.short':
    '{business}: تستحق الفاتورة {number} ({balance}) في {dueDate, date, long}.{hasLink, select, yes { للدفع عبر الإنترنت: {link}} other {}}',
  'share.template.reminder_due.subject': 'تستحق الفاتورة {number} اليوم',
  'share.template.reminder_due.body':
    'مرحبًا {customer}،\n\nتستحق الفاتورة {number} (المتبقي {balance}) اليوم. الفاتورة مرفقة.{hasLink, select, yes {\n\nللدفع عبر الإنترنت: {link}} other {}}\n\nمع أطيب التحيات،\n{business}',
  'share.template.reminder_due.short':
    '{business}: تستحق الفاتورة {number} ({balance}) اليوم.{hasLink, select, yes { للدفع عبر الإنترنت: {link}} other {}}',
  'share.template.reminder_overdue.subject':
    'متأخرة: الفاتورة {number} (متأخرة {days, plural, zero {# يوم} one {يومًا واحدًا} two {يومين} few {# أيام} many {# يومًا} other {# يوم}})',
  'share.template.reminder_overdue.body':
    'مرحبًا {customer}،\n\nكانت الفاتورة {number} مستحقة في {dueDate, date, long} وما زال المتبقي {balance} (متأخرة {days, plural, zero {# يوم} one {يومًا واحدًا} two {يومين} few {# أيام} many {# يومًا} other {# يوم}}). الفاتورة مرفقة. إن كنتم قد دفعتم بالفعل فتجاهلوا هذه الرسالة.{hasLink, select, yes {\n\nللدفع عبر الإنترنت: {link}} other {}}\n\nمع أطيب التحيات،\n{business}',
  'share.template.reminder_overdue.short':
    '{business}: الفاتورة {number} ({balance}) متأخرة {days, plural, zero {# يوم} one {يومًا واحدًا} two {يومين} few {# أيام} many {# يومًا} other {# يوم}}.{hasLink, select, yes { للدفع عبر الإنترنت: {link}} other {}}',

  'share.test_mail.subject': 'رسالة اختبار من كاسا إلى {business}',
  'share.test_mail.body':
    'هذه رسالة اختبار من كاسا: إعدادات بريدك تعمل. الفواتير التي ترسلها بالبريد الإلكتروني تُرسل بالطريقة نفسها.',

  'error.share_draft': 'لا يمكن إرسال مسودة: أصدرها أولًا.',
  'error.share_recipient_missing':
    '{route, select, email {أدخل البريد الإلكتروني للعميل.} other {أدخل رقم الهاتف المحمول للعميل.}}',
  'error.email_invalid': 'هذا ليس عنوان بريد إلكتروني (مثل name@example.com).',
  'error.share_no_provider': 'لم تُرسل هذه الفاتورة إلى مزوّد دفع، فلا يمكن لأي مزوّد إرسالها.',
  'error.share_provider_cannot':
    'لا يستطيع {provider} إرسال الفواتير: أرسل رابط الدفع بنفسك (بريد إلكتروني أو SMS أو واتساب).',
  'error.share_provider_channel': 'يرسل {provider} الفواتير عبر {channels} فقط.',
  'error.share_provider_sent_at_creation':
    'طلب كاسا من {provider} إرسال هذه الفاتورة إلى بريد العميل الإلكتروني عند إنشائها لديه، ولا تذكر وثائق {provider} إن كان ذلك يرسلها إليه بالبريد فعلًا، فأرسل رابط الدفع بنفسك أيضًا (بريد إلكتروني أو SMS أو واتساب).',
  'error.share_provider_at_creation_only':
    'يرسل {provider} الفاتورة بالبريد الإلكتروني عند إنشائها فقط، وقد أُرسلت هذه الفاتورة إلى {provider} من قبل. أرسلها بالبريد الإلكتروني أو SMS أو واتساب بدلًا من ذلك.',
  'error.share_may_have_been_sent':
    'توقف كاسا أثناء استلام خادم البريد لهذه الرسالة، فربما أُرسلت. تحقّق من بريد المستلم أو من مجلد الرسائل المرسلة؛ أعد المحاولة لإرسالها مرة أخرى، أو علّمها كمحلولة.',
  'error.smtp_not_configured': 'اضبط خادم البريد (SMTP) في الإعدادات أولًا.',
  'error.smtp_password_missing': 'كلمة مرور SMTP غير موجودة في سلسلة المفاتيح: أدخلها مرة أخرى في الإعدادات.',
  'error.smtp_password_input': 'يجب أن يكون الإدخال القياسي كائن JSON فيه حقل نصي واحد هو "password".',
  'error.smtp_host_invalid': 'أدخل اسم خادم البريد (مثل smtp.example.com).',
  'error.smtp_port_invalid': 'المنفذ عدد صحيح من 1 إلى 65535 (465 لـ TLS، و587 لـ STARTTLS).',
  'error.smtp_from_invalid': 'عنوان المرسل ليس عنوان بريد إلكتروني (مثل billing@example.com).',
  'error.smtp_plain_needs_loopback':
    'بدون تشفير ("none") يتصل كاسا فقط بخادم بريد على هذا الجهاز (localhost)؛ اختر TLS أو STARTTLS للخادم {host}.',
  'error.smtp_unreachable':
    'تعذّر الوصول إلى خادم البريد {host}:{port} (لا توجد شبكة، أو الخادم متوقف). سيعيد كاسا المحاولة.',
  'error.smtp_host_not_found': 'لم يُعثر على خادم البريد {host} (لا توجد شبكة، أو في اسم الخادم خطأ).',
  'error.smtp_timeout': 'لم يستجب خادم البريد {host}:{port} في الوقت المحدد.',
  'error.smtp_tls_certificate':
    'رُفضت شهادة خادم البريد: {check, select, self_signed {إنها موقّعة ذاتيًا} expired {انتهت صلاحيتها} not_yet_valid {لم تصبح صالحة بعد} hostname {لم تصدر للخادم {host}} untrusted {لم توقّعها جهة موثوقة} other {تعذّر التحقق منها}}. لا يرسل كاسا كلمة المرور ولا البريد عبر اتصال لا يستطيع التحقق منه.',
  'error.smtp_tls_handshake':
    'فشل الاتصال الآمن بـ {host}:{port}{mode, select, tls { (ربما ينتظر الخادم STARTTLS على هذا المنفذ: جرّب STARTTLS، وعادةً المنفذ 587)} other {}}.',
  'error.smtp_starttls_unavailable':
    'لا يقدّم خادم البريد {host}:{port} خيار STARTTLS، لذا لن يرسل كاسا عبره (جرّب TLS، وعادةً المنفذ 465).',
  'error.smtp_auth_failed': 'رفض خادم البريد اسم المستخدم أو كلمة المرور ({status}).',
  'error.smtp_auth_unavailable': 'لا يقدّم خادم البريد طريقة دخول يستطيع كاسا استخدامها ({status}).',
  'error.smtp_sender_refused': 'رفض خادم البريد عنوان المرسل ({status}).',
  'error.smtp_recipient_refused': 'رفض خادم البريد عنوان المستلم ({status}).',
  'error.smtp_message_refused': 'رفض خادم البريد الرسالة ({status}).',
  'error.smtp_temporary': 'خادم البريد مشغول أو رفض الرسالة مؤقتًا ({status})؛ سيعيد كاسا المحاولة.',
  'error.smtp_connection_lost': 'انقطع الاتصال بخادم البريد.',

  'history.action.share_queued': 'الإرسال في قائمة الانتظار',
  'history.action.shared': 'أُرسلت',
  'history.action.share_failed': 'فشل الإرسال',
  'history.action.share_needs_review': 'الإرسال يحتاج إلى مراجعة',
  'history.action.share_prepared': 'أُعدّت الرسالة',
  'share.history.via':
    '{route, select, email {بالبريد الإلكتروني} provider {عبر مزوّد الدفع} sms {برسالة SMS} whatsapp {عبر واتساب} other {}}{to, select, none {} other { إلى {to}}}',

  'field.host': 'خادم البريد',
  'field.port': 'المنفذ',
  'field.tls': 'التشفير',
  'field.user': 'اسم المستخدم',
  'field.password': 'كلمة المرور',
  'field.route': 'طريقة الإرسال',
  'field.template': 'الرسالة',
  'field.copyToSelf': 'نسخة لي',

  'share.action': 'إرسال…',
  'share.dialog.title': 'إرسال {number}',
  'share.route.label': 'الإرسال عبر',
  'share.route.email': 'البريد الإلكتروني من عنوانك',
  'share.route.provider': 'عبر {provider}',
  'share.route.provider_none': 'عبر مزوّد الدفع',
  'share.route.sms': 'رسالة SMS',
  'share.route.whatsapp': 'واتساب',
  'share.to.email': 'إلى (عنوان البريد الإلكتروني)',
  'share.to.phone': 'إلى (رقم الهاتف المحمول)',
  'share.to.provider': 'إلى (بريد إلكتروني أو رقم هاتف محمول)',
  'share.to.country': 'يُقرأ الرقم المحلي كرقم في {country}.',
  'share.copy_self': 'أرسل لي نسخة ({from})',
  'share.template.label': 'الرسالة',
  'share.template.name.invoice': 'الفاتورة',
  'share.template.name.reminder_upcoming': 'تذكير قبل تاريخ الاستحقاق',
  'share.template.name.reminder_due': 'تذكير في تاريخ الاستحقاق',
  'share.template.name.reminder_overdue': 'تذكير: متأخرة',
  'share.preview.title': 'ما يستلمه {customer}، باللغة {language}',
  'share.preview.subject': 'الموضوع',
  'share.preview.attachment': 'مرفق: ملف PDF للفاتورة',
  'share.send': 'إرسال',
  'share.sending': 'جارٍ الإرسال…',
  'share.open.sms': 'فتح في تطبيق الرسائل',
  'share.open.whatsapp': 'فتح واتساب',
  'share.copy.message': 'نسخ الرسالة',
  'share.copy.link': 'نسخ رابط الدفع',
  'share.copied': 'تم النسخ.',
  'share.no_link': 'لا يوجد لهذه الفاتورة رابط دفع بعد (ليست لدى مزوّد دفع، أو لم تصل إليه بعد).',
  'share.provider.api': 'يرسل {provider} رسالة بريد أو SMS خاصة به مع رابط الدفع.',
  'share.provider.at_creation':
    'يرسل {provider} الفاتورة بالبريد عند إنشائها؛ وهي ما زالت في قائمة الانتظار، لذا يستطيع كاسا طلب ذلك الآن.',
  'share.provider.automatic': 'يرسل {provider} الفاتورة إلى الدافع بالبريد بنفسه: لا يوجد ما يُرسل.',
  'share.outcome.sent': '{to, select, none {أُرسلت.} other {أُرسلت إلى {to}.}}',
  'share.outcome.queued': 'في قائمة الانتظار: سيرسلها كاسا بنفسه في أقرب وقت ممكن.',
  'share.outcome.failed': 'لم تُرسل.',
  'share.outcome.needs_review': 'لا يستطيع كاسا معرفة ما إذا أُرسلت: راجعها أدناه أو في المزامنة.',
  'share.outcome.by_provider': 'يرسلها المزوّد بنفسه.',
  'share.outcome.prepared':
    '{route, select, sms {فُتح تطبيق الرسائل ومعه الرسالة: أرسلها من هناك.} other {فُتح واتساب ومعه الرسالة: أرسلها من هناك.}}',
  'share.deliveries.title': 'عمليات الإرسال',
  'share.deliveries.item': '{op, select, send {بريد إلكتروني} other {عبر المزوّد}}',

  'settings.smtp.title': 'البريد الإلكتروني (خادم بريدك)',
  'settings.smtp.intro':
    'الفواتير التي ترسلها بالبريد الإلكتروني تخرج عبر خادم بريدك (SMTP)، من عنوانك، ومعها ملف PDF.',
  'settings.smtp.host': 'خادم البريد (مضيف SMTP)',
  'settings.smtp.port': 'المنفذ',
  'settings.smtp.tls': 'التشفير',
  'settings.smtp.tls.tls': 'TLS (عادةً المنفذ 465)',
  'settings.smtp.tls.starttls': 'STARTTLS (عادةً المنفذ 587)',
  'settings.smtp.tls.none': 'بدون (لخادم على هذا الجهاز فقط)',
  'settings.smtp.user': 'اسم المستخدم',
  'settings.smtp.password': 'كلمة المرور',
  'settings.smtp.password_set': 'محفوظة — اتركها فارغة للإبقاء عليها',
  'settings.smtp.password_note':
    'تذهب كلمة المرور إلى سلسلة مفاتيح النظام فقط ولا تُعرض مرة أخرى. تغيير الخادم هنا يحذفها: أدخلها مرة أخرى.',
  'settings.smtp.from': 'عنوان المرسل',
  'settings.smtp.saved': 'تم الحفظ.',
  'settings.smtp.test_to': 'إرسال رسالة اختبار إلى',
  'settings.smtp.test': 'إرسال رسالة اختبار',
  'settings.smtp.test_ok': 'أُرسلت رسالة الاختبار إلى {to} (ردّ الخادم {response}).',
} satisfies Translation<typeof en>;
