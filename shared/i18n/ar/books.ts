import type en from '../en/books';
import type { Translation } from '../types';

export default {
  'error.invalid_period':
    '"{text}" ليست فترة: اكتب الشهر بالشكل YYYY-MM (مثل 2026-03) أو الربع بالشكل YYYY-QN (مثل 2026-Q1).',
  'error.period_closed':
    'الفترة {period} مُقفلة: لا يمكن إصدار أي مستند أو إشعار دائن أو دفعة أو ردّ مبلغ أو إلغاء بتاريخ {date}. أعد فتح {period} أولًا إن كان لا بد من التغيير.',
  'error.period_already_closed': 'الفترة {period} مُقفلة بالفعل.',
  'error.period_not_closed': 'الفترة {period} غير مُقفلة.',
  'error.period_not_over': 'الفترة {period} لم تنتهِ بعد (تنتهي في {end})؛ أقفلها بعد انتهائها.',
  'error.period_inside_closed': 'الفترة {period} تقع داخل الفترة المُقفلة {closedBy}؛ أعد فتح {closedBy} بدلًا منها.',
  'error.record_check_failed':
    'وجد فحص السجل {count, plural, zero {لا مشكلات} one {مشكلة واحدة} two {مشكلتين} few {# مشكلات} many {# مشكلة} other {# مشكلة}}: راجع التقرير.',
  'error.file_write_failed': 'تعذّرت كتابة {file}؛ تأكد من وجود المجلد وإمكانية الكتابة فيه.',
  'error.xml_of_draft': 'المسودة ليست فاتورة بعد: أصدرها قبل إنشاء فاتورتها الإلكترونية.',
  'error.archive_target_exists': '{file} موجود بالفعل؛ اختر اسم ملف جديدًا للأرشيف.',
  'error.archive_target_not_empty': '{file} ليس مجلدًا فارغًا؛ اختر مجلدًا جديدًا أو فارغًا للأرشيف.',
  'error.archive_unreadable': 'تعذّرت قراءة الأرشيف كملف zip ({reason}).',
  'error.archive_no_manifest': 'لا يحتوي الأرشيف على manifest.json: لم يُنشئه كاسا أو حُذف البيان.',
  'error.archive_manifest_invalid': 'ملف manifest.json في الأرشيف ليس بيان كاسا.',
  'error.archive_verify_failed':
    '{count, plural, zero {لا ملفات لا تطابق} one {ملف واحد من الأرشيف لا يطابق} two {ملفان من الأرشيف لا يطابقان} few {# ملفات من الأرشيف لا تطابق} many {# ملفًا من الأرشيف لا يطابق} other {# ملف من الأرشيف لا يطابق}} البيان.',
  'error.archive_job_not_found': 'لا توجد مهمة أرشفة {id} (تُحفظ المهام المنتهية لفترة قصيرة فقط).',
  'error.archive_failed': 'تعذّر إنشاء الأرشيف: {error}',
  'error.archive_incomplete': 'تعذّرت كتابة {failed} من {total} مستندات؛ راجع الأخطاء.',
  'error.archive_unverified': 'تعذّر فحص الأرشيف: {reason}',
  'error.record_chain_append_only': 'سجل التوثيق للإضافة فقط: لا يمكن تعديل قيوده أو حذفها.',

  'validation.period': 'يجب أن يكون {field} شهرًا مثل 2026-03 أو ربعًا مثل 2026-Q1.',
  'validation.endpoint':
    'يجب أن يكون {field} رمز مخطط EAS ثم نقطتين ثم المعرّف (مثل EM:name@example.com أو 9930:DE123456789).',
  'field.period': 'الفترة',
  'field.buyerReference': 'مرجع المشتري',
  'field.sellerEndpoint': 'العنوان الإلكتروني للبائع',
  'field.buyerEndpoint': 'العنوان الإلكتروني للمشتري',
  'field.format': 'الصيغة',
  'field.out': 'المُخرَج',

  'check.record_changed':
    '{kind, select, invoice {الفاتورة} credit_note {الإشعار الدائن} cancellation {إلغاء} payment {دفعة على} payment_void {إبطال دفعة على} refund {ردّ مبلغ على} refund_void {إبطال ردّ مبلغ على} period_closed {إقفال} period_reopened {إعادة فتح} other {قيد}} {label} تغيّر خارج كاسا (القيد {seq}).',
  'check.record_document_missing':
    '{kind, select, invoice {الفاتورة} credit_note {الإشعار الدائن} cancellation {إلغاء} payment {دفعة على} payment_void {إبطال دفعة على} refund {ردّ مبلغ على} refund_void {إبطال ردّ مبلغ على} period_closed {إقفال} period_reopened {إعادة فتح} other {قيد}} {label} موجود في السجل (القيد {seq}) لكنه لم يعد في دفتر الحسابات.',
  'check.record_chain_broken': 'القيد {seq} ({label}) لا يتبع القيد الذي قبله: السجل نفسه تغيّر خارج كاسا.',
  'check.record_chain_gap': 'يقفز السجل من القيد {seq} إلى {found}: حُذفت قيود.',
  'check.record_chain_unreadable': 'تعذّرت قراءة سجل التوثيق ({error}).',
  'check.record_not_chained':
    '{kind, select, invoice {الفاتورة} credit_note {الإشعار الدائن} cancellation {إلغاء} payment {دفعة على} payment_void {إبطال دفعة على} refund {ردّ مبلغ على} refund_void {إبطال ردّ مبلغ على} period_closed {إقفال} period_reopened {إعادة فتح} other {قيد}} {label} ليس له قيد في السجل: كُتب خارج كاسا.',
  'vat.title': 'ملخص ضريبة القيمة المضافة',
  'vat.range': '{from} – {to}',
  'vat.generated': 'أُعدّ في {at}',
  'vat.closed': 'الفترات المُقفلة: {periods}',
  'vat.open': 'غير مُقفلة: قد تتغيّر الأرقام.',
  'vat.documents':
    '{count, plural, zero {لا مستندات} one {مستند واحد} two {مستندان} few {# مستندات} many {# مستندًا} other {# مستند}}',
  'vat.none': 'لم تُصدر أي فاتورة أو إشعار دائن في هذه الفترة.',
  'vat.currency': 'المبالغ بعملة {currency}',
  'vat.col.category': 'فئة الضريبة',
  'vat.col.rate': 'النسبة',
  'vat.col.invoices': 'الفواتير',
  'vat.col.creditNotes': 'الإشعارات الدائنة',
  'vat.col.net': 'الصافي',
  'vat.col.taxable': 'الخاضع للضريبة',
  'vat.col.tax': 'الضريبة',
  'vat.total': 'الإجمالي',
  'vat.exemptions': 'أسباب الإعفاء: {reasons}',
  'vat.cancelled':
    '{count, plural, zero {لا فواتير ملغاة} one {فاتورة ملغاة واحدة} two {فاتورتان ملغاتان} few {# فواتير ملغاة} many {# فاتورة ملغاة} other {# فاتورة ملغاة}} ({amount}) غير محتسبة.',
  'vat.chain':
    'السجل: {length, plural, zero {لا قيود} one {قيد واحد} two {قيدان} few {# قيود} many {# قيدًا} other {# قيد}}، آخر بصمة {hash}',
  'vat.category.S': 'النسبة العادية',
  'vat.category.Z': 'نسبة صفرية',
  'vat.category.E': 'معفى',
  'vat.category.AE': 'احتساب عكسي',
  'vat.category.K': 'توريد داخل الاتحاد الأوروبي',
  'vat.category.G': 'تصدير خارج الاتحاد الأوروبي',
  'vat.category.O': 'غير خاضع للضريبة',
  'vat.category.L': 'IGIC (جزر الكناري)',
  'vat.category.M': 'IPSI (سبتة ومليلية)',
} as const satisfies Translation<typeof en>;
