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
  'error.provider_auth_failed':
    'رفض {provider} بيانات الاعتماد لعملية {operation} (HTTP {status}){said, select, none {.} other {: {said}}} {hint, select, signature {تحقّق من السر السري لواجهة البرمجة في الحساب (يجب أن يكون من زوج المفاتيح نفسه مع مفتاح الواجهة) ومن صحة ساعة هذا الحاسوب.} other {تحقّق من مفتاح الحساب، ومن أنه مفتاح وضع الحساب (تجريبي أو فعلي).}}',
  'error.provider_not_found': 'لم يجد {provider} شيئًا لعملية {operation}{said, select, none {.} other {: {said}}}',
  'error.provider_server_error':
    'فشل {provider} في عملية {operation} (HTTP {status}){said, select, none {.} other {: {said}}}',
  'error.provider_rejected':
    'رفض {provider} عملية {operation}{status, select, none {} other { (HTTP {status})}}{said, select, none {.} other {: {said}}}',
  'error.provider_unexpected_response':
    '{what, select, redirect {ردّ {provider} على {operation} بإعادة توجيه؛ تحقّق من عنوان URL الأساسي.} invoice {ردّ {provider} على {operation} دون فاتورة.} list {ردّ {provider} على {operation} دون قائمة فواتير.} cursor {قال {provider} إن هناك فواتير أخرى لكنه لم يعطِ طريقة للوصول إليها.} currency {لم يذكر {provider} عملة الفاتورة.} other {ردّ {provider} على {operation} بما لا يستطيع Kassa قراءته.}}',
  'error.provider_rate_limited':
    'يحدّ {provider} من معدل الطلبات لعملية {operation} (HTTP 429)؛ حاول مرة أخرى {seconds, plural, =0 {لاحقًا} zero {بعد # ثانية} one {بعد ثانية واحدة} two {بعد ثانيتين} few {بعد # ثوانٍ} many {بعد # ثانية} other {بعد # ثانية}}.',
  'error.provider_malformed_response': 'ردّ {provider} على {operation} بمحتوى ليس JSON صالحًا (HTTP {status}).',
  'error.provider_timeout':
    'لم يردّ {provider} على {operation} خلال {seconds, plural, zero {# ثانية} one {ثانية واحدة} two {ثانيتين} few {# ثوانٍ} many {# ثانية} other {# ثانية}}.',
  'error.provider_unreachable':
    'تعذّر الوصول إلى {provider} لعملية {operation} ({networkCode})؛ تحقّق من الاتصال بالإنترنت ومن عنوان URL الأساسي.',
  'error.provider_network_error': 'انقطع الاتصال بـ {provider} أثناء {operation} ({networkCode}).',
  'error.outcome_unknown':
    '{provider}: {reason, select, timeout {انتهت مهلة} server_error {تلقّت خطأً من الخادم} connection_lost {فقدت الاتصال} other {تلقّت ردًا لا يستطيع Kassa قراءته}} عملية {operation}؛ ربما نُفّذت وربما لا، لذا يتحقق Kassa قبل إرسالها مرة أخرى.',
  'error.provider_not_supported': '{provider} غير متصل في هذا الإصدار من Kassa بعد.',
  'error.secret_missing': 'لا يوجد {secret} مخزّن لحساب {provider} «{account}»؛ أدخله أولًا.',
  'error.credit_note_not_supported': 'لا يدعم {provider} الإشعارات الدائنة؛ لا يمكن إرسال سوى الفواتير إليه.',
  'error.invoice_not_issued': 'لا يمكن إرسال سوى الفواتير الصادرة (ذات الرقم) إلى مزوّد الدفع.',
  'error.nothing_to_pay': 'يحتاج {provider} إلى مبلغ أكبر من الصفر؛ إجمالي هذه الفاتورة صفر.',
  'error.currency_not_supported': 'يقبل {provider} {accepted}، وليس {currency}.',
  'error.amount_not_representable': 'لا يستطيع {provider} قبول المبلغ {amount} بدقة.',
  'error.remote_paid': 'فاتورة {provider} رقم {remoteId} مدفوعة؛ لا يمكن إلغاؤها.',
  'error.remote_cancelled': 'فاتورة {provider} رقم {remoteId} ملغاة؛ لا يمكن تسجيلها مدفوعة.',
  'error.remote_not_deletable':
    'لا يحذف {provider} إلا المسودات غير المدفوعة وطلبات الدفع غير المدفوعة؛ حالة الفاتورة {remoteId} هي {status}. ألغِها بدلًا من ذلك.',
  'error.nothing_to_update': 'لا يسمح {provider} إلا بتغيير المبلغ والعملة وتاريخ انتهاء الصلاحية.',
  'error.invalid_cursor': 'مؤشر القائمة هذا لا ينتمي إلى هذه القائمة.',
  'error.customer_email_required':
    'يرسل {provider} الفاتورة إلى العميل بالبريد الإلكتروني: أضف أولًا بريدًا إلكترونيًا لعميل الفاتورة {number}.',
  'error.amount_too_small': 'يحتاج {provider} إلى أكثر من {minimum}؛ إجمالي {number} هو {amount}.',
  'error.lookup_inconclusive':
    '{reason, select, no_field {يعرض {provider} الفواتير دون حقل يستطيع Kassa أن يجد فيه {reference}} other {لدى {provider} فواتير أكثر مما يبحث فيه Kassa}}، لذا لا يستطيع Kassa أن يعرف هل وصلت {reference}.',
  'error.remote_mismatch':
    '{problem, select, currency {فاتورة {provider} رقم {remoteId} بعملة {remoteCurrency}، لكن {number} بعملة {currency}.} other {فاتورة {provider} رقم {remoteId} بمبلغ {remoteTotal}، لكن إجمالي {number} هو {total}.}}',
} satisfies Translation<typeof en>;
