/** The UBL validator the books tests use: ../shared/standards/validate-ubl beside the repository, when it is there. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../pdf/tools';

/** KASSA_UBL_VALIDATOR points elsewhere (or nowhere, to see the checks skip). */
export const UBL_VALIDATOR =
  process.env.KASSA_UBL_VALIDATOR ?? path.resolve(ROOT, '..', 'shared', 'standards', 'validate-ubl');

/** Runs the validator; `failed` is its count of failed EN 16931 assertions (null when it did not get that far). */
export function validateUbl(file: string): { ok: boolean; failed: number | null; output: string } {
  const r = spawnSync(UBL_VALIDATOR, [file], { encoding: 'utf8' });
  const output = `${r.stdout}${r.stderr}`;
  const m = /EN 16931 fatal assertions failed: (\d+)/.exec(output);
  return { ok: r.status === 0, failed: m ? Number(m[1]) : null, output };
}
