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
  'recovery.size_kb': '{kb, number} kB',
  'recovery.kind.auto': 'automatic',
  'recovery.kind.manual': 'made by you',
  'recovery.kind.before-restore': 'before a restore',
  'recovery.kind.before-upgrade': 'before an upgrade',
  'recovery.restore': 'Restore',
  'recovery.restoring': 'Restoring…',
  'recovery.restored': 'Restored from {file}. The damaged file was kept as {kept}. Kassa is starting again.',
  'recovery.reload': 'Open Kassa',
  'wentBack.title': 'Numbering is stopped: the ledger went back',
  'wentBack.intro':
    'This ledger is behind numbers Kassa issued before: an older copy was put back, the file was emptied, or a write was lost in a crash. Until you decide, Kassa issues no number, so that no customer gets a number twice. Nothing has been changed.',
  'wentBack.fresh': 'The ledger file is new or empty, but backups of an earlier ledger are beside it.',
  'wentBack.col.series': 'Series',
  'wentBack.col.issued': 'Last number issued before',
  'wentBack.col.kept': 'Last number in this ledger',
  'wentBack.series': '{series} {year}',
  'wentBack.none_kept': 'none',
  'wentBack.restore.title': 'Restore a backup',
  'wentBack.restore.help':
    'Choose a backup that has the missing numbers (usually the newest). The current ledger is copied aside first.',
  'wentBack.continue.title': 'Continue with this ledger',
  'wentBack.continue.help':
    'Only if you are sure the missing documents were never sent: their numbers will be given again.',
  'wentBack.continue.after': 'Continue numbering after {number}',
  'wentBack.continue.as_is': 'Continue numbering with this ledger',
  'wentBack.confirm.restore_title': 'Restore this backup?',
  'wentBack.confirm.restore':
    'The backup made {when} ({file}) replaces the ledger. The current ledger is first copied to the backups folder as a copy made before a restore. Then the numbers are compared again with those issued before.',
  'wentBack.confirm.restore_yes': 'Restore this backup',
  'wentBack.confirm.continue_title': 'Continue numbering with this ledger?',
  'wentBack.confirm.continue_series':
    'The next number will be {next}. The numbers from {next} to {last} were issued before and may already be with customers: they will be given again to new documents.',
  'wentBack.confirm.continue_fresh':
    'Numbering starts again at the first number of each series. The backups beside this ledger may hold documents with those numbers.',
  'wentBack.confirm.continue_final': 'The numbers issued before are then forgotten; this cannot be undone.',
  'wentBack.confirm.continue_yes': 'Yes, continue numbering',
  'wentBack.restored_still_behind':
    'Restored from {file}, but this copy is behind the numbers issued too. Choose a newer backup or continue with it.',
} as const;
