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
  'recovery.size_kb': '{kb, number} كيلوبايت',
  'recovery.kind.auto': 'تلقائية',
  'recovery.kind.manual': 'أنشأتها أنت',
  'recovery.kind.before-restore': 'قبل استعادة',
  'recovery.kind.before-upgrade': 'قبل ترقية',
  'recovery.restore': 'استعادة',
  'recovery.restoring': 'جارٍ الاستعادة…',
  'recovery.restored': 'تمت الاستعادة من {file}. حُفظ الملف التالف باسم {kept}. تبدأ كاسا من جديد.',
  'recovery.reload': 'افتح كاسا',
  'wentBack.title': 'الترقيم متوقف: دفتر الحسابات رجع إلى الوراء',
  'wentBack.intro':
    'هذا الدفتر متأخر عن أرقام أصدرها Kassa من قبل: أُعيدت نسخة أقدم، أو أُفرغ الملف، أو ضاعت كتابة عند توقف مفاجئ. لن يُصدر Kassa أي رقم حتى تقرر، كي لا يحصل عميل على رقم مرتين. لم يتغير شيء.',
  'wentBack.fresh': 'ملف الدفتر جديد أو فارغ، لكن بجانبه نسخ احتياطية من دفتر سابق.',
  'wentBack.col.series': 'السلسلة',
  'wentBack.col.issued': 'آخر رقم صدر من قبل',
  'wentBack.col.kept': 'آخر رقم في هذا الدفتر',
  'wentBack.series': '{series} {year}',
  'wentBack.none_kept': 'لا يوجد',
  'wentBack.restore.title': 'استعادة نسخة احتياطية',
  'wentBack.restore.help': 'اختر نسخة تحتوي الأرقام الناقصة (عادةً الأحدث). يُنسخ الدفتر الحالي جانبًا أولًا.',
  'wentBack.continue.title': 'المتابعة بهذا الدفتر',
  'wentBack.continue.help': 'فقط إن كنت متأكدًا أن المستندات الناقصة لم تُرسل قط: ستُعطى أرقامها مرة أخرى.',
  'wentBack.continue.after': 'متابعة الترقيم بعد {number}',
  'wentBack.continue.as_is': 'متابعة الترقيم بهذا الدفتر',
  'wentBack.confirm.restore_title': 'استعادة هذه النسخة؟',
  'wentBack.confirm.restore':
    'تحل النسخة المصنوعة في {when} ({file}) محل الدفتر. يُنسخ الدفتر الحالي أولًا إلى مجلد النسخ الاحتياطية كنسخة قبل الاستعادة. ثم تُقارن الأرقام من جديد بما صدر من قبل.',
  'wentBack.confirm.restore_yes': 'استعادة هذه النسخة',
  'wentBack.confirm.continue_title': 'متابعة الترقيم بهذا الدفتر؟',
  'wentBack.confirm.continue_series':
    'سيكون الرقم التالي {next}. الأرقام من {next} إلى {last} صدرت من قبل وقد تكون لدى عملاء: ستُعطى مرة أخرى لمستندات جديدة.',
  'wentBack.confirm.continue_fresh':
    'يبدأ الترقيم من جديد من أول رقم في كل سلسلة. قد تحتوي النسخ الاحتياطية بجانب هذا الدفتر على مستندات بهذه الأرقام.',
  'wentBack.confirm.continue_final': 'تُنسى بعد ذلك الأرقام التي صدرت من قبل؛ لا يمكن التراجع عن ذلك.',
  'wentBack.confirm.continue_yes': 'نعم، تابع الترقيم',
  'wentBack.restored_still_behind':
    'تمت الاستعادة من {file}، لكن هذه النسخة متأخرة أيضًا عن الأرقام الصادرة. اختر نسخة أحدث أو تابع بها.',
} satisfies Translation<typeof en>;
