import type en from '../en/customers';
import type { Translation } from '../types';

export default {
  'customers.import.unreadable': 'تعذّرت قراءة ملف CSV: {detail}',
  'customers.import.empty': 'ملف CSV فارغ؛ يحتاج إلى سطر عناوين فيه عمود "name" على الأقل.',
  'customers.import.unknown_column': 'عمود غير معروف "{column}". الأعمدة المعروفة: {known}.',
  'customers.import.no_name_column': 'سطر العناوين لا يحتوي على عمود "name".',
} satisfies Translation<typeof en>;
