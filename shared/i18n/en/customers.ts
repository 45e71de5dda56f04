/** The customers screen and customer form. */
export default {
  'customers.import.unreadable': 'The CSV could not be read: {detail}',
  'customers.import.empty': 'The CSV is empty; it needs a header row with at least a "name" column.',
  'customers.import.unknown_column': 'Unknown column "{column}". Known: {known}.',
  'customers.import.no_name_column': 'The header has no "name" column.',
} as const;
