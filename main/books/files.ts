/**
 * Writing the bookkeeper's files: whole (temp file + rename, so a failed write never leaves half a file under
 * the real name) and only where the caller may write — a path the CLI named, else the data dir's exports folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { KassaError } from '../../shared/errors';
import { exportDir } from '../config';
import { refusePath } from '../handlers/ledger-support';
import type { CallContext } from '../handlers/types';
import type { Services } from '../services';

/** Where a file goes: the CLI's own path, or `<data dir>/exports/<fileName>`; refuses a path from anyone else. */
export function targetFile(
  s: Services,
  ctx: CallContext,
  file: string | undefined,
  fileName: string,
  field = 'file',
): string {
  if (file !== undefined && !ctx.mayChoosePaths) throw refusePath(field);
  return path.resolve(file ?? path.join(exportDir(s.config.dataDir), fileName));
}

export function writeWhole(target: string, data: string | Buffer, field = 'file'): number {
  const partial = `${target}.part`;
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(partial, data);
    fs.renameSync(partial, target);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw new KassaError('io', 'file_write_failed', { file: target }, { field, cause: err });
  }
  return typeof data === 'string' ? Buffer.byteLength(data) : data.length;
}
