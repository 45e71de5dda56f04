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
  // ---- errors any provider call can end with (main/providers/http.ts, adapter-base.ts) ----
  'error.provider_auth_failed':
    '{provider} refused the credentials for {operation} (HTTP {status}){said, select, none {.} other {: {said}}} {hint, select, signature {Check the account’s API secret (it must belong to the same key pair as the API key) and that this computer’s clock is right.} other {Check the account’s key, and that it is the key for the account’s mode (test or live).}}',
  'error.provider_not_found': '{provider} found nothing for {operation}{said, select, none {.} other {: {said}}}',
  'error.provider_server_error':
    '{provider} failed {operation} (HTTP {status}){said, select, none {.} other {: {said}}}',
  'error.provider_rejected':
    '{provider} rejected {operation}{status, select, none {} other { (HTTP {status})}}{said, select, none {.} other {: {said}}}',
  'error.provider_unexpected_response':
    '{what, select, redirect {{provider} answered {operation} with a redirect; check the base URL.} invoice {{provider} answered {operation} without an invoice.} list {{provider} answered {operation} without a list of invoices.} cursor {{provider} said there are more invoices but gave no way to reach them.} currency {{provider} did not say the currency of the invoice.} other {{provider} answered {operation} with something Kassa cannot read.}}',
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
  'error.invoice_not_issued': 'Only issued invoices (with a number) can be sent to a provider.',
  'error.nothing_to_pay': '{provider} needs an amount greater than zero; this invoice totals nothing.',
  'error.currency_not_supported': '{provider} accepts {accepted}, not {currency}.',
  'error.amount_not_representable': '{provider} cannot take an amount of {amount} exactly.',
  'error.remote_paid': '{provider} invoice {remoteId} is paid; it cannot be cancelled.',
  'error.remote_cancelled': '{provider} invoice {remoteId} is cancelled; it cannot be marked paid.',
  'error.remote_not_deletable':
    '{provider} deletes only unpaid drafts and unpaid payment requests; invoice {remoteId} is {status}. Cancel it instead.',
  'error.nothing_to_update': '{provider} can change only the amount, the currency and the expiration.',
  'error.invalid_cursor': 'This list cursor does not belong to this listing.',
  'error.customer_email_required':
    '{provider} sends the invoice to the customer by e-mail: give the customer of {number} an e-mail address first.',
  'error.amount_too_small': '{provider} needs more than {minimum}; {number} totals {amount}.',
  'error.lookup_inconclusive':
    '{reason, select, no_field {{provider} lists invoices without a field Kassa can find {reference} in} other {{provider} has more invoices than Kassa searches}}, so Kassa cannot tell whether {reference} arrived.',
  'error.remote_mismatch':
    '{problem, select, currency {{provider} invoice {remoteId} is in {remoteCurrency}, but {number} is in {currency}.} other {{provider} invoice {remoteId} is for {remoteTotal}, but {number} totals {total}.}}',
} as const;
