import type en from '../en/accounts';
import type { Translation } from '../types';

export default {
  'accounts.mode.test': 'Pruebas',
  'accounts.mode.live': 'Real',
  'keychain.reason.no_session_bus':
    'Kassa no puede acceder al llavero del sistema: no hay sesión de D-Bus. Inicia Kassa desde una sesión de escritorio o ejecútalo con "dbus-run-session" y gnome-keyring-daemon iniciado y desbloqueado. Las claves nunca se guardan en otro sitio.',
  'keychain.reason.no_provider':
    'Kassa no puede acceder al llavero del sistema: no hay ningún proveedor de Secret Service instalado o en marcha. Instala gnome-keyring (Debian/Ubuntu: "sudo apt install gnome-keyring") o KWallet con Secret Service activado y reinicia Kassa. Las claves nunca se guardan en otro sitio.',
  'keychain.reason.locked':
    '{platform, select, darwin {El llavero de macOS está bloqueado. Desbloquea el llavero de inicio de sesión en Acceso a Llaveros y vuelve a intentarlo. Las claves nunca se guardan en otro sitio.} other {El llavero del sistema está bloqueado o no tiene llavero de inicio de sesión. Desbloquéalo (Contraseñas y claves / Seahorse, KWallet Manager o "gnome-keyring-daemon --unlock") y vuelve a intentarlo. Las claves nunca se guardan en otro sitio.}}',
  'keychain.reason.module_missing':
    'No se pudo cargar el módulo del llavero. En Linux instala libsecret ("sudo apt install libsecret-1-0") y vuelve a instalar Kassa. Las claves nunca se guardan en otro sitio.',
  'keychain.reason.failed':
    'El llavero del sistema rechazó la operación. Comprueba que esté instalado y desbloqueado y vuelve a intentarlo. Las claves nunca se guardan en otro sitio.',
  'error.account_name_required': 'Ponle un nombre a la cuenta.',
  'error.account_name_too_long': 'El nombre de la cuenta tiene más de {max, number} caracteres.',
  'error.account_name_invalid': 'El nombre de la cuenta contiene caracteres de control.',
  'error.base_url_invalid': 'La URL base no es una URL absoluta válida (p. ej., https://sandbox.example.com).',
  'error.base_url_credentials':
    'La URL base no puede contener usuario ni contraseña; las claves van en los campos secretos.',
  'error.base_url_scheme': 'La URL base debe empezar por https:// (o http:// para una dirección de loopback).',
  'error.base_url_insecure':
    'http:// sin cifrar solo se permite para direcciones de loopback (127.0.0.1, ::1, localhost); usa https://.',
  'error.base_url_has_path':
    'La URL base solo sustituye el origen (esquema, host y puerto): quita la ruta, la consulta y el fragmento; Kassa añade la ruta documentada.',
  'error.unknown_setting': 'Las cuentas de {provider} no tienen el ajuste «{name}». Conocidos: {known}.',
  'error.setting_invalid': 'El ajuste {setting} debe ser una sola línea de {max, number} caracteres como máximo.',
  'error.setting_required': 'Las cuentas de {provider} necesitan el ajuste {setting}.',
  'error.merchant_id_invalid':
    'El id de comercio de Kashier tiene la forma MID-xxxx-xxx (aparece bajo tu nombre en el panel de Kashier).',
  'error.unknown_secret_field': 'Las cuentas de {provider} no tienen el secreto «{name}». Conocidos: {known}.',
  'error.secret_empty': 'El secreto {secret} está vacío.',
  'error.secret_invalid':
    'El secreto {secret} debe ser una sola línea (comprueba que no se haya pegado un salto de línea).',
  'error.secret_required': 'Las cuentas de {provider} necesitan el secreto {secret}.',
  'error.secrets_empty': 'Indica al menos un secreto.',
  'error.secret_in_settings':
    'El ajuste {setting} contiene una de las claves de la cuenta; las claves solo van en los campos secretos.',
  'error.account_ambiguous': 'Hay más de una cuenta llamada «{name}»; usa su id.',
  'error.account_name_taken':
    'Ya existe una cuenta llamada «{name}»; los nombres son únicos (sin distinguir mayúsculas).',
  'error.account_in_use':
    '{links, plural, =0 {{uses, select, none {La cuenta aún la usan otros registros del libro; no se puede quitar.} other {Hay registros del libro que aún usan esta cuenta ({uses}); no se puede quitar mientras los haya.}}} one {# factura está vinculada a esta cuenta; no se puede quitar mientras lo esté.} other {# facturas están vinculadas a esta cuenta; no se puede quitar mientras lo estén.}} Conserva la cuenta (puedes eliminar sus claves) o quita antes esos vínculos.',
  'accounts.test.accepted': '{provider} aceptó la clave.',
  'accounts.test.wrong_key':
    '{problem} Las claves de pruebas y reales de {provider} son distintas: usa la del modo de la cuenta.',
  'accounts.test.missing_secret':
    'El llavero no tiene {fields} para esta cuenta. {count, plural, one {Añádela} other {Añádelas}} y vuelve a probar.',
  'accounts.test.provider_said': '{message}',
  'error.keychain_unavailable': '{problem}',
} satisfies Translation<typeof en>;
