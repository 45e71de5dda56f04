import type en from '../en/recurring';
import type { Translation } from '../types';

export default {
  'error.schedule_not_found': 'لا يوجد جدول متكرر بالمعرّف {id}.',
  'error.template_not_invoice': 'لا يمكن أن يكون إشعار دائن قالبًا لجدول متكرر؛ اختر فاتورة.',
  'error.template_customer_required': 'فاتورة القالب بلا عميل؛ اختر عميلًا لها أولًا.',
  'error.template_lines_required': 'فاتورة القالب بلا بنود؛ أضف بندًا واحدًا على الأقل أولًا.',
  'error.schedule_empty':
    'سينتهي هذا الجدول قبل أول فترة له ({firstDate, date, medium})؛ غيّر تاريخ النهاية أو البداية.',
  'error.schedule_ended': 'انتهى هذا الجدول.',
  'validation.schedule_end':
    'يجب أن تكون {field} "never" أو "after" مع عدد الفواتير أو "on" مع آخر تاريخ (YYYY-MM-DD).',
  'validation.weekday': 'يجب أن يكون {field} يومًا من أيام الأسبوع من 1 (الاثنين) إلى 7 (الأحد) في الجداول الأسبوعية.',
  'validation.account_needs_issue': 'تُرسل الفواتير إلى حساب فقط عندما يُصدرها الجدول.',
  'validation.end_before_start': 'يجب ألا يسبق تاريخ النهاية تاريخ البداية.',

  'field.templateId': 'فاتورة القالب',
  'field.frequency': 'التكرار',
  'field.startDate': 'تاريخ البداية',
  'field.day': 'اليوم',
  'field.end': 'النهاية',
  'field.end.after': 'عدد الفواتير',
  'field.end.on': 'تاريخ النهاية',
  'field.action': 'الإجراء',
  'field.dueDays': 'أيام حتى الاستحقاق',
  'history.action.recurring_created': 'أنشأها جدول متكرر',
  'history.action.recurring_held': 'بقيت مسودة: تعذّر إصدارها في تاريخها',
} satisfies Translation<typeof en>;
