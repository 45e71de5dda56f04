/** Ledger rules: numbering, issuing, payments, credit notes, cancellations, history entries, backups. */
export default {
  // Backups.
  'error.backup_unsound':
    'The automatic backup failed its integrity check and was deleted; the ledger itself is unchanged. Run the ledger check in Settings.',
  'error.invalid_tax_rate': '{problem}',
  // The default tax rate.
  'error.tax_rate_required':
    'Line {line} names no tax rate and there is no default tax rate: give the rate, or choose a default tax rate in Settings.',
  'error.tax_rate_archived': 'That tax rate is archived; choose one in use as the default.',
  'error.tax_rate_is_default': 'This is the default tax rate; choose another default before archiving it.',
  'history.action.created': 'created',
  'history.action.updated': 'updated',
  'history.action.deleted': 'deleted',
  'history.action.issued': 'issued',
  'history.action.imported': 'imported from a provider',
  'history.action.payment_recorded': 'payment recorded',
  'history.action.payment_voided': 'payment voided',
  'history.action.refund_recorded': 'refund recorded',
  'history.action.refund_voided': 'refund voided',
  'history.action.cancelled': 'cancelled',
  'history.action.credited': 'credited',
  'history.action.expired': 'expired',
  'history.action.status_changed': 'status changed',
  'history.action.sync_skipped': 'not possible at the provider',
  'history.action.sync_needs_review': 'sync needs review',
  'history.action.sync_failed': 'sync failed',
  'history.action.sync_retried': 'sync retried',
  'history.action.sync_resolved': 'sync resolved by hand',
  'history.action.sync_linked': 'linked to a remote invoice',
  'history.action.provider_linked': 'linked at the provider',
  'history.action.provider_created': 'sent to the provider',
  'history.action.provider_conflict': 'provider reports a conflict',
  'history.action.provider_reported_paid': 'provider reports it paid',
  'history.action.provider_cancelled': 'cancelled at the provider',
  'history.action.provider_marked_paid': 'marked paid at the provider',
  'history.action.provider_shared': 'shared by the provider',
  'history.action.provider_delete_queued': 'delete at the provider requested',
  'history.action.provider_deleted': 'deleted at the provider',
  'history.actor.user': '(you)',
  'history.actor.cli': '(command line)',
  'history.actor.provider': '(provider)',
  'history.actor.system': '(Kassa)',
  // Issuing: the draft's date is respected.
  'error.issue_date_in_future': 'The issue date {date, date, medium} is in the future; issue on or before today.',
  'error.draft_dated_in_future':
    'This draft is dated {date, date, medium}, which is in the future. Issue it on that day, or change its issue date to today or earlier.',
  // Credit notes by line.
  'error.credit_line_unknown': 'The invoice has no line {line} (it has {count, plural, one {# line} other {# lines}}).',
  'error.credit_line_twice': 'Line {line} is listed twice; give each line once with the quantity to credit.',
  'error.credit_quantity_exceeds_line': 'Line {line}: {quantity} is more than the {invoiced} invoiced.',
  'error.credit_line_credited': 'Line {line} has already been credited in full.',
  'error.credit_quantity_exceeds_left':
    'Line {line}: {quantity} is more than is left to credit ({left}); earlier credit notes credited the rest.',
  // Refunds: money paid back to a customer.
  'error.refund_on_credit_note':
    'A refund is recorded on the invoice the credit note corrects, not on the credit note.',
  'error.refund_on_draft': 'A draft has received no money, so there is nothing to refund.',
  'error.refund_not_owed':
    'Nothing is owed back to the customer on {number}: it has not received more than it asks for.',
  'error.refund_exceeds_owed': 'The refund ({amount}) is more than is owed back on {number} ({owed}).',
  'error.refund_credit_note_mismatch': 'That credit note does not correct {number}.',
  'error.refund_date_in_future': 'The refund date {date, date, medium} is in the future.',
  'error.refund_not_found': 'No refund with id {id} on this invoice.',
  'error.refund_already_voided': 'This refund is already void.',
  'error.refund_undeletable': 'Refunds cannot be deleted; void the refund instead.',
  'error.refund_immutable': 'A refund cannot be edited; void it and record a new one.',
  'error.payment_refunded':
    'Voiding this payment would leave more refunded than received on {number}; void the refund first.',
  'error.already_issued':
    '{by, select, meanwhile {The invoice was issued by someone else meanwhile.} other {{number, select, none {The invoice} other {{number}}} is already issued; an invoice is issued once.}}',
  'error.customer_required': 'Choose a customer before issuing.',
  'error.lines_required': 'Add at least one line before issuing.',
  'error.due_before_issue': 'The due date {dueDate, date, medium} is before the issue date {issueDate, date, medium}.',
  'error.credit_note_not_allowed':
    '{what, select, cancelled {A credit note cannot be cancelled.} credited {A credit note cannot be credited.} other {A credit note cannot be changed by a provider.}}',
  'error.draft_not_cancellable': 'A draft is not cancelled; delete it instead.',
  'error.already_cancelled': '{number, select, none {The invoice} other {{number}}} is already cancelled.',
  'error.invoice_has_payments':
    '{by, select, provider {The provider cancelled an invoice that has payments in the ledger; review it by hand.} other {{number, select, none {The invoice} other {{number}}} has payments; void them first, or issue a credit note instead.}}',
  'error.invoice_not_issued':
    '{context, select, credit {A draft cannot be credited; edit or delete it instead.} provider_status {A draft has no provider status.} payment {Issue the invoice before recording a payment.} other {Only issued invoices (with a number) can be sent to a provider.}}',
  'error.invoice_cancelled':
    '{context, select, credit {{number, select, none {The invoice} other {{number}}} is cancelled; there is nothing left to credit.} other {{number, select, none {The invoice} other {{number}}} is cancelled; it cannot be paid.}}',
  'error.partial_credit_exists':
    '{number, select, none {The invoice} other {{number}}} is already partly credited; name the lines to credit.',
  'error.credit_empty': 'A credit note must have a positive total.',
  'error.credit_exceeds_invoice':
    'The credit note total ({total}) exceeds what is left to credit on {number} ({left}).',
  'error.credit_before_invoice':
    "The issue date {date, date, medium} is before the invoice's issue date {invoiceDate, date, medium}.",
  'error.credit_note_not_payable': 'Payments are recorded on invoices, not on credit notes.',
  'error.payment_date_in_future': 'The payment date {date, date, medium} is in the future.',
  'error.overpayment':
    'The payment ({amount}) is more than the balance of {number} ({balance}). Allow an overpayment to record it if the difference is to be paid back.',
  'error.payment_not_found': 'No payment {id} on this invoice.',
  'error.payment_already_voided': 'This payment is already void.',
  'error.discount_exceeds_lines': 'The invoice discount is larger than the sum of the lines.',
  'error.negative_total': 'The invoice total must not be negative.',
  'error.invoice_not_draft':
    '{status, select, meanwhile {The invoice stopped being a draft while it was being edited.} other {{number, select, none {This invoice} other {{number}}} is no longer a draft; issued invoices are immutable ({what, select, deleting {deleting} other {editing}} only works on drafts; cancel it or issue a credit note).}}',
  'error.file_exists': '{file} already exists; choose a new file name.',
  'error.backup_failed': 'The backup to {file} failed: {detail}',
  'error.backup_not_found': 'No backup file at {file}.',
  'error.restore_self': 'That is the ledger itself, not a backup.',
  'error.not_a_ledger':
    '{sqlite, select, yes {{file} is an SQLite file but not a Kassa ledger.} other {{file} is not a Kassa ledger (not an SQLite database).}}',
  'error.backup_damaged':
    'The backup {file} is damaged or fails the ledger check; the current ledger was left as it is.',
  'error.restore_failed': 'Restoring from {file} failed: {detail}',
  'error.series_not_found': 'No numbering series "{id}".',
  'error.issue_date_out_of_order':
    'The issue date {date, date, medium} is before {last, date, medium}, the date of the last {series} document of {year, number, ::group-off}; numbers must follow issue dates.',
  'error.series_prefix_in_use':
    '{series} has numbered documents already; its prefix can only change before the first one.',
  'error.series_prefix_taken': 'The prefix {prefix} is used by the series {series} already.',
  'error.series_in_use':
    '{series} already has numbers in {year, number, ::group-off}; the first number of a year can only be set before the first document.',
  'error.issued_invoice_immutable': 'An issued invoice cannot be changed; cancel it or issue a credit note.',
  'error.issued_invoice_undeletable': 'An issued invoice cannot be deleted; cancel it or issue a credit note.',
  'error.payment_undeletable': 'Payments cannot be deleted; void the payment instead.',
  'error.payment_immutable': 'A payment cannot be edited; void it and record a new one.',
  'error.history_append_only': 'Invoice history is append-only.',
  'error.ledger_refused': 'The ledger refused this change.',
  'error.ledger_busy': 'The ledger is busy (another Kassa process holds the write lock); try again.',
  'error.constraint_failed': 'The ledger refused this change (a consistency rule failed).',
  'error.ledger_io': 'The ledger file could not be written ({code}).',
  'error.ledger_too_new':
    'The ledger {file} has schema version {version, number}, written by a newer Kassa; this version knows up to {latest, number}. Update Kassa to open it. The file was not changed.',
  'error.ledger_needs_migration': 'The ledger {file} needs a schema upgrade; open it once read-write.',
  'error.ledger_open_failed': 'Cannot open the ledger file {file}: {detail}',
  // The ledger check (main/ledger/check.ts): what it checked and what it found.
  'check.invariant.sqlite_integrity': 'SQLite integrity check',
  'check.invariant.sqlite_readable': 'SQLite can read the file',
  'check.invariant.foreign_keys': 'foreign keys',
  'check.invariant.search_index': 'search index matches invoices',
  'check.invariant.totals': 'stored totals = recomputed totals',
  'check.invariant.line_nets': 'line nets',
  'check.invariant.issued_complete': 'issued invoices have lines and a customer',
  'check.invariant.statuses': 'statuses match payments and credits',
  'check.invariant.numbering': 'numbers gapless per series and year',
  'check.invariant.paid': 'paid = sum of payments',
  'check.invariant.credited': 'credited = sum of credit notes',
  'check.invariant.refunded': 'refunded = sum of refunds, never more than paid',
  'check.invariant.history': 'history present and ends at the current status',
  'check.invariant.outbox': 'provider links have their outbox create',
  'check.invariant.record_chain': 'record chain: documents unchanged, entries linked, every issued document recorded',
  'check.invariant.numbering_marks': 'numbering not behind the marks kept in the backups folder',
  'check.ledger_unreadable': 'SQLite cannot read the ledger ({error}); restore a backup (kassa restore FILE).',
  'check.ledger_went_back':
    "{fresh, select, yes {The ledger is new but earlier backups exist beside it} other {The ledger's numbering is behind the numbers already issued ({series}: next {next}, issued up to {mark})}}; numbering is stopped until you restore a backup or accept the ledger (kassa series accept-numbers).",
  'check.search_index_damaged': 'The search index does not match the invoices ({error}); it can be rebuilt.',
  'check.line_net_mismatch':
    'Line {line, number} of {invoice} has a stored net that does not match its quantity × price − discount.',
  'check.totals_mismatch': 'Stored totals of {invoice} differ from the totals recomputed from its lines.',
  'check.issued_without_lines': '{invoice} has no lines.',
  'check.issued_without_customer': '{invoice} has no customer snapshot.',
  'check.status_inconsistent':
    '{invoice} is {status, select, draft {a draft} issued {issued} partially_paid {partially paid} paid {paid} cancelled {cancelled} expired {expired} other {{status}}} but its payments and credits make it {expected, select, draft {a draft} issued {issued} partially_paid {partially paid} paid {paid} cancelled {cancelled} expired {expired} other {{expected}}}.',
  'check.cancelled_with_payments': '{invoice} is cancelled but has payments.',
  'check.credit_note_state': 'Credit note {invoice} must be issued and unpaid.',
  'check.numbering_gap':
    'Series {series} {year}: {count, plural, one {# document} other {# documents}} but numbers {first}…{last} were taken.',
  'check.numbering_without_counter':
    '{count, plural, one {# numbered document has} other {# numbered documents have}} no series counter.',
  'check.number_format':
    'Series {series} {year}: {count, plural, one {# number does} other {# numbers do}} not match their sequence.',
  'check.paid_mismatch': '{invoice} says {stored} paid; its payments add up to {actual}.',
  'check.credited_mismatch': '{invoice} says {stored} credited; its credit notes add up to {actual}.',
  'check.refunded_mismatch': '{invoice} says {stored} refunded; its refunds add up to {actual}.',
  'check.payment_misplaced':
    '{count, plural, one {# payment belongs to a draft or a credit note, or has another currency.} other {# payments belong to a draft or a credit note, or have another currency.}}',
  'check.refunded_over_paid': '{invoice} has more refunded than it received.',
  'check.refund_misplaced':
    '{count, plural, one {# refund belongs to a draft or a credit note, has another currency, or names a credit note of another invoice.} other {# refunds belong to a draft or a credit note, have another currency, or name a credit note of another invoice.}}',
  'check.history_missing': '{invoice} has no history.',
  'check.history_inconsistent':
    '{invoice} is {status, select, draft {a draft} issued {issued} partially_paid {partially paid} paid {paid} cancelled {cancelled} expired {expired} other {{status}}} but its history ends at {last, select, draft {draft} issued {issued} partially_paid {partially paid} paid {paid} cancelled {cancelled} expired {expired} other {{last}}}.',
  'check.history_not_issued':
    '{count, plural, one {# issued document has} other {# issued documents have}} no "issued" history entry.',
  'check.outbox_missing':
    '{count, plural, one {# provider link has} other {# provider links have}} neither a remote id nor an outbox "create".',
  'ledger.export.csv_label': '{what, select, lines {Export invoice lines (CSV)} other {Export invoices (CSV)}}',
} as const;
