/** Command-line usage errors and help (English only is read by scripts, but every language has them). */
export default {
  'error.cli_extra_argument':
    'Unexpected argument "{arg}": kassa {command} takes {count, plural, =0 {no arguments} one {# argument} other {# arguments}} (see kassa {command} --help).',
  'error.cli_option_twice': '{option} is given more than once; give it once.',
  'error.cli_field_twice': '{field} is given twice (in --data and as an argument or option); give it once.',
  'error.cli_data_not_taken': 'kassa {command} takes no --data (see kassa {command} --help).',
  'error.secrets_missing':
    'No secrets on standard input: pipe one JSON object of secret fields (for example with "apiKey").',
  'error.secrets_not_object': 'Standard input must be one JSON object of secret fields (for example with "apiKey").',
  'error.secret_not_string': 'The secret {name} must be a JSON string.',
  'error.account_test_ok': 'Connected. {message}',
  'error.account_test_wrong_key': 'Wrong key: {message}',
  'error.account_test_unreachable': 'Unreachable: {message}',
  'error.account_test_provider_error': 'Provider error: {message}',
  'error.account_test_provider_not_supported': 'This provider is not connected in this version of Kassa. {message}',
  'error.account_test_missing_secret': 'A required key is not in the keychain. {message}',
  'error.usage': '{detail}',
  'error.invalid_data': '{field} must be a JSON object.',
  'error.account_ref_invalid': 'account must be an account id or name.',
  'error.file_unreadable': 'Cannot read {file}: {reason}.',
  'error.import_rows_invalid': '{count, plural, one {# problem} other {# problems}} in the CSV; nothing was imported.',
  'error.check_failed':
    'The ledger check found {count, plural, one {# problem} other {# problems}}{integrity, select, broken { and SQLite integrity errors} other {}}.',
} as const;
