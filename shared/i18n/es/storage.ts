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
  'recovery.size_kb': '{kb, number} kB',
  'recovery.kind.auto': 'automática',
  'recovery.kind.manual': 'hecha por usted',
  'recovery.kind.before-restore': 'antes de una restauración',
  'recovery.kind.before-upgrade': 'antes de una actualización',
  'recovery.restore': 'Restaurar',
  'recovery.restoring': 'Restaurando…',
  'recovery.restored': 'Restaurado desde {file}. El archivo dañado se guardó como {kept}. Kassa se inicia de nuevo.',
  'recovery.reload': 'Abrir Kassa',
  'wentBack.title': 'La numeración está detenida: el libro retrocedió',
  'wentBack.intro':
    'Este libro va por detrás de números que Kassa ya emitió: se repuso una copia más antigua, el archivo se vació o una escritura se perdió en un fallo. Hasta que usted decida, Kassa no emite ningún número, para que ningún cliente reciba un número dos veces. No se cambió nada.',
  'wentBack.fresh': 'El archivo del libro es nuevo o está vacío, pero a su lado hay copias de un libro anterior.',
  'wentBack.col.series': 'Serie',
  'wentBack.col.issued': 'Último número emitido antes',
  'wentBack.col.kept': 'Último número en este libro',
  'wentBack.series': '{series} {year}',
  'wentBack.none_kept': 'ninguno',
  'wentBack.restore.title': 'Restaurar una copia',
  'wentBack.restore.help':
    'Elija una copia que tenga los números que faltan (normalmente la más reciente). Antes se guarda aparte una copia del libro actual.',
  'wentBack.continue.title': 'Seguir con este libro',
  'wentBack.continue.help':
    'Solo si está seguro de que los documentos que faltan nunca se enviaron: sus números se volverán a dar.',
  'wentBack.continue.after': 'Seguir numerando después de {number}',
  'wentBack.continue.as_is': 'Seguir numerando con este libro',
  'wentBack.confirm.restore_title': '¿Restaurar esta copia?',
  'wentBack.confirm.restore':
    'La copia hecha el {when} ({file}) sustituye al libro. Antes, el libro actual se copia en la carpeta de copias como copia anterior a una restauración. Después se comparan de nuevo los números con los emitidos antes.',
  'wentBack.confirm.restore_yes': 'Restaurar esta copia',
  'wentBack.confirm.continue_title': '¿Seguir numerando con este libro?',
  'wentBack.confirm.continue_series':
    'El siguiente número será {next}. Los números de {next} a {last} ya se emitieron y puede que los tengan clientes: se darán de nuevo a documentos nuevos.',
  'wentBack.confirm.continue_fresh':
    'La numeración empieza de nuevo en el primer número de cada serie. Las copias junto a este libro pueden tener documentos con esos números.',
  'wentBack.confirm.continue_final': 'Los números emitidos antes se olvidan entonces; no se puede deshacer.',
  'wentBack.confirm.continue_yes': 'Sí, seguir numerando',
  'wentBack.restored_still_behind':
    'Restaurado desde {file}, pero esta copia también va por detrás de los números emitidos. Elija una copia más reciente o siga con ella.',
} satisfies Translation<typeof en>;
