/** The bookkeeper's pack: closed periods, the VAT summary, e-invoice XML, the record chain and period archives. */
export default {
  'error.invalid_period':
    '"{text}" is not a period: write a month as YYYY-MM (e.g. 2026-03) or a quarter as YYYY-QN (e.g. 2026-Q1).',
  'error.period_closed':
    'The period {period} is closed: nothing can be issued, credited, paid, refunded or cancelled on {date}. Reopen {period} first if this must change.',
  'error.period_already_closed': '{period} is already closed.',
  'error.period_not_closed': '{period} is not closed.',
  'error.period_not_over': '{period} is not over yet (it ends on {end}); close it once it has ended.',
  'error.period_inside_closed': '{period} lies inside the closed period {closedBy}; reopen {closedBy} instead.',
  'error.record_check_failed':
    'The record check found {count, plural, one {# problem} other {# problems}}: see the report.',
  'error.file_write_failed': 'Cannot write {file}; check that the folder exists and can be written.',
  'error.xml_of_draft': 'A draft is not an invoice yet: issue it before making its e-invoice.',
  'error.archive_target_exists': '{file} exists already; choose a new file name for the archive.',
  'error.archive_target_not_empty': '{file} is not an empty folder; choose a new or empty folder for the archive.',
  'error.archive_unreadable': 'The archive cannot be read as a zip file ({reason}).',
  'error.archive_no_manifest':
    'The archive has no manifest.json: it was not made by Kassa, or the manifest was removed.',
  'error.archive_manifest_invalid': "The archive's manifest.json is not a Kassa manifest.",
  'error.archive_verify_failed':
    '{count, plural, one {# file of the archive does} other {# files of the archive do}} not match the manifest.',
  'error.archive_job_not_found': 'No archive job {id} (finished jobs are kept for a while only).',
  'error.archive_failed': 'The archive could not be made: {error}',
  'error.archive_incomplete': '{failed} of {total} documents could not be written; see errors.',
  'error.archive_unverified': 'The archive could not be checked: {reason}',
  'error.record_chain_append_only': 'The record chain is append-only: its entries cannot be changed or removed.',

  'validation.period': '{field} must be a month such as 2026-03 or a quarter such as 2026-Q1.',
  'validation.endpoint':
    '{field} must be an EAS scheme code, a colon and the identifier (e.g. EM:name@example.com, 9930:DE123456789).',
  'field.period': 'period',
  'field.buyerReference': 'buyer reference',
  'field.sellerEndpoint': 'seller electronic address',
  'field.buyerEndpoint': 'buyer electronic address',
  'field.format': 'format',
  'field.out': 'output',

  'check.record_changed':
    '{kind, select, invoice {Invoice} credit_note {Credit note} cancellation {The cancellation of} payment {A payment on} payment_void {A payment void on} refund {A refund on} refund_void {A refund void on} period_closed {The close of} period_reopened {The reopening of} other {The record of}} {label} was changed outside Kassa (record entry {seq}).',
  'check.record_document_missing':
    '{kind, select, invoice {Invoice} credit_note {Credit note} cancellation {The cancellation of} payment {A payment on} payment_void {A payment void on} refund {A refund on} refund_void {A refund void on} period_closed {The close of} period_reopened {The reopening of} other {The record of}} {label} is in the record (entry {seq}) but no longer in the ledger.',
  'check.record_chain_broken':
    'Record entry {seq} ({label}) does not follow from the entry before it: the record itself was changed outside Kassa.',
  'check.record_chain_gap': 'The record jumps from entry {seq} to {found}: entries were removed.',
  'check.record_chain_unreadable': 'The record chain could not be read ({error}).',
  'check.record_not_chained':
    '{kind, select, invoice {Invoice} credit_note {Credit note} cancellation {The cancellation of} payment {A payment on} payment_void {A payment void on} refund {A refund on} refund_void {A refund void on} period_closed {The close of} period_reopened {The reopening of} other {The record of}} {label} has no entry in the record: it was written outside Kassa.',
  'vat.title': 'VAT summary',
  'vat.range': '{from} – {to}',
  'vat.generated': 'Made on {at}',
  'vat.closed': 'Closed periods: {periods}',
  'vat.open': 'Not closed: the figures may still change.',
  'vat.documents': '{count, plural, one {# document} other {# documents}}',
  'vat.none': 'No invoice or credit note was issued in this range.',
  'vat.currency': 'Amounts in {currency}',
  'vat.col.category': 'VAT category',
  'vat.col.rate': 'Rate',
  'vat.col.invoices': 'Invoices',
  'vat.col.creditNotes': 'Credit notes',
  'vat.col.net': 'Net',
  'vat.col.taxable': 'Taxable',
  'vat.col.tax': 'VAT',
  'vat.total': 'Total',
  'vat.exemptions': 'Exemption reasons: {reasons}',
  'vat.cancelled': '{count, plural, one {# cancelled invoice} other {# cancelled invoices}} ({amount}) not included.',
  'vat.chain': 'Record: {length, plural, one {# entry} other {# entries}}, head {hash}',
  'vat.category.S': 'Standard rate',
  'vat.category.Z': 'Zero rated',
  'vat.category.E': 'Exempt',
  'vat.category.AE': 'Reverse charge',
  'vat.category.K': 'Intra-community supply',
  'vat.category.G': 'Export outside the EU',
  'vat.category.O': 'Not subject to VAT',
  'vat.category.L': 'IGIC (Canary Islands)',
  'vat.category.M': 'IPSI (Ceuta and Melilla)',
} as const;
