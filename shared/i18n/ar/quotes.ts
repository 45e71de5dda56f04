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
} satisfies Translation<typeof en>;
