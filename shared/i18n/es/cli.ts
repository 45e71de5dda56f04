import type en from '../en/cli';
import type { Translation } from '../types';

export default {
  'error.cli_extra_argument':
    'Argumento inesperado "{arg}": kassa {command} {count, plural, =0 {no admite argumentos} one {admite # argumento} other {admite # argumentos}} (véase kassa {command} --help).',
  'error.cli_option_twice': '{option} aparece más de una vez; indíquela una sola vez.',
  'error.cli_field_twice': '{field} aparece dos veces (en --data y como argumento u opción); indíquelo una sola vez.',
  'error.cli_data_not_taken': 'kassa {command} no admite --data (véase kassa {command} --help).',
} satisfies Translation<typeof en>;
