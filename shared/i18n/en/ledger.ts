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
} as const;
