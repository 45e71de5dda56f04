import type en from '../en/sync';
import type { Translation } from '../types';

export default {
  'sync.title': 'المزامنة',
  'sync.intro':
    'تُوضع هنا الفواتير الصادرة إلى حساب مزوّد في قائمة انتظار وتُرسل حين يمكن الوصول إلى المزوّد؛ وتعود المدفوعات والإلغاءات التي تتم لدى المزوّد تلقائيًا.',
  'sync.no_accounts': 'لا توجد حسابات مزوّدين بعد: أضف حسابًا من الإعدادات.',
  'sync.op.create': 'إرسال الفاتورة',
  'sync.op.cancel': 'إلغاء',
  'sync.op.mark_paid': 'تعليم كمدفوعة',
  'sync.op.share': 'مشاركة',
  'sync.op.send': 'بريد إلكتروني',
  'sync.op.delete': 'حذف',
  'sync.state.pending': 'في الانتظار',
  'sync.state.unknown': 'قيد التحقق',
  'sync.state.done': 'تم',
  'sync.state.failed': 'فشل',
  'sync.state.needs_review': 'يحتاج إلى مراجعة',
  'sync.state.skipped': 'غير ممكن هناك',
  'sync.state.sending': 'جارٍ الإرسال…',
  'sync.error.provider_said': '— قال المزوّد: «{words}»',
  'sync.error.http': '(HTTP {status})',
  'sync.item.attempts':
    '{count, plural, zero {لا محاولات} one {محاولة واحدة} two {محاولتان} few {# محاولات} many {# محاولة} other {# محاولة}}',
  'sync.item.next_try': 'المحاولة التالية {when}',
  'sync.item.retry': 'إعادة المحاولة',
  'sync.item.resolve_open': 'تعليم كمحلول…',
  'sync.item.resolve': 'تعليم كمحلول',
  'sync.item.resolve_note': 'لن يُرسل أي شيء آخر لهذا العنصر.',
  'sync.item.note': 'ملاحظة',
  'sync.item.link_open': 'ربط…',
  'sync.item.link': 'ربط',
  'sync.item.remote_id': 'معرّف الفاتورة لدى المزوّد',
  'sync.account.offline': 'غير متصل — متوقف حتى {until}',
  'sync.account.not_supported': 'غير متصل في هذا الإصدار',
  'sync.account.last_success': 'آخر نجاح',
  'sync.account.last_poll': 'آخر فحص للحالة',
  'sync.account.last_import': 'آخر استيراد',
  'sync.account.outbox': 'صندوق الصادر',
  'sync.account.counts':
    '{pending, number} في الانتظار · {unknown, number} قيد التحقق · {failed, number} فشلت · {needsReview, number} تحتاج إلى مراجعة · {skipped, number} غير ممكنة هناك · {done, number} تمت',
  'sync.account.remote_invoices': 'الفواتير لدى المزوّد',
  'sync.account.linked': '{linked, number} مرتبطة، {open, number} ما زالت مفتوحة (تُراقب للمدفوعات)',
  'sync.account.unknown_outcomes': 'النتائج غير المعروفة',
  'sync.account.lookup': 'يُبحث عنها بالمرجع: {route}',
  'sync.account.no_lookup': 'لا بحث لدى هذا المزوّد: تُركن للمراجعة ولا يُعاد إرسالها أبدًا',
  'sync.account.last_error': 'آخر خطأ',
  'sync.account.nothing_waiting': 'لا شيء في الانتظار.',
  'sync.now.button': 'زامن الآن',
  'sync.now.running': 'جارٍ المزامنة…',
  'sync.now.result':
    'أُرسلت {sent, number}، وما زالت {queued, number} في الانتظار؛ فُحصت {open, plural, zero {لا فواتير مفتوحة} one {فاتورة مفتوحة واحدة} two {فاتورتان مفتوحتان} few {# فواتير مفتوحة} many {# فاتورة مفتوحة} other {# فاتورة مفتوحة}} ({changed, number} تغيّرت).',
  'sync.import.button': 'استيراد الفواتير',
  'sync.import.running': 'جارٍ الاستيراد…',
  'sync.import.progress':
    'الاستيراد من {account}: {count, plural, zero {لا فواتير} one {فاتورة واحدة} two {فاتورتان} few {# فواتير} many {# فاتورة} other {# فاتورة}} حتى الآن',
  'sync.import.progress_value':
    '{count, plural, zero {لا فواتير} one {فاتورة واحدة} two {فاتورتان} few {# فواتير} many {# فاتورة} other {# فاتورة}}',
  'sync.import.result':
    '{seen, plural, zero {لا فواتير لدى المزوّد} one {فاتورة واحدة لدى المزوّد} two {فاتورتان لدى المزوّد} few {# فواتير لدى المزوّد} many {# فاتورة لدى المزوّد} other {# فاتورة لدى المزوّد}}: {imported, number} مستوردة، {linked, number} مرتبطة، {updated, number} محدّثة، {unchanged, number} دون تغيير، {skipped, number} متروكة.',
  'sync.col.invoice': 'الفاتورة',
  'sync.col.action': 'الإجراء',
  'sync.col.state': 'الحالة',
  'sync.col.what_happened': 'ماذا حدث',
  'error.sync_item_in_flight': 'يُرسل هذا العنصر الآن؛ انتظر النتيجة.',
  'error.sync_item_done': 'هذا العنصر منتهٍ بالفعل.',
  'error.sync_item_not_create': 'لا يُربط بفاتورة لدى المزوّد إلا عنصر ينشئ الفاتورة لديه.',
  'error.remote_currency_unknown': 'فاتورة {provider} رقم {id} ليست بعملة يعرفها كاسا.',
  'error.remote_amount_unknown': 'فاتورة {provider} رقم {id} ليس لها مبلغ موجب.',
  'error.remote_duplicate':
    'الفاتورة {id} تحمل المرجع {reference} الذي يخص فاتورة مرتبطة بالفعل بفاتورة أخرى لدى المزوّد؛ تحقّق من وجود تكرار لدى المزوّد.',
  'error.remote_already_linked': 'الفاتورة {id} لدى المزوّد مرتبطة بالفعل بفاتورة أخرى في السجل.',
  'sync.change.paid': '{invoice} مدفوعة: استلم {provider} {amount}.',
  'sync.change.partially_paid': '{invoice} مدفوعة جزئيًا: استلم {provider} {amount}.',
  'sync.change.cancelled': 'أُلغيت {invoice} لدى {provider}.',
  'sync.change.expired': 'انتهت {invoice} لدى {provider}.',
  'sync.change.reopened': '{invoice} مفتوحة من جديد لدى {provider}.',
  'sync.change.currency_mismatch':
    '{invoice}: يبلغ {provider} عن دفعة بعملة {remote}، لكن الفاتورة بعملة {local}؛ سجّلها يدويًا.',
  'sync.change.paid_but_cancelled':
    '{invoice} ملغاة هنا، لكن {provider} يبلغ عن دفع {amount}. ردّه لدى {provider}، أو ألغِ الإلغاء بإصدار فاتورة جديدة.',
  'sync.change.total_mismatch':
    'يبلغ {provider} أن {invoice} مدفوعة بالكامل بمبلغ {remoteTotal}؛ وإجمالي السجل {total}. سجّل الدفعة التي استلمتها يدويًا.',
  'sync.change.paid_more_than_owed':
    'يبلغ {provider} عن {amount} للفاتورة {invoice}، أي {extra} أكثر مما كان مستحقًا؛ راجع الدفعات المسجّلة يدويًا.',
  'sync.change.period_closed_payment':
    '{invoice}: أبلغ {provider} عن دفع {amount} بتاريخ {date}، في الفترة المغلقة {period}؛ أعد فتحها لتسجيل الدفعة.',
  'sync.change.period_closed_cancel':
    'ألغى {provider} {invoice}، وهي تنتمي إلى الفترة المغلقة {period}؛ أصدر إشعارًا دائنًا، أو أعد فتح الفترة لإلغائها.',
  'sync.change.cancelled_with_payments': 'ألغى {provider} {invoice} ولها دفعات في السجل؛ أبطلها أو ردّها، ثم ألغِها هنا.',
  'sync.notify.paid': 'فاتورة مدفوعة',
  'sync.notify.partially_paid': 'دفعة مستلمة',
  'sync.notify.cancelled': 'فاتورة ملغاة',
  'sync.notify.expired': 'فاتورة منتهية',
  'sync.notify.reopened': 'فاتورة أُعيد فتحها',
  'sync.notify.conflict': 'المزامنة تحتاج إلى نظرة',
  'sync.notify.many': 'فواتير حدّثها مزوّدوك',
  'sync.notify.many_body':
    '{rest, number} أخرى: {paid, number} مدفوعة، {partially, number} مدفوعة جزئيًا، {cancelled, number} ملغاة، {expired, number} منتهية، {reopened, number} أُعيد فتحها، {conflicts, number} للمراجعة.',
  'sync.notify.import_done': 'انتهى الاستيراد من {account}',
  'sync.notify.import_body':
    '{seen, plural, zero {لا فواتير} one {فاتورة واحدة} two {فاتورتان} few {# فواتير} many {# فاتورة} other {# فاتورة}} لدى {provider}: {imported, number} مستوردة، {linked, number} مرتبطة، {updated, number} محدّثة، {unchanged, number} دون تغيير، {skipped, number} متروكة.',
  'sync.import.label': 'الاستيراد من {account}',
  'sync.progress.outbox': 'إرسال صندوق الصادر',
  'error.sync_stopped': 'توقفت المزامنة قبل إرسال هذا؛ سيُرسل في المزامنة التالية.',
  'error.account_paused': 'في الانتظار: بدا المزوّد غير متاح؛ يعيد كاسا المحاولة بعد فترة التوقف.',
  'error.sync_interrupted': 'توقفت المزامنة أثناء إرسال هذا؛ سيُبحث عنه لدى المزوّد قبل إرساله مرة أخرى.',
} satisfies Translation<typeof en>;
