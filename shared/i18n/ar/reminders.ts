import type en from '../en/reminders';
import type { Translation } from '../types';

export default {
  'error.reminder_taken': 'أُرسل التذكير الخاص بـ {step} يومًا من تاريخ استحقاق {number} من قبل.',
  'error.reminder_not_owed': 'الفاتورة {number} لم تعد مستحقة (مدفوعة أو مُشعَر بها أو ملغاة)؛ لا يُرسل تذكير.',
  'error.reminders_invoice_only': 'التذكيرات للفواتير فقط؛ لا تذكيرات لإشعار الدائن.',

  'validation.reminder_steps_unique': 'يُذكر كل موعد مرة واحدة فقط.',

  'field.steps': 'المواعيد',
  'field.enabled': 'مُفعّل',

  'history.action.share_skipped': 'لم يُرسل: لم تعد مستحقة',
} satisfies Translation<typeof en>;
