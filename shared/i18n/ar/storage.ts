import type en from '../en/storage';
import type { Translation } from '../types';

export default {
  'error.data_dir_empty': 'خيار مجلد البيانات فارغ: حدّد مجلدًا، أو احذف الخيار لاستخدام المجلد الافتراضي.',
  'error.data_dir_unusable':
    'لا يمكن استخدام مجلد البيانات {path}: {reason, select, not_a_folder {إنه ملف وليس مجلدًا} no_access {لا يُسمح لكاسا بالقراءة والكتابة فيه} system_folder {إنه مجلد نظام (‎/proc أو ‎/sys أو ‎/dev) وليس مساحة تخزين} other {لا يمكن فتحه}}.',
  'error.output_unusable':
    'لا يمكن لكاسا الكتابة في {path}: {reason, select, folder {إنه مجلد؛ سمِّ ملفًا داخله} not_a_file {إنه ليس ملفًا عاديًا (قرص أو مقبس، أو جهاز حيث يلزم ملف قاعدة بيانات)} link_loop {روابطه الرمزية تدور في حلقة} other {لا يمكن الكتابة فيه}}.',
  'error.ledger_damaged':
    'دفتر الحسابات {file} تالف: لا يستطيع SQLite قراءته. لم يتغيّر شيء. استعِد نسخة احتياطية (kassa restore FILE، أو شاشة الاستعادة)؛ يُحفظ الملف التالف جانبًا في مجلد النسخ الاحتياطية.',
  'error.ledger_went_back':
    'الترقيم متوقف: دفتر الحسابات متأخر عن أرقام صدرت من قبل ({series}: رقمه التالي {next}، لكن صدرت أرقام حتى {mark} — نسخة أقدم أو ملف أُفرغ أو كتابة ضاعت). استعِد نسخة احتياطية تحتويها، أو اقبل الدفتر كما هو (kassa series accept-numbers).',
  'recovery.title': 'لا يمكن قراءة دفتر الحسابات',
  'recovery.intro':
    'وجدت كاسا تلفًا في ملف دفتر الحسابات ولم تغيّر شيئًا. استعِد إحدى النسخ الاحتياطية أدناه: يُحفظ الملف التالف جانبًا في مجلد النسخ الاحتياطية ولا يُحذف أبدًا.',
  'recovery.backups': 'النسخ الاحتياطية، الأحدث أولًا',
  'recovery.none':
    'لا توجد نسخة احتياطية في مجلد النسخ الاحتياطية. ضع ملف نسخة احتياطية هناك ثم أعد التحميل، أو استخدم «kassa restore FILE» في الطرفية.',
  'recovery.when': 'أُنشئت',
  'recovery.kind': 'النوع',
  'recovery.size': 'الحجم',
  'recovery.kind.auto': 'تلقائية',
  'recovery.kind.manual': 'أنشأتها أنت',
  'recovery.kind.before-restore': 'قبل استعادة',
  'recovery.kind.before-upgrade': 'قبل ترقية',
  'recovery.restore': 'استعادة',
  'recovery.restoring': 'جارٍ الاستعادة…',
  'recovery.restored': 'تمت الاستعادة من {file}. حُفظ الملف التالف باسم {kept}. تبدأ كاسا من جديد.',
  'recovery.reload': 'افتح كاسا',
} satisfies Translation<typeof en>;
