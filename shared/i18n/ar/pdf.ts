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
} satisfies Translation<typeof en>;
