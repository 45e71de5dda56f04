import type en from '../en/pdf';
import type { Translation } from '../types';

export default {
  'pdf.export.title': 'تصدير الفواتير بصيغة PDF',
  'pdf.export.intro':
    'ملف PDF/A-3b لكل فاتورة صدرت في الفترة، باسم رقمها، ومرفقة به بيانات Factur-X (EN 16931). اترك التاريخين فارغين لتصدير كل الفواتير بما فيها المسودات.',
  'pdf.export.from': 'من',
  'pdf.export.to': 'إلى',
  'pdf.export.start': 'تصدير ملفات PDF',
  'pdf.export.state.running': 'جارٍ التصدير…',
  'pdf.export.state.done': 'تم',
  'pdf.export.state.cancelled': 'أُلغي',
  'pdf.export.state.failed': 'فشل',
  'pdf.export.progress':
    '{done, number} من {total, plural, zero {لا فواتير} one {فاتورة واحدة} two {فاتورتين} few {# فواتير} many {# فاتورة} other {# فاتورة}}',
  'pdf.export.summary': 'كُتب {written, number} · {seconds} ث',
  'pdf.export.summary_failed': 'كُتب {written, number}، وفشل {failed, number} · {seconds} ث',
  'pdf.export.folder': 'المجلد:',
  'pdf.preview.show': 'عرض PDF',
  'pdf.preview.hide': 'إخفاء PDF',
  'pdf.preview.download': 'تنزيل {file}',
  'pdf.preview.facts':
    '{pages, plural, zero {لا صفحات} one {صفحة واحدة} two {صفحتان} few {# صفحات} many {# صفحة} other {# صفحة}} · {kb, number} ك.ب · PDF/A-3b',
  'pdf.preview.facts_facturx':
    '{pages, plural, zero {لا صفحات} one {صفحة واحدة} two {صفحتان} few {# صفحات} many {# صفحة} other {# صفحة}} · {kb, number} ك.ب · PDF/A-3b مع Factur-X (EN 16931)',
  'pdf.preview.rendering': 'جارٍ الإنشاء…',
  'pdf.preview.facturx_incomplete': 'بيانات الفاتورة الإلكترونية المرفقة غير مكتملة وفق EN 16931.',
  'pdf.preview.facturx_needs': 'قد ترفضها برامج المحاسبة إلى أن يتضمن ملف النشاط التجاري أو بيانات العميل ما يلي:',
  'pdf.preview.frame_title': 'ملف PDF لـ {file}',
  'pdf.credited': 'إشعارات دائنة',
  'pdf.refunded': 'مبالغ مستردة',
  'pdf.refund_due': 'مستحق لكم',
  'pdf.credit_note_set_off': 'يُخصم من الفاتورة {number}؛ لا يوجد مبلغ مستحق الدفع.',
  'pdf.credit_note_set_off_unnamed': 'يُخصم من الفاتورة التي يصححها؛ لا يوجد مبلغ مستحق الدفع.',
  'error.pdf_render_failed': 'تعذّر إنشاء ملف PDF: {detail}',
  'error.pdf_export_failed': 'فشل تصدير ملفات PDF: {detail}',
  'error.export_incomplete':
    'تعذّرت كتابة {failed, number} من {total, plural, zero {لا فواتير} one {فاتورة واحدة} two {فاتورتين} few {# فواتير} many {# فاتورة} other {# فاتورة}}؛ راجع الأخطاء.',
  'pdf.export.label_range': 'تصدير PDF من {from} إلى {to}',
  'pdf.export.label_all': 'تصدير PDF (كل الفواتير)',
  'pdf.facturx.country':
    '{rule}: يحتاج عنوان {who, select, seller {البائع} other {المشتري}} إلى رمز دولة ISO 3166-1 من حرفين.',
  'pdf.facturx.decimals': '{rule}: لمبالغ {currency} أكثر من منزلتين عشريتين، وهذا لا يسمح به EN 16931.',
  'pdf.facturx.number': '{rule}: ليس للفاتورة رقم (المسودات ليست فواتير).',
  'pdf.facturx.issue_date': '{rule}: ليس للفاتورة تاريخ إصدار.',
  'pdf.facturx.seller_name': '{rule}: ليس للبائع اسم.',
  'pdf.facturx.buyer_name': '{rule}: ليس للمشتري اسم.',
  'pdf.facturx.o_mixed': '{rule}: لا يجوز خلط بنود "غير خاضعة لضريبة القيمة المضافة" (O) مع فئات أخرى.',
  'pdf.facturx.seller_tax_id':
    '{rule}: يحتاج البائع إلى رقم ضريبة قيمة مضافة أو رقم تسجيل ضريبي في ملف النشاط التجاري.',
  'pdf.facturx.seller_id_o':
    '{rule}: لا يجوز أن تحمل فاتورة غير خاضعة للضريبة رقم ضريبة قيمة مضافة، ولا يسجّل كاسا معرّفًا آخر للبائع (BT-29/BT-30).',
  'pdf.facturx.seller_vat_id': '{rule}: يحتاج البائع إلى رقم ضريبة قيمة مضافة في ملف النشاط التجاري ليمكن التعرف عليه.',
  'pdf.facturx.seller_vat_reverse':
    '{rule}: تحتاج بنود الاحتساب العكسي والتوريد داخل الاتحاد والتصدير إلى رقم ضريبة القيمة المضافة للبائع.',
  'pdf.facturx.buyer_vat_reverse':
    '{rule}: تحتاج بنود الاحتساب العكسي والتوريد داخل الاتحاد إلى رقم ضريبة القيمة المضافة للمشتري.',
  'pdf.facturx.intra_delivery': '{rule}: يحتاج التوريد داخل الاتحاد إلى تاريخ تسليم ودولة تسليم، ولا يسجّلهما كاسا.',
  'pdf.facturx.vat_prefix':
    '{rule}: يجب أن يبدأ رقم ضريبة القيمة المضافة لل{who, select, seller {بائع} other {مشتري}} ببادئة دولة (مثل DE أو FR).',
  'pdf.facturx.exemption_reason': '{rule}: تحتاج فئة ضريبة القيمة المضافة {category} إلى سبب إعفاء.',
  'pdf.facturx.due_date': '{rule}: هناك مبلغ مستحق، لذا تحتاج الفاتورة إلى تاريخ استحقاق أو شروط دفع.',
} satisfies Translation<typeof en>;
