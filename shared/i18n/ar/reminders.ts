import type en from '../en/reminders';
import type { Translation } from '../types';

export default {
  'error.reminder_taken': 'أُرسل التذكير الخاص بـ {step} يومًا من تاريخ استحقاق {number} من قبل.',
  'error.reminder_not_owed': 'الفاتورة {number} لم تعد مستحقة (مدفوعة أو مُشعَر بها أو ملغاة)؛ لا يُرسل تذكير.',
  'error.reminders_invoice_only': 'التذكيرات للفواتير فقط؛ لا تذكيرات للإشعارات الدائنة.',

  'validation.reminder_steps_unique': 'يُذكر كل موعد مرة واحدة فقط.',

  'field.steps': 'المواعيد',
  'field.enabled': 'مُفعّل',

  'history.action.share_skipped': 'لم يُرسل: لم تعد مستحقة',
  'nav.reminders': 'التذكيرات',
  'reminders.title': 'تذكيرات الدفع',
  'reminders.intro':
    'تُرسل التذكيرات عبر طرق المشاركة بلغة العميل، كلٌّ مرة واحدة، وتتوقف متى دُفعت الفاتورة أو أُشعر بها أو أُلغيت.',
  'reminders.rules.title': 'التذكيرات الافتراضية',
  'reminders.rules.enabled': 'إرسال تذكيرات لكل فاتورة مفتوحة',
  'reminders.rules.route': 'الإرسال عبر',
  'reminders.rules.steps': 'متى (أيام من تاريخ الاستحقاق)',
  'reminders.rules.steps_hint': 'سالب: قبل الاستحقاق؛ 0: يومه؛ موجب: بعده.',
  'reminders.rules.steps_invalid': 'اكتب أعدادًا صحيحة من الأيام مفصولة بفواصل، مثل -3, 0, 7, 14.',
  'reminders.rules.save': 'حفظ التذكيرات',
  'reminders.rules.saved': 'حُفظت.',
  'reminders.route.email': 'البريد الإلكتروني',
  'reminders.route.provider': 'مزوّد الدفع',
  'reminders.route.sms': 'رسالة نصية (تُجهّز لترسلها)',
  'reminders.route.whatsapp': 'واتساب (يُجهّز لترسله)',
  'reminders.step.before':
    '{days, plural, zero {قبل الاستحقاق} one {قبل الاستحقاق بيوم} two {قبل الاستحقاق بيومين} few {قبل الاستحقاق بـ# أيام} many {قبل الاستحقاق بـ# يومًا} other {قبل الاستحقاق بـ# يوم}}',
  'reminders.step.on': 'يوم الاستحقاق',
  'reminders.step.after':
    '{days, plural, zero {بعد الاستحقاق} one {بعد الاستحقاق بيوم} two {بعد الاستحقاق بيومين} few {بعد الاستحقاق بـ# أيام} many {بعد الاستحقاق بـ# يومًا} other {بعد الاستحقاق بـ# يوم}}',
  'reminders.state.sent': 'أُرسل',
  'reminders.state.prepared': 'جاهز للإرسال',
  'reminders.state.skipped': 'تُخطّي',
  'reminders.state.failed': 'فشل',
  'reminders.state.planned': 'مُخطط',
  'reminders.state.not_applicable': 'قبل الفاتورة',
  'reminders.state.stopped': 'متوقف',
  'reminders.run_now': 'إرسال التذكيرات المستحقة الآن',
  'reminders.run_result':
    '{count, plural, =0 {لا شيء مستحق.} one {عولج تذكير واحد.} two {عولج تذكيران.} few {عولجت # تذكيرات.} many {عولج # تذكيرًا.} other {عولج # تذكير.}}',
  'reminders.recent': 'أحدث التذكيرات',
  'reminders.none': 'لا تذكيرات بعد.',
  'reminders.col.invoice': 'الفاتورة',
  'reminders.col.customer': 'العميل',
  'reminders.col.when': 'متى',
  'reminders.col.date': 'التاريخ',
  'reminders.col.state': 'الحالة',
  'reminders.col.route': 'عبر',
  'reminders.col.detail': 'التفاصيل',
  'reminders.open_link': 'افتح للإرسال',
  'reminders.retry_at': 'تُعاد المحاولة {when}',
  'reminders.status.queued': 'ينتظر في صندوق الصادر',
  'reminders.invoice.title': 'التذكيرات',
  'reminders.invoice.own': 'مواعيد خاصة بهذه الفاتورة',
  'reminders.invoice.save_own': 'استخدام هذه المواعيد',
  'reminders.invoice.use_defaults': 'استخدام التذكيرات الافتراضية',
  'reminders.invoice.none': 'لا تذكيرات لهذه الفاتورة.',
  'reminders.invoice.stopped': 'لا مزيد من التذكيرات: الفاتورة لم تعد مستحقة.',
} satisfies Translation<typeof en>;
