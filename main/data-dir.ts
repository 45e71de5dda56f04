/**
 * The data folder is checked before anything is opened in it: it must be (or be creatable as) a folder this user
 * may read and write, on real storage — not a file, not /proc, /sys or /dev (where SQLite and the log would fail
 * late and obscurely, or hang). Then it is made private (main/private-files.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { KassaError } from '../shared/errors';
import { makePrivateDir } from './private-files';

export type DataDirProblem = 'not_a_folder' | 'no_access' | 'system_folder' | 'unusable';

/** Pseudo file systems (statfs f_type): kernel views, not storage. */
const PSEUDO_FS = new Set([
  0x9fa0, // proc
  0x62656572, // sysfs
  0x1cd1, // devpts
  0x27e0eb, // cgroup
  0x63677270, // cgroup2
  0x64626720, // debugfs
  0x73636673, // securityfs
  0x74726163, // tracefs
  0xcafe4a11, // bpf
  0x62656570, // configfs
  0x6165676c, // pstore
  0x19800202, // mqueue
  0x42494e4d, // binfmt_misc
  0x6e736673, // nsfs
  0x1373, // devfs
]);
/** Kernel and device trees on Linux/BSD/macOS (devtmpfs reports itself as tmpfs, so /dev is named). */
const SYSTEM_ROOTS = ['/proc', '/sys', '/dev'];

export function dataDirUnusable(dir: string, reason: DataDirProblem): KassaError {
  return new KassaError('invalid_input', 'data_dir_unusable', { path: dir, reason }, { field: 'data-dir' });
}

function onSystemTree(real: string): boolean {
  if (process.platform === 'win32') return false;
  if (SYSTEM_ROOTS.some((r) => real === r || real.startsWith(`${r}/`))) return true;
  try {
    return PSEUDO_FS.has(Number(fs.statfsSync(real).type));
  } catch {
    return false;
  }
}

/** The path itself if it exists, else its nearest existing ancestor (a file ancestor included). */
function nearestExisting(abs: string): string {
  let p = abs;
  for (;;) {
    try {
      fs.statSync(p);
      return p;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw err;
      const parent = path.dirname(p);
      if (parent === p) return p;
      p = parent;
    }
  }
}

function problemOf(err: unknown): DataDirProblem {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'no_access';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'not_a_folder';
  return 'unusable';
}

/** Checks the data folder and creates it (private) if needed; a KassaError naming the problem otherwise. */
export function prepareDataDir(dir: string): string {
  const abs = path.resolve(dir);
  try {
    const existing = nearestExisting(abs);
    const real = fs.realpathSync(existing);
    if (onSystemTree(real)) throw dataDirUnusable(abs, 'system_folder');
    if (!fs.statSync(real).isDirectory()) throw dataDirUnusable(abs, 'not_a_folder');
    fs.accessSync(real, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
    makePrivateDir(abs);
    fs.accessSync(abs, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
  } catch (err) {
    if (err instanceof KassaError) throw err;
    throw dataDirUnusable(abs, problemOf(err));
  }
  return abs;
}
