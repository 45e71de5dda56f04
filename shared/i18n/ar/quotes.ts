import type en from '../en/quotes';
import type { Translation } from '../types';

export default {
  'error.quote_not_found': 'لا يوجد عرض سعر بالمعرّف {id}.',
  'error.quote_date_in_future': 'تاريخ عرض السعر {date} في المستقبل؛ اجعله اليوم أو قبله.',
  'error.quote_valid_until_before_date': 'لا يمكن أن تنتهي صلاحية عرض السعر قبل تاريخه.',
  'error.quote_wrong_status':
    'عرض السعر {number} {status, select, open {مفتوح} accepted {مقبول} declined {مرفوض} expired {منتهي الصلاحية} other {{status}}}؛ لا يمكن {action, select, accept {قبوله} decline {رفضه} convert {تحويله إلى فاتورة} other {تغييره}}.',
  'error.quote_already_converted': 'تم تحويل عرض السعر {number} إلى فاتورة من قبل.',
  'error.quote_immutable': 'لا يمكن تغيير عرض السعر بعد إنشائه؛ أنشئ عرضًا جديدًا.',
  'error.quote_line_unknown':
    'لا يوجد البند {line}؛ في المستند {count, plural, zero {لا بنود} one {بند واحد} two {بندان} few {# بنود} many {# بندًا} other {# بند}}.',
  'error.quote_line_twice': 'البند {line} مذكور مرتين.',
  'error.quote_quantity_exceeds_line': 'كمية البند {line} هي {available}؛ و{quantity} أكثر منها.',

  'validation.valid_until_before_date': 'يجب ألا يسبق تاريخ انتهاء الصلاحية تاريخ عرض السعر.',

  'field.validUntil': 'صالح حتى',
  'history.action.quote_converted': 'أُنشئت من عرض سعر',
  'pdf.quote.title': 'عرض سعر',
  'nav.quotes': 'عروض الأسعار',
  'quotes.title': 'عروض الأسعار',
  'quotes.new': 'عرض سعر جديد',
  'quotes.none': 'لا عروض أسعار بعد.',
  'quotes.none_match': 'لا عروض أسعار مطابقة.',
  'quotes.list.count':
    '{count, plural, zero {لا عروض أسعار} one {عرض سعر واحد} two {عرضا سعر} few {# عروض أسعار} many {# عرض سعر} other {# عرض سعر}}',
  'quotes.list.matching':
    '{count, plural, zero {لا عروض أسعار مطابقة} one {عرض سعر واحد مطابق} two {عرضا سعر مطابقان} few {# عروض أسعار مطابقة} many {# عرض سعر مطابقًا} other {# عرض سعر مطابق}}',
  'quotes.filter.status': 'الحالة',
  'quotes.status.open': 'مفتوح',
  'quotes.status.accepted': 'مقبول',
  'quotes.status.declined': 'مرفوض',
  'quotes.status.expired': 'منتهي الصلاحية',
  'quotes.col.number': 'الرقم',
  'quotes.col.customer': 'العميل',
  'quotes.col.date': 'التاريخ',
  'quotes.col.valid_until': 'صالح حتى',
  'quotes.col.total': 'الإجمالي',
  'quotes.col.status': 'الحالة',
  'quotes.editor.new_title': 'عرض سعر جديد',
  'quotes.editor.date': 'تاريخ العرض',
  'quotes.editor.valid_until': 'صالح حتى',
  'quotes.editor.create': 'إنشاء العرض',
  'quotes.detail.title': 'عرض السعر {number}',
  'quotes.detail.dates': 'بتاريخ {date, date, medium} · صالح حتى {until, date, medium}',
  'quotes.detail.accept': 'قبله العميل',
  'quotes.detail.decline': 'رفضه العميل',
  'quotes.detail.convert': 'تحويل إلى فاتورة',
  'quotes.detail.convert_selected':
    '{count, plural, zero {تحويل البنود المختارة} one {تحويل البند المختار} two {تحويل البندين المختارين} few {تحويل # بنود مختارة} many {تحويل # بندًا مختارًا} other {تحويل # بند مختار}}',
  'quotes.detail.pick': 'ضعه في الفاتورة',
  'quotes.detail.converted': 'حُوّل إلى فاتورة (مسودة حتى تصدرها).',
  'quotes.detail.open_invoice': 'فتح الفاتورة',
  'quotes.detail.cannot_convert': 'لا يمكن تحويل عرض مرفوض أو منتهي الصلاحية.',
  'quotes.invoice_from_quote': 'أُنشئت من عرض سعر',
  'quotes.open_quote': 'فتح عرض السعر',
} satisfies Translation<typeof en>;
