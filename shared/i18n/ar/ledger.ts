import type en from '../en/ledger';
import type { Translation } from '../types';

export default {
  'error.backup_unsound':
    'فشلت النسخة الاحتياطية التلقائية في فحص السلامة فحُذفت؛ السجل نفسه لم يتغير. شغّل فحص السجل من الإعدادات.',
  'error.invalid_tax_rate': '{problem}',
  'error.tax_rate_required':
    'البند {line} بلا نسبة ضريبة ولا توجد نسبة ضريبة افتراضية: أدخل النسبة، أو اختر نسبة افتراضية في الإعدادات.',
  'error.tax_rate_archived': 'نسبة الضريبة هذه مؤرشفة؛ اختر نسبة مستخدمة لتكون الافتراضية.',
  'error.tax_rate_is_default': 'هذه هي نسبة الضريبة الافتراضية؛ اختر نسبة افتراضية أخرى قبل أرشفتها.',
  'history.action.created': 'أُنشئت',
  'history.action.updated': 'عُدّلت',
  'history.action.deleted': 'حُذفت',
  'history.action.issued': 'صدرت',
  'history.action.imported': 'استُوردت من مزوّد',
  'history.action.payment_recorded': 'سُجّلت دفعة',
  'history.action.payment_voided': 'أُبطلت دفعة',
  'history.action.refund_recorded': 'سُجّل استرداد',
  'history.action.refund_voided': 'أُبطل استرداد',
  'history.action.cancelled': 'أُلغيت',
  'history.action.credited': 'صدر عنها إشعار دائن',
  'history.action.expired': 'انتهت',
  'history.action.status_changed': 'تغيّرت الحالة',
  'history.action.sync_skipped': 'غير ممكن لدى المزوّد',
  'history.action.sync_needs_review': 'المزامنة تحتاج إلى مراجعة',
  'history.action.sync_failed': 'فشلت المزامنة',
  'history.action.sync_retried': 'أُعيدت محاولة المزامنة',
  'history.action.sync_resolved': 'حُلّت المزامنة يدويًا',
  'history.action.sync_linked': 'رُبطت بفاتورة لدى المزوّد',
  'history.action.provider_linked': 'رُبطت لدى المزوّد',
  'history.action.provider_created': 'أُرسلت إلى المزوّد',
  'history.action.provider_conflict': 'يبلغ المزوّد عن تعارض',
  'history.action.provider_reported_paid': 'يبلغ المزوّد أنها مدفوعة',
  'history.action.provider_cancelled': 'أُلغيت لدى المزوّد',
  'history.action.provider_marked_paid': 'عُلّمت مدفوعة لدى المزوّد',
  'history.action.provider_shared': 'شاركها المزوّد',
  'history.action.provider_delete_queued': 'طُلب الحذف لدى المزوّد',
  'history.action.provider_deleted': 'حُذفت لدى المزوّد',
  'history.actor.user': '(أنت)',
  'history.actor.cli': '(سطر الأوامر)',
  'history.actor.provider': '(المزوّد)',
  'history.actor.system': '(كاسا)',
  'error.issue_date_in_future': 'تاريخ الإصدار {date, date, medium} في المستقبل؛ أصدِر الفاتورة بتاريخ اليوم أو قبله.',
  'error.draft_dated_in_future':
    'هذه المسودة مؤرخة في {date, date, medium}، وهو تاريخ في المستقبل. أصدِرها في ذلك اليوم، أو غيّر تاريخ إصدارها إلى اليوم أو قبله.',
  'error.credit_line_unknown':
    'لا يوجد في الفاتورة بند رقم {line} (فيها {count, plural, zero {لا بنود} one {بند واحد} two {بندان} few {# بنود} many {# بندًا} other {# بند}}).',
  'error.credit_line_twice': 'البند {line} مذكور مرتين؛ اذكر كل بند مرة واحدة مع الكمية المراد إشعارها.',
  'error.credit_quantity_exceeds_line': 'البند {line}: الكمية {quantity} أكبر من الكمية المفوترة {invoiced}.',
  'error.credit_line_credited': 'البند {line} صدر له إشعار دائن بالكامل من قبل.',
  'error.credit_quantity_exceeds_left':
    'البند {line}: الكمية {quantity} أكبر من المتبقي للإشعار الدائن ({left})؛ فقد شملت إشعارات دائنة سابقة الباقي.',
  'error.refund_on_credit_note': 'يُسجَّل الاسترداد على الفاتورة التي يصححها الإشعار الدائن، لا على الإشعار الدائن نفسه.',
  'error.refund_on_draft': 'لم تتلقَّ المسودة أي مبلغ، فلا يوجد ما يُسترد.',
  'error.refund_not_owed': 'لا يوجد مبلغ مستحق للعميل على {number}: لم تتلقَّ أكثر مما تطلبه.',
  'error.refund_exceeds_owed': 'مبلغ الاسترداد ({amount}) أكبر من المستحق للعميل على {number} ({owed}).',
  'error.refund_credit_note_mismatch': 'هذا الإشعار الدائن لا يصحح {number}.',
  'error.refund_date_in_future': 'تاريخ الاسترداد {date, date, medium} في المستقبل.',
  'error.refund_not_found': 'لا يوجد استرداد بالمعرّف {id} على هذه الفاتورة.',
  'error.refund_already_voided': 'هذا الاسترداد مُبطل بالفعل.',
  'error.refund_undeletable': 'لا يمكن حذف الاستردادات؛ أبطل الاسترداد بدلًا من ذلك.',
  'error.refund_immutable': 'لا يمكن تعديل الاسترداد؛ أبطله وسجّل استردادًا جديدًا.',
  'error.payment_refunded':
    'إبطال هذه الدفعة يجعل المبلغ المسترد أكبر من المبلغ المستلم على {number}؛ أبطل الاسترداد أولًا.',
  'error.already_issued':
    '{by, select, meanwhile {أصدر شخص آخر الفاتورة في هذه الأثناء.} other {{number, select, none {الفاتورة} other {{number}}} صادرة بالفعل؛ تُصدر الفاتورة مرة واحدة.}}',
  'error.customer_required': 'اختر عميلًا قبل الإصدار.',
  'error.lines_required': 'أضف بندًا واحدًا على الأقل قبل الإصدار.',
  'error.due_before_issue': 'تاريخ الاستحقاق {dueDate, date, medium} قبل تاريخ الإصدار {issueDate, date, medium}.',
  'error.credit_note_not_allowed':
    '{what, select, cancelled {لا يمكن إلغاء إشعار دائن.} credited {لا يمكن إصدار إشعار دائن عن إشعار دائن.} other {لا يمكن أن يغيّر المزوّد إشعارًا دائنًا.}}',
  'error.draft_not_cancellable': 'المسودة لا تُلغى؛ احذفها بدلًا من ذلك.',
  'error.already_cancelled': '{number, select, none {الفاتورة} other {{number}}} ملغاة بالفعل.',
  'error.invoice_has_payments':
    '{by, select, provider {ألغى المزوّد فاتورة لها دفعات في السجل؛ راجعها يدويًا.} other {{number, select, none {الفاتورة} other {{number}}} لها دفعات؛ أبطلها أولًا، أو أصدر إشعارًا دائنًا بدلًا من ذلك.}}',
  'error.invoice_not_issued':
    '{context, select, credit {لا يصدر إشعار دائن عن مسودة؛ عدّلها أو احذفها بدلًا من ذلك.} provider_status {المسودة ليس لها حالة لدى المزوّد.} payment {أصدر الفاتورة قبل تسجيل دفعة.} other {لا تُرسل إلى المزوّد إلا الفواتير الصادرة (ذات الرقم).}}',
  'error.invoice_cancelled':
    '{context, select, credit {{number, select, none {الفاتورة} other {{number}}} ملغاة؛ لم يبقَ ما يصدر عنه إشعار دائن.} other {{number, select, none {الفاتورة} other {{number}}} ملغاة؛ لا يمكن دفعها.}}',
  'error.partial_credit_exists':
    'صدر عن {number, select, none {الفاتورة} other {{number}}} إشعار دائن جزئي؛ حدّد البنود المطلوبة.',
  'error.credit_empty': 'يجب أن يكون إجمالي الإشعار الدائن موجبًا.',
  'error.credit_exceeds_invoice': 'إجمالي الإشعار الدائن ({total}) يتجاوز المتبقي للإشعار على {number} ({left}).',
  'error.credit_before_invoice':
    'تاريخ الإصدار {date, date, medium} قبل تاريخ إصدار الفاتورة {invoiceDate, date, medium}.',
  'error.credit_note_not_payable': 'تُسجّل الدفعات على الفواتير لا على الإشعارات الدائنة.',
  'error.payment_date_in_future': 'تاريخ الدفعة {date, date, medium} في المستقبل.',
  'error.overpayment':
    'الدفعة ({amount}) أكبر من رصيد {number} ({balance}). سجّلها مع السماح بالدفع الزائد إن كان ردّ الفرق مستحقًا.',
  'error.payment_not_found': 'لا توجد دفعة {id} على هذه الفاتورة.',
  'error.payment_already_voided': 'هذه الدفعة مُبطلة بالفعل.',
  'error.discount_exceeds_lines': 'خصم الفاتورة أكبر من مجموع البنود.',
  'error.negative_total': 'يجب ألا يكون إجمالي الفاتورة سالبًا.',
  'error.invoice_not_draft':
    '{status, select, meanwhile {لم تعد الفاتورة مسودة أثناء تعديلها.} other {{number, select, none {هذه الفاتورة} other {{number}}} لم تعد مسودة؛ الفواتير الصادرة لا تتغير ({what, select, deleting {الحذف} other {التعديل}} للمسودات فقط؛ ألغِها أو أصدر إشعارًا دائنًا).}}',
  'error.file_exists': '{file} موجود بالفعل؛ اختر اسم ملف جديدًا.',
  'error.backup_failed': 'فشل النسخ الاحتياطي إلى {file}: {detail}',
  'error.backup_not_found': 'لا يوجد ملف نسخة احتياطية في {file}.',
  'error.restore_self': 'هذا هو السجل نفسه، وليس نسخة احتياطية.',
  'error.not_a_ledger':
    '{sqlite, select, yes {{file} ملف SQLite لكنه ليس سجل كاسا.} other {{file} ليس سجل كاسا (ليس قاعدة بيانات SQLite).}}',
  'error.backup_damaged': 'النسخة الاحتياطية {file} تالفة أو لا تجتاز فحص السجل؛ تُرك السجل الحالي كما هو.',
  'error.restore_failed': 'فشلت الاستعادة من {file}: {detail}',
  'error.series_not_found': 'لا توجد سلسلة ترقيم "{id}".',
  'error.issue_date_out_of_order':
    'تاريخ الإصدار {date, date, medium} قبل {last, date, medium}، وهو تاريخ آخر مستند {series} في {year, number, ::group-off}؛ يجب أن تتبع الأرقام تواريخ الإصدار.',
  'error.series_prefix_in_use': 'للسلسلة {series} مستندات مرقّمة بالفعل؛ لا تتغير بادئتها إلا قبل أول مستند.',
  'error.series_prefix_taken': 'البادئة {prefix} تستخدمها السلسلة {series} بالفعل.',
  'error.series_in_use':
    'للسلسلة {series} أرقام في {year, number, ::group-off} بالفعل؛ لا يُضبط أول رقم في السنة إلا قبل أول مستند.',
  'error.issued_invoice_immutable': 'لا يمكن تغيير فاتورة صادرة؛ ألغِها أو أصدر إشعارًا دائنًا.',
  'error.issued_invoice_undeletable': 'لا يمكن حذف فاتورة صادرة؛ ألغِها أو أصدر إشعارًا دائنًا.',
  'error.payment_undeletable': 'لا يمكن حذف الدفعات؛ أبطل الدفعة بدلًا من ذلك.',
  'error.payment_immutable': 'لا يمكن تعديل دفعة؛ أبطلها وسجّل دفعة جديدة.',
  'error.history_append_only': 'سجل الفاتورة يُضاف إليه فقط.',
  'error.ledger_refused': 'رفض السجل هذا التغيير.',
  'error.ledger_busy': 'السجل مشغول (عملية كاسا أخرى تحتجز قفل الكتابة)؛ أعد المحاولة.',
  'error.constraint_failed': 'رفض السجل هذا التغيير (لم تتحقق قاعدة اتساق).',
  'error.ledger_io': 'تعذّرت الكتابة في ملف السجل ({code}).',
  'error.ledger_too_new':
    'إصدار مخطط السجل {file} هو {version, number}، كتبه إصدار أحدث من كاسا؛ هذا الإصدار يعرف حتى {latest, number}. حدّث كاسا لفتحه. لم يتغير الملف.',
  'error.ledger_needs_migration': 'يحتاج السجل {file} إلى ترقية المخطط؛ افتحه مرة للقراءة والكتابة.',
  'error.ledger_open_failed': 'تعذّر فتح ملف السجل {file}: {detail}',
  // The ledger check (main/ledger/check.ts): what it checked and what it found.
  'check.invariant.sqlite_integrity': 'فحص سلامة SQLite',
  'check.invariant.sqlite_readable': 'SQLite يستطيع قراءة الملف',
  'check.invariant.foreign_keys': 'المفاتيح الخارجية',
  'check.invariant.search_index': 'فهرس البحث يطابق الفواتير',
  'check.invariant.totals': 'الإجماليات المخزنة = الإجماليات المعاد حسابها',
  'check.invariant.line_nets': 'صافي البنود',
  'check.invariant.issued_complete': 'للفواتير الصادرة بنود وعميل',
  'check.invariant.statuses': 'الحالات تطابق المدفوعات والإشعارات الدائنة',
  'check.invariant.numbering': 'الأرقام متصلة في كل سلسلة وسنة',
  'check.invariant.paid': 'المدفوع = مجموع المدفوعات',
  'check.invariant.credited': 'المُسجَّل دائنًا = مجموع الإشعارات الدائنة',
  'check.invariant.refunded': 'المسترد = مجموع المبالغ المستردة، ولا يزيد على المدفوع',
  'check.invariant.history': 'السجل التاريخي موجود وينتهي بالحالة الحالية',
  'check.invariant.outbox': 'لروابط المزوّدين عملية إنشاء في صندوق الصادر',
  'check.invariant.record_chain': 'سلسلة القيود: المستندات لم تتغير، والقيود متصلة، وكل مستند صادر مُقيَّد',
  'check.invariant.numbering_marks': 'الترقيم ليس متأخرًا عن العلامات المحفوظة في مجلد النسخ الاحتياطية',
  'check.ledger_unreadable': 'لا يستطيع SQLite قراءة السجل ({error})؛ استعد نسخة احتياطية (kassa restore FILE).',
  'check.ledger_went_back':
    '{fresh, select, yes {السجل جديد لكن بجانبه نسخ احتياطية أقدم} other {ترقيم السجل متأخر عن أرقام صدرت من قبل ({series}: التالي {next}، وصدر حتى {mark})}}؛ الترقيم متوقف حتى تستعيد نسخة احتياطية أو تقبل السجل كما هو (kassa series accept-numbers).',
  'check.search_index_damaged': 'فهرس البحث لا يطابق الفواتير ({error})؛ يمكن إعادة بنائه.',
  'check.line_net_mismatch': 'البند {line, number} من {invoice} صافيه المخزن لا يطابق الكمية × السعر − الخصم.',
  'check.totals_mismatch': 'الإجماليات المخزنة لـ {invoice} تختلف عن الإجماليات المعاد حسابها من بنودها.',
  'check.issued_without_lines': '{invoice} بلا بنود.',
  'check.issued_without_customer': '{invoice} بلا بيانات العميل.',
  'check.status_inconsistent':
    'حالة {invoice} {status, select, draft {مسودة} issued {صادرة} partially_paid {مدفوعة جزئيًا} paid {مدفوعة} cancelled {ملغاة} expired {منتهية} other {{status}}} لكن مدفوعاتها وإشعاراتها الدائنة تجعلها {expected, select, draft {مسودة} issued {صادرة} partially_paid {مدفوعة جزئيًا} paid {مدفوعة} cancelled {ملغاة} expired {منتهية} other {{expected}}}.',
  'check.cancelled_with_payments': '{invoice} ملغاة ولها مدفوعات.',
  'check.credit_note_state': 'الإشعار الدائن {invoice} يجب أن يكون صادرًا وغير مدفوع.',
  'check.numbering_gap':
    'السلسلة {series} {year}: {count, plural, zero {لا مستندات} one {مستند واحد} two {مستندان} few {# مستندات} many {# مستندًا} other {# مستند}} لكن الأرقام من {first} إلى {last} استُخدمت.',
  'check.numbering_without_counter':
    'مستندات مرقّمة بلا عدّاد سلسلة: {count, plural, zero {لا شيء} one {مستند واحد} two {مستندان} few {# مستندات} many {# مستندًا} other {# مستند}}.',
  'check.number_format':
    'السلسلة {series} {year}: أرقام لا تطابق تسلسلها: {count, plural, zero {لا شيء} one {رقم واحد} two {رقمان} few {# أرقام} many {# رقمًا} other {# رقم}}.',
  'check.paid_mismatch': '{invoice} تذكر أن المدفوع {stored}؛ ومجموع مدفوعاتها {actual}.',
  'check.credited_mismatch': '{invoice} تذكر أن المُسجَّل دائنًا {stored}؛ ومجموع إشعاراتها الدائنة {actual}.',
  'check.refunded_mismatch': '{invoice} تذكر أن المسترد {stored}؛ ومجموع مبالغها المستردة {actual}.',
  'check.payment_misplaced':
    'مدفوعات تخص مسودة أو إشعارًا دائنًا أو بعملة أخرى: {count, plural, zero {لا شيء} one {دفعة واحدة} two {دفعتان} few {# دفعات} many {# دفعة} other {# دفعة}}.',
  'check.refunded_over_paid': 'المسترد من {invoice} أكثر مما استلمته.',
  'check.refund_misplaced':
    'مبالغ مستردة تخص مسودة أو إشعارًا دائنًا أو بعملة أخرى أو تذكر إشعارًا دائنًا لفاتورة أخرى: {count, plural, zero {لا شيء} one {مبلغ واحد} two {مبلغان} few {# مبالغ} many {# مبلغًا} other {# مبلغ}}.',
  'check.history_missing': '{invoice} بلا سجل تاريخي.',
  'check.history_inconsistent':
    'حالة {invoice} {status, select, draft {مسودة} issued {صادرة} partially_paid {مدفوعة جزئيًا} paid {مدفوعة} cancelled {ملغاة} expired {منتهية} other {{status}}} لكن سجلها التاريخي ينتهي عند {last, select, draft {مسودة} issued {صادرة} partially_paid {مدفوعة جزئيًا} paid {مدفوعة} cancelled {ملغاة} expired {منتهية} other {{last}}}.',
  'check.history_not_issued':
    'مستندات صادرة بلا قيد «إصدار» في سجلها التاريخي: {count, plural, zero {لا شيء} one {مستند واحد} two {مستندان} few {# مستندات} many {# مستندًا} other {# مستند}}.',
  'check.outbox_missing':
    'روابط مزوّدين بلا معرّف بعيد ولا عملية «إنشاء» في صندوق الصادر: {count, plural, zero {لا شيء} one {رابط واحد} two {رابطان} few {# روابط} many {# رابطًا} other {# رابط}}.',
  'ledger.export.csv_label': '{what, select, lines {تصدير بنود الفواتير (CSV)} other {تصدير الفواتير (CSV)}}',
} satisfies Translation<typeof en>;
