import type en from '../en/storage';
import type { Translation } from '../types';

export default {
  'error.data_dir_empty':
    'La opción de la carpeta de datos está vacía: indique una carpeta, u omita la opción para usar la predeterminada.',
  'error.data_dir_unusable':
    'No se puede usar la carpeta de datos {path}: {reason, select, not_a_folder {es un archivo, no una carpeta} no_access {Kassa no puede leer ni escribir en ella} system_folder {es una carpeta del sistema (/proc, /sys o /dev), no almacenamiento} other {no se puede abrir}}.',
  'error.output_unusable':
    'Kassa no puede escribir en {path}: {reason, select, folder {es una carpeta; indique un archivo dentro de ella} not_a_file {no es un archivo normal (un disco, un socket, o un dispositivo donde hace falta un archivo de base de datos)} link_loop {sus enlaces simbólicos forman un bucle} other {no se puede escribir}}.',
  'error.ledger_damaged':
    'El libro {file} está dañado: SQLite no puede leerlo. No se cambió nada. Restaure una copia de seguridad (kassa restore FILE, o la pantalla de recuperación); el archivo dañado se guarda aparte en la carpeta de copias.',
  'error.ledger_went_back':
    'La numeración está detenida: el libro va por detrás de números ya emitidos ({series}: su siguiente número es {next}, pero se emitieron números hasta {mark} — una copia más antigua, un archivo vaciado o una escritura perdida). Restaure una copia que los tenga, o acepte el libro tal como está (kassa series accept-numbers).',
  'recovery.title': 'No se puede leer el libro',
  'recovery.intro':
    'Kassa encontró daños en el archivo del libro y no cambió nada. Restaure una de las copias de abajo: el archivo dañado se guarda aparte en la carpeta de copias, nunca se borra.',
  'recovery.backups': 'Copias de seguridad, la más reciente primero',
  'recovery.none':
    'No hay ninguna copia en la carpeta de copias. Ponga allí un archivo de copia y recargue, o use «kassa restore FILE» en una terminal.',
  'recovery.when': 'Hecha',
  'recovery.kind': 'Tipo',
  'recovery.size': 'Tamaño',
  'recovery.kind.auto': 'automática',
  'recovery.kind.manual': 'hecha por usted',
  'recovery.kind.before-restore': 'antes de una restauración',
  'recovery.kind.before-upgrade': 'antes de una actualización',
  'recovery.restore': 'Restaurar',
  'recovery.restoring': 'Restaurando…',
  'recovery.restored': 'Restaurado desde {file}. El archivo dañado se guardó como {kept}. Kassa se inicia de nuevo.',
  'recovery.reload': 'Abrir Kassa',
} satisfies Translation<typeof en>;
