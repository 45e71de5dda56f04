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
    'El llavero del sistema está bloqueado. Desbloquéalo (Acceso a Llaveros en macOS; Contraseñas y claves, KWallet Manager o "gnome-keyring-daemon --unlock" en Linux) y vuelve a intentarlo. Las claves nunca se guardan en otro sitio.',
  'keychain.reason.module_missing':
    'No se pudo cargar el módulo del llavero. En Linux instala libsecret ("sudo apt install libsecret-1-0") y vuelve a instalar Kassa. Las claves nunca se guardan en otro sitio.',
  'keychain.reason.failed':
    'El llavero del sistema rechazó la operación. Comprueba que esté instalado y desbloqueado y vuelve a intentarlo. Las claves nunca se guardan en otro sitio.',
} satisfies Translation<typeof en>;
