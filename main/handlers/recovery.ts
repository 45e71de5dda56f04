/**
 * What a process serves when its ledger cannot be read (`ledger_damaged`): the check, the list of backups and
 * restore work — restore sets the damaged file aside — and every other method answers with that same error, so the
 * CLI says what is wrong and the app opens into its recovery screen.
 */
import { methodNames } from '../../shared/api';
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
  const everyMethod = Object.fromEntries(methodNames.map((name) => [name, refuse])) as unknown as Handlers;
  const dir = backupDir(d.dataDir);
  const file = ledgerFile(d.dataDir);
  return {
    ...everyMethod,
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
}
