/**
 * What a process serves when its ledger cannot be read (`ledger_damaged`): the check, the list of backups and
 * restore work — restore sets the damaged file aside — and every other method answers with that same error, so the
 * CLI says what is wrong and the app opens into its recovery screen.
 */
import type { KassaError } from '../../shared/errors';
import { backupDir, ledgerFile } from '../config';
import { listBackups, restoreOverDamaged } from '../ledger/backup';
import { checkLedgerFile, restoreSource } from '../ledger/backup-service';
import type { Logger } from '../log';
import type { Handlers } from './types';

export interface RecoveryDeps {
  dataDir: string;
  now: () => Date;
  log: Logger;
  /** Called once a backup has replaced the damaged file (the app then starts normally). */
  restored?: () => Promise<void>;
}

export function recoveryHandlers(d: RecoveryDeps, cause: KassaError): Handlers {
  const refuse = (): never => {
    throw cause;
  };
  const dir = backupDir(d.dataDir);
  const file = ledgerFile(d.dataDir);
  const served: Partial<Handlers> = {
    'ledger.check': () => checkLedgerFile(file),
    'ledger.backups': () => listBackups(dir),
    'ledger.restore': async ({ file: chosen }, ctx) => {
      const result = await restoreOverDamaged(file, restoreSource(dir, chosen, ctx.mayChoosePaths), {
        backupDir: dir,
        now: d.now(),
      });
      d.log.warn('ledger.restored_over_damaged', { schemaVersion: result.schemaVersion });
      await d.restored?.();
      return result;
    },
  };
  // Looked up by name like the full table (handlers/index.ts); every other method answers `cause`.
  return new Proxy({} as Handlers, {
    get: (_t, name) => (typeof name === 'string' ? (served[name as keyof Handlers] ?? refuse) : undefined),
    has: (_t, name) => typeof name === 'string',
  });
}
