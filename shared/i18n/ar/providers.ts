import type en from '../en/providers';
import type { Translation } from '../types';

export default {
  'providers.field.kashio.secretKey': 'المفتاح السري',
  'providers.field.kashio.defaultCurrency': 'العملة الافتراضية',
  'providers.field.kashier.secretKey': 'المفتاح السري',
  'providers.field.kashier.paymentApiKey': 'مفتاح واجهة الدفع',
  'providers.field.kashier.merchantId': 'معرّف التاجر (MID-…)',
  'providers.field.kashier.defaultCurrency': 'العملة الافتراضية',
  'providers.field.kashier.storeName': 'اسم المتجر',
  'providers.field.paycashless.apiKey': 'مفتاح API',
  'providers.field.paycashless.apiSecret': 'سر API',
  'providers.field.paycashless.defaultCurrency': 'العملة الافتراضية',
  'providers.field.kaspa.apiKey': 'مفتاح API',
  'providers.field.kaspa.defaultCurrency': 'العملة الافتراضية',
  'providers.field.simplecash.apiKey': 'مفتاح API للمتجر',
  'providers.field.simplecash.defaultCurrency': 'العملة الافتراضية',
  'providers.placeholder.defaultCurrency': 'مثل USD',
  'providers.op.cancel': 'الإلغاء',
  'providers.op.markPaid': 'التسجيل كمدفوعة',
  'providers.op.share': 'الإرسال إلى العميل',
  'providers.op.delete': 'الحذف',
  'providers.op.paymentUrl': 'رابط الدفع',
  'providers.op.lookupByReference': 'التحقق من وصول فاتورة مُرسلة',
  'providers.link.cannot': 'ما لا يستطيعه {provider}، وما يمكنك فعله بدلًا منه',
  'providers.link.delete': 'الحذف لدى {provider}',
  'providers.link.delete_confirm':
    'هل تريد حذف نسخة {number} لدى {provider}؟ لا يحذف {provider} إلا طلبات الدفع والمسودات غير المدفوعة؛ وتبقى الفاتورة هنا.',
  'providers.link.delete_queued': 'في الانتظار: تُحذف النسخة لدى {provider} في المزامنة التالية.',
  'providers.link.observed': '(الرابط يتبع نمطًا غير موثّق)',
  'providers.status.kashier.paid': 'مدفوعة',
  'providers.status.kashier.unpaid': 'غير مدفوعة',
  'providers.status.kashier.submitted': 'مُرسلة',
  'providers.status.kashier.draft': 'مسودة',
  'providers.status.kashier.cancelled': 'ملغاة',
  'providers.link.deleted': 'حُذفت هناك',
  'providers.simplecash.timeout':
    'لا يعرف SimpleCash تاريخ الاستحقاق: تنتهي مهلة هذه الفاتورة لديه بعد {timeout, select, 3_hours {3 ساعات} 12_hours {12 ساعة} day {يوم} 3_days {3 أيام} other {أسبوع}} (أقرب مدة مسموحة إلى تاريخ الاستحقاق).',
  'providers.caveats.title': 'عن {provider}',
  'providers.caveat.kashier.observed_link':
    'يتبع رابط الدفع النمط الذي تستخدمه البرامج العامة (merchant.kashier.io/en/prepay/…)؛ لا يوثّقه Kashier.',
  'providers.caveat.kashier.delete_drafts':
    'لا يعمل الحذف إلا على طلبات الدفع غير المدفوعة ومسودات الفواتير غير المدفوعة؛ يرسل Kassa الفواتير بحالة «مُقدَّمة»، فألغِها بدلًا من ذلك.',
  'providers.caveat.kashio.no_link': 'لا يوثّق KashIO رابطًا للدفع: يدفع العميل برمز KTIN الظاهر على الفاتورة.',
  'providers.caveat.kashio.void': 'الإلغاء يُبطل أمر الدفع (DELETE)؛ لا يوفّر KashIO حذفًا نهائيًا.',
  'providers.caveat.kaspa.no_get': 'لا يوجد طلب لقراءة فاتورة واحدة: تأتي الحالات من صفحات القائمة (مصفّاة حسب الحالة).',
  'providers.caveat.kaspa.undocumented_answers':
    'ردود الإنشاء والقائمة غير موثّقة: يقرؤها Kassa بحذر ويحتفظ بها كما وصلت.',
  'providers.caveat.paycashless.link_at_create': 'لا يظهر رابط الدفع إلا في ردّ الإنشاء؛ يحتفظ به Kassa من هناك.',
  'providers.caveat.paycashless.due_today':
    'الفاتورة المستحقة اليوم أو قبله تُرسل دون تاريخ استحقاق (يحسب Paycashless أيام الاستحقاق بدءًا من الغد).',
  'providers.caveat.simplecash.guessed_statuses':
    'لا يوثّق SimpleCash حقول ردوده ولا حالاته: يطابق Kassa الحالات paid وexpired وpending (بأي حالة أحرف) بجدول تخميني يجب تأكيده بردّ حقيقي؛ وأي حالة أخرى تظهر مجهولة ولا تُعدّ مدفوعة أبدًا.',
  'providers.caveat.simplecash.timeout':
    'يتحول تاريخ الاستحقاق إلى أقرب مهلة مسموحة (3 ساعات، 12 ساعة، يوم، 3 أيام، أسبوع).',
  'providers.instead.use_dashboard': 'نفّذ ذلك من لوحة تحكم {provider}.',
  'providers.instead.send_link_yourself': 'أرسل إلى العميل رابط الدفع أو رمز الدفع بنفسك.',
  'providers.instead.provider_emails_customer': 'يرسل {provider} الفاتورة إلى العميل بالبريد الإلكتروني بنفسه.',
  'providers.instead.email_at_creation_only':
    'لا يرسل {provider} الفاتورة بالبريد الإلكتروني إلا عند إنشائها: أصدرها مع خيار «الإرسال بالبريد الإلكتروني»، أو أرسل رابط الدفع بنفسك.',
  'providers.instead.sent_at_creation':
    'ينشئ كاسا فواتير {provider} مع تفعيل «send»، فتُعلَّم مُرسَلة إلى بريد العميل الإلكتروني؛ ولا تذكر وثائق {provider} إن كان يرسلها إليه بالبريد فعلًا، فأرسل رابط الدفع بنفسك أيضًا.',
  'providers.instead.expires_by_itself':
    'لا يستطيع {provider} ذلك: تنتهي صلاحية الفاتورة لديه تلقائيًا بعد مهلتها؛ أبلغ العميل ألّا يدفعها.',
  'providers.instead.record_here_close_there':
    'لا يستطيع {provider} تسجيل دفعة تمّت خارجه: تبقى الفاتورة مفتوحة لديه. سجّل الدفعة هنا، وحين تُدفع كاملة ألغِها لدى {provider} حتى لا يُطلب من العميل الدفع مرة أخرى.',
  'providers.instead.cancel_instead': 'ألغِ الفاتورة بدلًا من ذلك.',
  'providers.instead.check_dashboard_then_link_or_retry':
    'لا يستطيع Kassa أن يسأل {provider} هل وصلت فاتورة مُرسلة: ابحث عنها في لوحة تحكم {provider}، ثم اربطها بمعرّفها، أو أعد محاولة إرسالها.',
  'providers.advice.not_there':
    'لم تصل الفاتورة إلى {provider} قط، فلا يوجد ما {op, select, cancel {يُلغى} mark_paid {يُسجَّل مدفوعًا} share {يُرسل} delete {يُحذف} other {يُنفَّذ}} هناك.',
  'providers.advice.no_lookup':
    'لا يستطيع Kassa أن يسأل {provider} هل وصلت {number} (لا توفّر واجهته بحثًا). ابحث عنها في لوحة تحكم {provider} (المرجع {reference}): إن وجدتها فاربطها بمعرّفها، وإلا فأعد محاولة إرسالها.',
  'providers.advice.lookup_inconclusive':
    'لم يستطع {provider} أن يؤكد هل وصلت {number}. ابحث عنها في لوحة تحكم {provider} (المرجع {reference}): إن وجدتها فاربطها بمعرّفها، وإلا فأعد محاولة إرسالها.',
  'providers.advice.found_differs':
    'لدى {provider} الفاتورة {remoteId} بمرجع {number}، لكنها {problem, select, currency {بعملة {remoteCurrency} بدلًا من {currency}} other {بمبلغ {remoteTotal} بدلًا من {total}}}، لذا لم تُربط. تحقّق منها في لوحة تحكم {provider}: اربطها إن كانت هذه الفاتورة، أو ألغِها هناك وأعد المحاولة.',
  'providers.advice.total_mismatch':
    'أنشأ {provider} الفاتورة {remoteId} لـ {number} بإجمالي {remoteTotal}، بينما إجمالي الدفتر {total}: يُطلب من العميل دفع {remoteTotal}. ألغِها لدى {provider} وأرسل الفاتورة مرة أخرى، أو سجّل ما يدفعه العميل يدويًا؛ ثم علّم هذا البند بأنه حُلّ.',
  'providers.advice.linked_elsewhere':
    'لدى {provider} الفاتورة {remoteId} لهذه الفاتورة، لكنها مرتبطة هنا بفاتورة أخرى؛ تحقّق من الاثنتين واربط الصحيحة.',
  'providers.advice.cancel_partly_credited':
    'لم يُخصم من {number} إلا جزء بالإشعار الدائن {creditNote}؛ ما زال {provider} يطلب المبلغ الأصلي ولا يمكنه تغييره. ألغِها من لوحة تحكم {provider} وأرسل فاتورة جديدة بالباقي، أو حصّل الباقي وأعد أي مبلغ زائد.',
  'providers.advice.cancel_but_paid':
    'يقول {provider} إن {number} مدفوعة بالفعل، لذا لم تُلغَ هناك. أعد المبلغ إلى العميل عبر {provider}، أو سجّل الدفعة هنا بدلًا من الإلغاء.',
  'providers.advice.mark_paid_partly':
    'لا يسجّل {provider} الفاتورة مدفوعة إلا عند دفعها كاملة؛ ستُسجَّل {number} مدفوعة هناك حين تُدفع كاملة هنا.',
  'providers.advice.mark_paid_but_cancelled':
    'الفاتورة {number} ملغاة لدى {provider}، لذا تعذّر تسجيلها مدفوعة هناك؛ لا حاجة لأي إجراء إلا إذا كان الإلغاء خطأ.',
  'providers.advice.share_maybe_sent':
    'ربما خرجت المحاولة الأخيرة لإرسال هذه الفاتورة عبر {channel, select, sms {الرسائل القصيرة} other {البريد الإلكتروني}} (لا يستطيع {provider} التأكيد). أعد المحاولة للإرسال مرة أخرى، أو علّم البند بأنه حُلّ.',
  'error.provider_auth_failed':
    'رفض {provider} بيانات الاعتماد لعملية {operation} (HTTP {status}){said, select, none {.} other {: {said}}} {hint, select, signature {تحقّق من السر السري لواجهة البرمجة في الحساب (يجب أن يكون من زوج المفاتيح نفسه مع مفتاح الواجهة) ومن صحة ساعة هذا الحاسوب.} other {تحقّق من مفتاح الحساب، ومن أنه مفتاح وضع الحساب (تجريبي أو فعلي).}}',
  'error.provider_not_found': 'لم يجد {provider} شيئًا لعملية {operation}{said, select, none {.} other {: {said}}}',
  'error.provider_server_error':
    'فشل {provider} في عملية {operation} (HTTP {status}){said, select, none {.} other {: {said}}}',
  'error.provider_rejected':
    'رفض {provider} عملية {operation}{status, select, none {} other { (HTTP {status})}}{said, select, none {.} other {: {said}}}',
  'error.provider_unexpected_response':
    '{what, select, redirect {ردّ {provider} على {operation} بإعادة توجيه؛ تحقّق من عنوان URL الأساسي.} invoice {ردّ {provider} على {operation} دون فاتورة.} list {ردّ {provider} على {operation} دون قائمة فواتير.} cursor {قال {provider} إن هناك فواتير أخرى لكنه لم يعطِ طريقة للوصول إليها.} currency {لم يذكر {provider} عملة الفاتورة.} too_large {ردّ {provider} على {operation} بأكثر مما يقرؤه Kassa من ردّ واحد.} other {ردّ {provider} على {operation} بما لا يستطيع Kassa قراءته.}}',
  'error.provider_rate_limited':
    'يحدّ {provider} من معدل الطلبات لعملية {operation} (HTTP 429)؛ حاول مرة أخرى {seconds, plural, =0 {لاحقًا} zero {بعد # ثانية} one {بعد ثانية واحدة} two {بعد ثانيتين} few {بعد # ثوانٍ} many {بعد # ثانية} other {بعد # ثانية}}.',
  'error.provider_malformed_response': 'ردّ {provider} على {operation} بمحتوى ليس JSON صالحًا (HTTP {status}).',
  'error.provider_timeout':
    'لم يردّ {provider} على {operation} خلال {seconds, plural, zero {# ثانية} one {ثانية واحدة} two {ثانيتين} few {# ثوانٍ} many {# ثانية} other {# ثانية}}.',
  'error.provider_unreachable':
    'تعذّر الوصول إلى {provider} لعملية {operation} ({networkCode})؛ تحقّق من الاتصال بالإنترنت ومن عنوان URL الأساسي.',
  'error.provider_network_error': 'انقطع الاتصال بـ {provider} أثناء {operation} ({networkCode}).',
  'error.outcome_unknown':
    '{provider}: {reason, select, timeout {انتهت مهلة عملية {operation}} server_error {تلقّت عملية {operation} خطأً من الخادم} connection_lost {فقدت عملية {operation} اتصالها} other {تلقّت عملية {operation} ردًا لا يستطيع Kassa قراءته}}؛ ربما نُفّذت وربما لا، لذا يتحقق Kassa قبل إرسالها مرة أخرى.',
  'error.provider_not_supported': '{provider} غير متصل في هذا الإصدار من Kassa بعد.',
  'error.secret_missing': 'لا يوجد {secret} مخزّن لحساب {provider} «{account}»؛ أدخله أولًا.',
  'error.credit_note_not_supported': 'لا يدعم {provider} الإشعارات الدائنة؛ لا يمكن إرسال سوى الفواتير إليه.',
  'error.nothing_to_pay': 'يحتاج {provider} إلى مبلغ أكبر من الصفر؛ إجمالي هذه الفاتورة صفر.',
  'error.currency_not_supported': 'يقبل {provider} {accepted}، وليس {currency}.',
  'error.amount_not_representable': 'لا يستطيع {provider} قبول المبلغ {amount} بدقة.',
  'error.remote_paid': 'فاتورة {provider} رقم {remoteId} مدفوعة؛ لا يمكن إلغاؤها.',
  'error.remote_cancelled': 'فاتورة {provider} رقم {remoteId} ملغاة؛ لا يمكن تسجيلها مدفوعة.',
  'error.remote_not_deletable':
    'لا يحذف {provider} إلا المسودات غير المدفوعة وطلبات الدفع غير المدفوعة؛ حالة الفاتورة {remoteId} هي {status}. ألغِها بدلًا من ذلك.',
  'error.nothing_to_update': 'لا يسمح {provider} إلا بتغيير المبلغ والعملة وتاريخ انتهاء الصلاحية.',
  'error.invalid_cursor':
    'مؤشر القائمة هذا لا ينتمي إلى هذه القائمة (صُنع لترتيب أو قائمة أخرى، أو هو تالف)؛ ابدأ من جديد دونه.',
  'error.customer_email_required':
    'يرسل {provider} الفاتورة إلى العميل بالبريد الإلكتروني: أضف أولًا بريدًا إلكترونيًا لعميل الفاتورة {number}.',
  'error.amount_too_small': 'يحتاج {provider} إلى أكثر من {minimum}؛ إجمالي {number} هو {amount}.',
  'error.lookup_inconclusive':
    '{reason, select, no_field {يعرض {provider} الفواتير دون حقل يستطيع Kassa أن يجد فيه {reference}} other {لدى {provider} فواتير أكثر مما يبحث فيه Kassa}}، لذا لا يستطيع Kassa أن يعرف هل وصلت {reference}.',
  'error.reference_not_encodable':
    'مراجع {provider} رقمية: يرسل Kassa أرقامًا مثل INV-2026-0042، والرقم {number} ليس منها.',
  'error.invalid_status_filter': 'لا يصفّي {provider} إلا حسب الحالات {accepted}.',
  'error.reason_required': 'يحتاج {provider} إلى سبب للإلغاء.',
  'error.merchant_id_missing':
    'أدخل معرّف تاجر {provider} (MID-…، الظاهر تحت اسمك في لوحة تحكم {provider}) في هذا الحساب.',
  'error.due_date_too_far': 'يسمح {provider} بتاريخ استحقاق بعد {days} يومًا على الأكثر.',
  'error.not_at_provider': 'هذه الفاتورة ليست لدى {provider} (لم تُرسل إليه قط، أو حُذفت نسختها)، فلا يوجد ما يُحذف.',
  'error.provider_cannot_delete': 'لا يستطيع {provider} حذف الفواتير عبر واجهته البرمجية.',
  'error.remote_mismatch':
    '{problem, select, currency {فاتورة {provider} رقم {remoteId} بعملة {remoteCurrency}، لكن {number} بعملة {currency}.} other {فاتورة {provider} رقم {remoteId} بمبلغ {remoteTotal}، لكن إجمالي {number} هو {total}.}}',
  'error.invalid_base_url':
    '{reason, select, scheme {يجب أن يبدأ عنوان URL الأساسي بـ https:// (أو http:// لهذا الجهاز فقط).} credentials {يجب ألا يحتوي عنوان URL الأساسي على اسم مستخدم أو كلمة مرور.} path {يستبدل عنوان URL الأساسي البديل البروتوكول والمضيف والمنفذ فقط (مثل http://127.0.0.1:4010)؛ احذف المسار.} other {عنوان URL الأساسي غير صالح (المتوقع مثل https://sandbox.example.com).}}',
  'error.insecure_base_url':
    'لا يُسمح بـ http:// العادي إلا لهذا الجهاز (localhost و127.x.x.x و::1)؛ استخدم https:// لـ {host}.',
  'error.totals_mismatch': 'إجماليات الفاتورة لا تطابق بنودها؛ لم تُرسل إلى المزوّد.',
  'error.negative_line': 'للبند {line, number} مبلغ سالب لا يقبله المزوّد.',
  'error.negative_tax': 'أحد مبالغ الضريبة سالب، ولا يقبله المزوّد.',
  'error.lines_do_not_sum': 'بنود المزوّد لا يساوي مجموعها إجمالي الفاتورة؛ لم تُرسل.',
  'error.missing_number': 'ليس للفاتورة رقم بعد.',
  'providers.operation.create': 'إنشاء الفاتورة',
  'providers.operation.get': 'البحث عن الفاتورة',
  'providers.operation.list': 'عرض قائمة الفواتير',
  'providers.operation.cancel': 'إلغاء الفاتورة',
  'providers.operation.markPaid': 'تعليم الفاتورة كمدفوعة',
  'providers.operation.share': 'مشاركة الفاتورة',
  'providers.operation.delete': 'حذف الفاتورة',
  'providers.operation.edit': 'تعديل الفاتورة',
  'providers.operation.update': 'تعديل الفاتورة',
  'providers.operation.events': 'قراءة أحداث الفاتورة',
  'providers.operation.changestatus': 'تغيير حالة الفاتورة',
  'error.remote_not_draft':
    'لا يحذف Kashier إلا المسودات غير المدفوعة؛ الفاتورة {id} حالتها {status}. ألغِها بدلًا من ذلك.',
  'error.invalid_email': 'هذا ليس عنوان بريد إلكتروني.',
  'error.invalid_phone': 'أدخل رقم الهاتف بالصيغة الدولية، مثل +201001234567.',
  'error.invalid_date': '{field} ليس تاريخًا.',
} satisfies Translation<typeof en>;
