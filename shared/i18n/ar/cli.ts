import type en from '../en/cli';
import type { Translation } from '../types';

export default {
  'error.cli_extra_argument':
    'وسيط غير متوقع "{arg}": الأمر kassa {command} {count, plural, zero {لا يأخذ وسائط} one {يأخذ وسيطًا واحدًا} two {يأخذ وسيطين} few {يأخذ # وسائط} many {يأخذ # وسيطًا} other {يأخذ # وسيط}} (انظر kassa {command} --help).',
  'error.cli_option_twice': 'أُعطي الخيار {option} أكثر من مرة؛ أعطه مرة واحدة.',
  'error.cli_field_twice': 'أُعطي الحقل {field} مرتين (في ‎--data وكوسيط أو خيار)؛ أعطه مرة واحدة.',
  'error.cli_data_not_taken': 'الأمر kassa {command} لا يأخذ ‎--data (انظر kassa {command} --help).',
  'error.secrets_missing':
    'لا توجد مفاتيح سرية في الإدخال القياسي: مرّر كائن JSON واحدًا بحقول المفاتيح (مثلًا مع "apiKey").',
  'error.secrets_not_object': 'يجب أن يكون الإدخال القياسي كائن JSON واحدًا بحقول المفاتيح (مثلًا مع "apiKey").',
  'error.secret_not_string': 'يجب أن يكون المفتاح السري {name} نصًا في JSON.',
  'error.account_test_ok': 'متصل. {message}',
  'error.account_test_wrong_key': 'مفتاح خاطئ: {message}',
  'error.account_test_unreachable': 'تعذّر الوصول: {message}',
  'error.account_test_provider_error': 'خطأ من المزوّد: {message}',
  'error.account_test_provider_not_supported': 'هذا المزوّد غير متصل في هذا الإصدار من كاسا. {message}',
  'error.account_test_missing_secret': 'مفتاح مطلوب غير موجود في سلسلة المفاتيح. {message}',
  'error.usage': '{detail}',
  'error.invalid_data': 'يجب أن يكون {field} كائن JSON.',
  'error.account_ref_invalid': 'يجب أن يكون account معرّف حساب أو اسمه.',
  'error.file_unreadable': 'تعذّرت قراءة {file}: {reason}.',
  'error.import_rows_invalid':
    '{count, plural, zero {لا مشكلات} one {مشكلة واحدة} two {مشكلتان} few {# مشكلات} many {# مشكلة} other {# مشكلة}} في ملف CSV؛ لم يُستورد شيء.',
  'error.check_failed':
    'وجد فحص السجل {count, plural, zero {لا مشكلات} one {مشكلة واحدة} two {مشكلتين} few {# مشكلات} many {# مشكلة} other {# مشكلة}}{integrity, select, broken { وأخطاء سلامة في SQLite} other {}}.',
} satisfies Translation<typeof en>;
