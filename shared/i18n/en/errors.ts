/**
 * Errors any part of Kassa can raise (the key is `error.<code>` for KassaError code `<code>`).
 * Errors that belong to one area live in that area's file (e.g. ledger.ts, accounts.ts).
 */
export default {
  'error.internal_error': 'An unexpected error occurred; see the log for details.',
  'error.host_unreachable': 'Kassa is not running (the browser host did not answer).',
  'error.host_http_status': 'The browser host answered {status}.',
  'error.body_not_utf8': 'The request body is not UTF-8 text.',
  'error.unknown_method': 'Unknown method "{name}".',
  'error.invoice_not_found': 'No invoice with id {id}.',
  'error.customer_not_found': 'No customer with id {id}.',
  'error.tax_rate_not_found': 'No tax rate with id {id}.',
  'error.account_not_found':
    'No provider account with id or name "{id}".{hasKnown, select, yes { Known accounts: {known}.} no { No accounts exist yet.} other {}}',
  'error.sync_item_not_found': 'No sync item with id {id}.',
  'error.unknown_currency': '"{code}" is not an ISO-4217 currency code this system knows (e.g. EUR, EGP, NGN).',
  'error.phone_empty': 'Enter a phone number.',
  'error.phone_needs_country':
    'Add the country code (e.g. +20 100 123 4567), or set the customer’s country: a local number cannot be read without it.',
  'error.phone_invalid':
    'This is not a valid phone number. Write it as the customer gives it, with the country code (e.g. +20 100 123 4567) or with the customer’s country set.',
  'error.phone_not_mobile': 'This is not a mobile number, so it cannot receive SMS or WhatsApp messages.',
  'error.invalid_amount': '{field} is not a finite number.',
  'error.invalid_decimal': '"{text}" is not a decimal number (use digits and a dot, e.g. 1.5).',
  'error.too_many_decimals':
    '{field} allows at most {max, plural, =0 {no decimal places} one {# decimal place} other {# decimal places}}.',
  'error.negative_not_allowed': '{field} must not be negative.',
  'error.amount_too_large': '{field} is too large.',
  'error.invalid_json':
    '{source, select, data {--data is not valid JSON.} body {The request body is not valid JSON.} other {Standard input is not valid JSON; expected one object of secret fields (for example with "apiKey").}}',
  'error.untrusted_sender': 'This page may not call Kassa.',
  'error.path_not_allowed': 'Only the command line may choose a file path; the app uses the data folder.',
  'error.export_too_large': 'More than {max, number} rows: export to a file instead.',
  'error.export_failed': 'The export to {file} failed: {detail}',
  'error.export_job_not_found': 'No PDF export job {id} (finished jobs are kept for a while only).',
  'error.pdf_write_failed': 'Cannot write {file}: {detail}',
  'error.body_too_large': 'Request body over {mb, number} MB.',
  'error.native_module_missing':
    'The SQLite module has not been built for Electron {electron} (ABI {abi}). Run "npm run rebuild:electron" (npm start does this for you).',
  'error.pdf_fonts_missing': 'The PDF fonts are missing; looked in: {looked}.',
} as const;
