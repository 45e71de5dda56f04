/**
 * The automatic-backup job: today's checked copy of the ledger soon after the app starts and then once a day while
 * it stays open, unless the user turned automatic backups off (app preferences). The copying, checking and
 * retention are the backup service's (main/ledger/backup-service.ts); `kassa backup --auto` runs the same.
 */
import type { Database as Db } from 'better-sqlite3';
import type { AutoBackupResult } from '../../shared/contract/ledger';
import type { BackupService } from '../ledger/backup-service';
import { readPreferences } from '../ledger/preferences';
import type { ScheduledJob } from './scheduler';

export function backupJob(d: { db: Db; backups: BackupService }): ScheduledJob<AutoBackupResult> {
  return {
    name: 'backup',
    due: () => readPreferences(d.db).autoBackups && d.backups.autoBackupDue(),
    run: () => d.backups.autoBackup(),
  };
}
