/** Quotes: their errors, the quotes screen and the quote PDF's own words. */
export default {
  'error.quote_not_found': 'No quote with id {id}.',
  'error.quote_date_in_future': 'The quote date {date} is in the future; date it today or earlier.',
  'error.quote_valid_until_before_date': 'A quote cannot be valid until a day before its own date.',
  'error.quote_wrong_status':
    'Quote {number} is {status, select, open {open} accepted {accepted} declined {declined} expired {expired} other {{status}}}; it cannot be {action, select, accept {accepted} decline {declined} convert {converted to an invoice} other {changed}}.',
  'error.quote_already_converted': 'Quote {number} has already been converted to an invoice.',
  'error.quote_immutable': 'A quote cannot be changed once made; make a new one.',
  'error.quote_line_unknown': 'The quote has no line {line}; it has {count, plural, one {# line} other {# lines}}.',
  'error.quote_line_twice': 'Line {line} is named twice.',
  'error.quote_quantity_exceeds_line': 'Line {line} has a quantity of {available}; {quantity} is more than that.',

  'validation.valid_until_before_date': 'The valid-until date must not be before the quote date.',

  'field.validUntil': 'valid until',
  'history.action.quote_converted': 'made from a quote',
} as const;
