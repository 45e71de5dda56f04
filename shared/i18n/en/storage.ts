/** The data folder and the files in it: where Kassa may keep data, and what it says about the ledger file itself. */
export default {
  'error.data_dir_empty': 'The data folder option is empty: give a folder, or leave the option out to use the default.',
  'error.data_dir_unusable':
    'The data folder {path} cannot be used: {reason, select, not_a_folder {it is a file, not a folder} no_access {Kassa may not read and write in it} system_folder {it is a system folder (/proc, /sys or /dev), not storage} other {it cannot be opened}}.',
  'error.output_unusable':
    'Kassa cannot write to {path}: {reason, select, folder {it is a folder; name a file in it} not_a_file {it is not a regular file (a disk, a socket, or a device where a database file is needed)} link_loop {its symbolic links go round in a loop} other {it cannot be written}}.',
  'error.ledger_damaged':
    'The ledger {file} is damaged: SQLite cannot read it. Nothing was changed. Restore a backup (kassa restore FILE, or the recovery screen); the damaged file is kept aside in the backups folder.',
  'error.ledger_went_back':
    'Numbering is stopped: the ledger is behind numbers already issued ({series}: its next number is {next}, but numbers up to {mark} were issued before — an older copy, an emptied file or a lost write). Restore a backup that has them, or accept the ledger as it is (kassa series accept-numbers).',
  'recovery.title': 'The ledger cannot be read',
  'recovery.intro':
    'Kassa found damage in the ledger file and changed nothing. Restore one of the backups below: the damaged file is kept aside in the backups folder, never deleted.',
  'recovery.backups': 'Backups, newest first',
  'recovery.none':
    'There is no backup in the backups folder. Put a backup file there and reload, or use “kassa restore FILE” in a terminal.',
  'recovery.when': 'Made',
  'recovery.kind': 'Kind',
  'recovery.size': 'Size',
  'recovery.kind.auto': 'automatic',
  'recovery.kind.manual': 'made by you',
  'recovery.kind.before-restore': 'before a restore',
  'recovery.kind.before-upgrade': 'before an upgrade',
  'recovery.restore': 'Restore',
  'recovery.restoring': 'Restoring…',
  'recovery.restored': 'Restored from {file}. The damaged file was kept as {kept}. Kassa is starting again.',
  'recovery.reload': 'Open Kassa',
} as const;
