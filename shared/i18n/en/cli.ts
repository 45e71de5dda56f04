/** Command-line usage errors and help (English only is read by scripts, but every language has them). */
export default {
  'error.cli_extra_argument':
    'Unexpected argument "{arg}": kassa {command} takes {count, plural, =0 {no arguments} one {# argument} other {# arguments}} (see kassa {command} --help).',
  'error.cli_option_twice': '{option} is given more than once; give it once.',
  'error.cli_field_twice': '{field} is given twice (in --data and as an argument or option); give it once.',
  'error.cli_data_not_taken': 'kassa {command} takes no --data (see kassa {command} --help).',
} as const;
