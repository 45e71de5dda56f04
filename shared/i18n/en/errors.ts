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
  'error.account_not_found': 'No account with id {id}.',
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
} as const;
