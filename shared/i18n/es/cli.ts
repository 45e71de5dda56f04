import type en from '../en/cli';
import type { Translation } from '../types';

export default {
  'error.cli_extra_argument':
    'Argumento inesperado "{arg}": kassa {command} {count, plural, =0 {no admite argumentos} one {admite # argumento} other {admite # argumentos}} (véase kassa {command} --help).',
  'error.cli_option_twice': '{option} aparece más de una vez; indíquela una sola vez.',
  'error.cli_field_twice': '{field} aparece dos veces (en --data y como argumento u opción); indíquelo una sola vez.',
  'error.cli_data_not_taken': 'kassa {command} no admite --data (véase kassa {command} --help).',
  'error.secrets_missing':
    'No hay secretos en la entrada estándar: pasa un objeto JSON con los campos secretos (por ejemplo con "apiKey").',
  'error.secrets_not_object':
    'La entrada estándar debe ser un único objeto JSON con los campos secretos (por ejemplo con "apiKey").',
  'error.secret_not_string': 'El secreto {name} debe ser una cadena JSON.',
  'error.account_test_ok': 'Conectado. {message}',
  'error.account_test_wrong_key': 'Clave incorrecta: {message}',
  'error.account_test_unreachable': 'Inaccesible: {message}',
  'error.account_test_provider_error': 'Error del proveedor: {message}',
  'error.account_test_provider_not_supported': 'Este proveedor no está conectado en esta versión de Kassa. {message}',
  'error.account_test_missing_secret': 'Falta una clave obligatoria en el llavero. {message}',
  'error.usage': '{detail}',
  'error.invalid_data': '{field} debe ser un objeto JSON.',
  'error.account_ref_invalid': 'account debe ser el id o el nombre de una cuenta.',
  'error.file_unreadable': 'No se puede leer {file}: {reason}.',
  'error.import_rows_invalid':
    '{count, plural, one {# problema} other {# problemas}} en el CSV; no se ha importado nada.',
  'error.check_failed':
    'La comprobación del libro encontró {count, plural, one {# problema} other {# problemas}}{integrity, select, broken { y errores de integridad de SQLite} other {}}.',
} satisfies Translation<typeof en>;
