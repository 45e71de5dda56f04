import type en from '../en/errors';
import type { Translation } from '../types';

export default {
  'error.internal_error': 'حدث خطأ غير متوقع؛ راجع السجل للتفاصيل.',
  'error.host_unreachable': 'كاسا لا يعمل (لم يستجب مضيف المتصفح).',
  'error.host_http_status': 'أجاب مضيف المتصفح بالرمز {status}.',
  'error.body_not_utf8': 'نص الطلب ليس نصًا بترميز UTF-8.',
  'error.unknown_method': 'طريقة غير معروفة "{name}".',
  'error.invoice_not_found': 'لا توجد فاتورة بالمعرّف {id}.',
  'error.customer_not_found': 'لا يوجد عميل بالمعرّف {id}.',
  'error.tax_rate_not_found': 'لا توجد نسبة ضريبة بالمعرّف {id}.',
  'error.account_not_found':
    'لا يوجد حساب مزوّد بالمعرّف أو الاسم "{id}".{hasKnown, select, yes { الحسابات المعروفة: {known}.} no { لا توجد حسابات بعد.} other {}}',
  'error.sync_item_not_found': 'لا يوجد عنصر مزامنة بالمعرّف {id}.',
  'error.unknown_currency': '"{code}" ليس رمز عملة ISO-4217 يعرفه هذا النظام (مثل EUR أو EGP أو NGN).',
  'error.phone_empty': 'أدخل رقم هاتف.',
  'error.phone_needs_country':
    'أضف رمز الدولة (مثل ‎+20 100 123 4567‎)، أو حدّد دولة العميل: لا يمكن قراءة رقم محلي بدونها.',
  'error.phone_invalid':
    'هذا ليس رقم هاتف صالحًا. اكتبه كما يعطيه العميل، مع رمز الدولة (مثل ‎+20 100 123 4567‎) أو بعد تحديد دولة العميل.',
  'error.phone_not_mobile': 'هذا ليس رقم هاتف محمول، فلا يمكنه استقبال رسائل SMS أو واتساب.',
  'error.invalid_amount': '{field} ليس رقمًا محدودًا.',
  'error.invalid_decimal': '"{text}" ليس رقمًا عشريًا (استخدم أرقامًا ونقطة، مثل 1.5).',
  'error.too_many_decimals':
    'يقبل {field} {max, plural, =0 {أعدادًا صحيحة فقط} one {منزلة عشرية واحدة على الأكثر} two {منزلتين عشريتين على الأكثر} few {# منازل عشرية على الأكثر} many {# منزلة عشرية على الأكثر} other {# منزلة عشرية على الأكثر}}.',
  'error.negative_not_allowed': 'يجب ألا يكون {field} سالبًا.',
  'error.amount_too_large': '{field} كبير جدًا.',
  'error.invalid_json':
    '{source, select, data {قيمة --data ليست JSON صالحًا.} body {جسم الطلب ليس JSON صالحًا.} other {الإدخال القياسي ليس JSON صالحًا؛ المتوقع كائن واحد بحقول المفاتيح (مثلًا مع "apiKey").}}',
  'error.untrusted_sender': 'لا يحق لهذه الصفحة استدعاء كاسا.',
  'error.path_not_allowed': 'لا يختار مسار الملف إلا سطر الأوامر؛ يستخدم التطبيق مجلد البيانات.',
  'error.export_too_large': 'أكثر من {max, number} صف: صدّر إلى ملف بدلًا من ذلك.',
  'error.export_failed': 'فشل التصدير إلى {file}: {detail}',
  'error.export_job_not_found': 'لا توجد مهمة تصدير PDF {id} (تُحفظ المهام المنتهية لفترة فقط).',
  'error.pdf_write_failed': 'تعذّرت كتابة {file}: {detail}',
  'error.body_too_large': 'جسم الطلب أكبر من {mb, number} م.ب.',
  'error.native_module_missing':
    'لم تُبنَ وحدة SQLite لـ Electron {electron} (ABI {abi}). شغّل "npm run rebuild:electron" (يفعل npm start ذلك عنك).',
  'error.pdf_fonts_missing': 'خطوط PDF مفقودة؛ جرى البحث في: {looked}.',
} satisfies Translation<typeof en>;
