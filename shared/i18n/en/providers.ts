/** Payment providers: their fields, capabilities and errors. */
export default {
  'providers.field.kashio.secretKey': 'Secret key',
  'providers.field.kashio.defaultCurrency': 'Default currency',
  'providers.field.kashier.secretKey': 'Secret key',
  'providers.field.kashier.paymentApiKey': 'Payment API key',
  'providers.field.kashier.merchantId': 'Merchant ID (MID-…)',
  'providers.field.kashier.defaultCurrency': 'Default currency',
  'providers.field.kashier.storeName': 'Store name',
  'providers.field.paycashless.apiKey': 'API key',
  'providers.field.paycashless.apiSecret': 'API secret',
  'providers.field.paycashless.defaultCurrency': 'Default currency',
  'providers.field.kaspa.apiKey': 'API key',
  'providers.field.kaspa.defaultCurrency': 'Default currency',
  'providers.field.simplecash.apiKey': 'Store API key',
  'providers.field.simplecash.defaultCurrency': 'Default currency',
  'providers.placeholder.defaultCurrency': 'e.g. USD',
  'providers.op.cancel': 'Cancel',
  'providers.op.markPaid': 'Mark paid',
  'providers.op.share': 'Send to the customer',
  'providers.op.delete': 'Delete',
  'providers.op.paymentUrl': 'Payment link',
  'providers.op.lookupByReference': 'Check a sent invoice arrived',
  'providers.link.cannot': 'What {provider} cannot do, and what to do instead',
  'providers.link.delete': 'Delete at {provider}',
  'providers.link.delete_confirm':
    'Delete the copy of {number} at {provider}? {provider} deletes only unpaid payment requests and unpaid drafts; the invoice stays here.',
  'providers.link.delete_queued': 'Queued: the copy at {provider} is deleted at the next sync.',
  'providers.link.observed': '(link follows an undocumented pattern)',
  'providers.status.kashier.paid': 'paid',
  'providers.status.kashier.unpaid': 'unpaid',
  'providers.status.kashier.submitted': 'sent',
  'providers.status.kashier.draft': 'draft',
  'providers.status.kashier.cancelled': 'cancelled',
  'providers.link.deleted': 'deleted there',
  'providers.simplecash.timeout':
    'SimpleCash has no due date: this invoice times out there after {timeout, select, 3_hours {3 hours} 12_hours {12 hours} day {a day} 3_days {3 days} other {a week}} (the allowed time nearest to the due date).',
  'providers.caveats.title': 'About {provider}',
  'providers.caveat.kashier.observed_link':
    'The payment link follows the pattern public clients use (merchant.kashier.io/en/prepay/…); Kashier does not document it.',
  'providers.caveat.kashier.delete_drafts':
    'Delete works only on unpaid payment requests and unpaid draft invoices; Kassa sends invoices as submitted, so cancel those instead.',
  'providers.caveat.kashio.no_link':
    'KashIO documents no payment URL: the customer pays with the KTIN code shown on the invoice.',
  'providers.caveat.kashio.void': 'Cancel voids the payment order (DELETE); KashIO has no hard delete.',
  'providers.caveat.kaspa.no_get':
    'There is no call to read one invoice: statuses come from list pages (filtered by status).',
  'providers.caveat.kaspa.undocumented_answers':
    'The create and list answers are not documented: Kassa reads them defensively and keeps them as received.',
  'providers.caveat.paycashless.link_at_create':
    'The payment link appears only in the answer to create; Kassa keeps it from there.',
  'providers.caveat.paycashless.due_today':
    'An invoice due today or earlier goes without a due date (Paycashless counts days until due from tomorrow).',
  'providers.caveat.simplecash.guessed_statuses':
    'SimpleCash documents neither its answer fields nor its statuses: Kassa maps paid, expired and pending (any case) by a table that is a guess to confirm against a real answer; any other status is shown as unknown and never treated as paid.',
  'providers.caveat.simplecash.timeout':
    'The due date becomes the nearest allowed timeout (3 hours, 12 hours, a day, 3 days, a week).',
  'providers.instead.use_dashboard': 'Do it in the {provider} dashboard.',
  'providers.instead.send_link_yourself': 'Send the customer the payment link or payment code yourself.',
  'providers.instead.provider_emails_customer': '{provider} e-mails the invoice to the customer by itself.',
  'providers.instead.email_at_creation_only':
    '{provider} e-mails an invoice only when it is created: issue it with “send by e-mail”, or send the payment link yourself.',
  'providers.instead.sent_at_creation':
    'Kassa creates {provider} invoices with “send” on, which marks them sent to the customer’s e-mail address; {provider}’s documentation does not say whether it e-mails them, so send the payment link yourself too.',
  'providers.instead.expires_by_itself':
    '{provider} cannot do this: the invoice expires there by itself after its timeout; tell the customer not to pay it.',
  'providers.instead.record_here_close_there':
    '{provider} cannot record a payment made outside it: the invoice stays open there. Record the payment here and, once it is paid in full, cancel it at {provider} so the customer is not asked to pay again.',
  'providers.instead.cancel_instead': 'Cancel the invoice instead.',
  'providers.instead.check_dashboard_then_link_or_retry':
    'Kassa cannot ask {provider} whether a sent invoice arrived: look for it in the {provider} dashboard, then link it by its id, or retry to send it.',
  'providers.advice.not_there':
    'The invoice never reached {provider}, so there is nothing to {op, select, cancel {cancel} mark_paid {mark paid} share {send} delete {delete} other {do}} there.',
  'providers.advice.no_lookup':
    'Kassa cannot ask {provider} whether {number} arrived (its API has no lookup). Look for it in the {provider} dashboard (reference {reference}): if it is there, link it by its id; if not, retry to send it.',
  'providers.advice.lookup_inconclusive':
    '{provider} could not say for certain whether {number} arrived. Look for it in the {provider} dashboard (reference {reference}): if it is there, link it by its id; if not, retry to send it.',
  'providers.advice.found_differs':
    '{provider} holds {remoteId} with the reference of {number}, but {problem, select, currency {in {remoteCurrency} instead of {currency}} other {for {remoteTotal} instead of {total}}}, so it was not linked. Check it in the {provider} dashboard: link it if it is this invoice, or cancel it there and retry.',
  'providers.advice.total_mismatch':
    '{provider} created {remoteId} for {number} with a total of {remoteTotal}, but the ledger total is {total}: the customer is asked for {remoteTotal}. Cancel it at {provider} and send the invoice again, or record what the customer pays by hand; then mark this resolved.',
  'providers.advice.linked_elsewhere':
    '{provider} holds {remoteId} for this invoice, but it is already linked to another invoice here; check both and link the right one.',
  'providers.advice.cancel_partly_credited':
    '{number} is only partly credited by {creditNote}; {provider} still asks for the original amount and cannot change it. Either cancel it in the {provider} dashboard and send a new invoice for the rest, or collect the rest and refund any overpayment.',
  'providers.advice.cancel_but_paid':
    '{provider} says {number} is already paid, so it was not cancelled there. Refund the customer at {provider}, or record the payment here instead of cancelling.',
  'providers.advice.mark_paid_partly':
    '{provider} can only mark an invoice paid in full; {number} will be marked paid there once it is fully paid here.',
  'providers.advice.mark_paid_but_cancelled':
    '{number} is cancelled at {provider}, so it could not be marked paid there; nothing else is needed unless the cancellation was a mistake.',
  'providers.advice.share_maybe_sent':
    'The last attempt to send this invoice by {channel, select, sms {SMS} other {e-mail}} may have gone out ({provider} cannot tell). Retry to send it again, or mark it resolved.',
  // ---- errors any provider call can end with (main/providers/http.ts, adapter-base.ts) ----
  'error.provider_auth_failed':
    '{provider} refused the credentials for {operation} (HTTP {status}){said, select, none {.} other {: {said}}} {hint, select, signature {Check the account’s API secret (it must belong to the same key pair as the API key) and that this computer’s clock is right.} other {Check the account’s key, and that it is the key for the account’s mode (test or live).}}',
  'error.provider_not_found': '{provider} found nothing for {operation}{said, select, none {.} other {: {said}}}',
  'error.provider_server_error':
    '{provider} failed {operation} (HTTP {status}){said, select, none {.} other {: {said}}}',
  'error.provider_rejected':
    '{provider} rejected {operation}{status, select, none {} other { (HTTP {status})}}{said, select, none {.} other {: {said}}}',
  'error.provider_unexpected_response':
    '{what, select, redirect {{provider} answered {operation} with a redirect; check the base URL.} invoice {{provider} answered {operation} without an invoice.} list {{provider} answered {operation} without a list of invoices.} cursor {{provider} said there are more invoices but gave no way to reach them.} currency {{provider} did not say the currency of the invoice.} too_large {{provider} answered {operation} with more than Kassa reads from one answer.} other {{provider} answered {operation} with something Kassa cannot read.}}',
  'error.provider_rate_limited':
    '{provider} is rate limiting {operation} (HTTP 429); try again {seconds, plural, =0 {later} one {in # second} other {in # seconds}}.',
  'error.provider_malformed_response':
    '{provider} answered {operation} with a body that is not valid JSON (HTTP {status}).',
  'error.provider_timeout':
    '{provider} did not answer {operation} within {seconds, plural, one {# second} other {# seconds}}.',
  'error.provider_unreachable':
    'Could not reach {provider} for {operation} ({networkCode}); check the internet connection and the base URL.',
  'error.provider_network_error': 'The connection to {provider} broke during {operation} ({networkCode}).',
  'error.outcome_unknown':
    '{provider}: {operation} {reason, select, timeout {timed out} server_error {got an error from the server} connection_lost {lost its connection} other {got an answer Kassa cannot read}}; it may or may not have taken effect, so Kassa checks before sending it again.',
  'error.provider_not_supported': '{provider} is not connected in this version of Kassa yet.',
  'error.secret_missing': 'No {secret} is stored for the {provider} account “{account}”; set it first.',
  // ---- what a provider cannot take ----
  'error.credit_note_not_supported': '{provider} has no credit notes; only invoices can be sent there.',
  'error.nothing_to_pay': '{provider} needs an amount greater than zero; this invoice totals nothing.',
  'error.currency_not_supported': '{provider} accepts {accepted}, not {currency}.',
  'error.amount_not_representable': '{provider} cannot take an amount of {amount} exactly.',
  'error.remote_paid': '{provider} invoice {remoteId} is paid; it cannot be cancelled.',
  'error.remote_cancelled': '{provider} invoice {remoteId} is cancelled; it cannot be marked paid.',
  'error.remote_not_deletable':
    '{provider} deletes only unpaid drafts and unpaid payment requests; invoice {remoteId} is {status}. Cancel it instead.',
  'error.nothing_to_update': '{provider} can change only the amount, the currency and the expiration.',
  'error.invalid_cursor':
    'This list cursor does not belong to this list (it was made for another sort or listing, or is damaged); start again without it.',
  'error.customer_email_required':
    '{provider} sends the invoice to the customer by e-mail: give the customer of {number} an e-mail address first.',
  'error.amount_too_small': '{provider} needs more than {minimum}; {number} totals {amount}.',
  'error.lookup_inconclusive':
    '{reason, select, no_field {{provider} lists invoices without a field Kassa can find {reference} in} other {{provider} has more invoices than Kassa searches}}, so Kassa cannot tell whether {reference} arrived.',
  'error.reference_not_encodable':
    '{provider} references are numeric: Kassa sends numbers like INV-2026-0042, and {number} is not one of them.',
  'error.invalid_status_filter': '{provider} filters by status {accepted} only.',
  'error.reason_required': '{provider} needs a cancellation reason.',
  'error.merchant_id_missing':
    'Set the {provider} merchant id (MID-…, shown under your name in the {provider} dashboard) on this account.',
  'error.due_date_too_far': '{provider} allows a due date at most {days} days ahead.',
  'error.not_at_provider':
    'This invoice is not at {provider} (it was never sent there, or its copy is gone), so there is nothing to delete.',
  'error.provider_cannot_delete': '{provider} cannot delete invoices through its API.',
  'error.remote_mismatch':
    '{problem, select, currency {{provider} invoice {remoteId} is in {remoteCurrency}, but {number} is in {currency}.} other {{provider} invoice {remoteId} is for {remoteTotal}, but {number} totals {total}.}}',
  'error.invalid_base_url':
    '{reason, select, scheme {The base URL must start with https:// (or http:// for this computer only).} credentials {The base URL must not contain a user name or password.} path {The base URL override replaces only the scheme, host and port (e.g. http://127.0.0.1:4010); remove the path.} other {The base URL is not a valid URL (expected e.g. https://sandbox.example.com).}}',
  'error.insecure_base_url':
    'Plain http:// is only allowed for this computer (localhost, 127.x.x.x, ::1); use https:// for {host}.',
  'error.totals_mismatch': 'The invoice totals do not match its lines; it was not sent to the provider.',
  'error.negative_line': 'Line {line, number} has a negative amount, which the provider cannot take.',
  'error.negative_tax': 'A tax amount is negative, which the provider cannot take.',
  'error.lines_do_not_sum': 'The provider lines do not add up to the invoice total; it was not sent.',
  'error.missing_number': 'The invoice has no number yet.',
  'providers.operation.create': 'creating the invoice',
  'providers.operation.get': 'looking up the invoice',
  'providers.operation.list': 'listing invoices',
  'providers.operation.cancel': 'cancelling the invoice',
  'providers.operation.markPaid': 'marking the invoice paid',
  'providers.operation.share': 'sharing the invoice',
  'providers.operation.delete': 'deleting the invoice',
  'providers.operation.edit': 'changing the invoice',
  'providers.operation.update': 'changing the invoice',
  'providers.operation.events': 'reading the invoice’s events',
  'providers.operation.changestatus': 'changing the invoice status',
  'error.remote_not_draft': 'Kashier deletes only unpaid drafts; invoice {id} is {status}. Cancel it instead.',
  'error.invalid_email': 'That is not an e-mail address.',
  'error.invalid_phone': 'Give the phone number in international form, e.g. +201001234567.',
  'error.invalid_date': '{field} is not a date.',
} as const;
