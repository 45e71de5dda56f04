import type en from '../en/common';
import type { Translation } from '../types';

export default {
  'app.name': 'كاسا',
  'common.loading': 'جارٍ التحميل…',
  'common.save': 'حفظ',
  'common.cancel': 'إلغاء',
  'common.close': 'إغلاق',
  'common.dismiss': 'إخفاء',
  'common.retry': 'أعد المحاولة',
  'common.none': '—',
  'nav.main': 'القائمة الرئيسية',
  'nav.invoices': 'الفواتير',
  'nav.customers': 'العملاء',
  'nav.sync': 'المزامنة',
  'nav.pdf': 'تصدير PDF',
  'nav.settings': 'الإعدادات',
  'facts.version': 'الإصدار {version}',
  'facts.ledger': 'السجل: {file}',
  'facts.invoices':
    '{count, plural, zero {لا فواتير} one {فاتورة واحدة} two {فاتورتان} few {# فواتير} many {# فاتورة} other {# فاتورة}}',
  'facts.customers':
    '{count, plural, zero {لا عملاء} one {عميل واحد} two {عميلان} few {# عملاء} many {# عميلًا} other {# عميل}}',
  'common.edit': 'تعديل',
  'common.delete': 'حذف',
  'common.remove': 'إزالة',
  'common.previous': 'السابق',
  'common.next': 'التالي',
  'common.page': 'الصفحة {page, number}',
  'common.search': 'بحث',
  'common.all': 'الكل',
  'common.never': 'أبدًا',
  'common.optional': '{label} (اختياري)',
  'language.en': 'English',
  'language.ar': 'العربية',
  'language.es': 'Español',
} satisfies Translation<typeof en>;
