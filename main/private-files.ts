/**
 * Kassa's files are private to the user who runs it: the data folder and every folder Kassa makes are 0700, every
 * file it writes (ledger, WAL/SHM, backups, exports, logs, PDFs) 0600 — whatever the umask, since customers' names,
 * addresses and every invoice are in them. Existing installs made with a looser umask are tightened on start.
 * On Windows, POSIX modes mean nothing: the data folder's ACL is restricted to the current user on start instead
 * (main/windows-acl.ts — built and unit-tested here, never run on Windows).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { restrictToCurrentUser, type AclOutcome } from './windows-acl';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;
/** The umask that makes anything created without an explicit mode (by us, SQLite or a library) private. */
export const PRIVATE_UMASK = 0o077;

const posix = process.platform !== 'win32';

/** Makes `dir` (and any missing parent) with mode 0700, and tightens `dir` itself if it already existed. */
export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (posix) chmodIfLooser(dir, PRIVATE_DIR_MODE);
}

/** Tightens one file Kassa owns (e.g. an SQLite file it did not create itself) to 0600; absent files are fine. */
export function makeFilePrivate(file: string): void {
  if (posix) chmodIfLooser(file, PRIVATE_FILE_MODE);
}

/**
 * Everything this process creates from now on without an explicit mode is private (SQLite's journal and temp
 * files, a library's output). Worker threads share the process umask and may not set it.
 */
export function usePrivateUmask(): void {
  if (posix && isMainThread) process.umask(PRIVATE_UMASK);
}

export interface TightenReport {
  /** Files and folders whose mode was tightened. */
  changed: number;
  /** Entries that could not be tightened (not ours, vanished); left as they are. */
  failed: number;
  /** Windows: whether the data folder's ACL now admits the current user only. */
  acl?: AclOutcome;
}

/**
 * Walks the data folder and tightens every folder to 0700 and every file to 0600 (an install made before Kassa
 * did this, or under a loose umask). Links are not followed: what they point at is not Kassa's to change.
 */
export function tightenTree(
  root: string,
  windows = !posix,
  restrict: (dir: string) => AclOutcome = restrictToCurrentUser,
): TightenReport {
  const report: TightenReport = { changed: 0, failed: 0 };
  // What is made inside inherits the folder's ACL, so the folder is all there is to set.
  if (windows) return { ...report, acl: restrict(root) };
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      report.failed++;
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        tally(report, chmodIfLooser(p, PRIVATE_DIR_MODE));
        walk(p);
      } else if (e.isFile()) {
        tally(report, chmodIfLooser(p, PRIVATE_FILE_MODE));
      }
    }
  };
  tally(report, chmodIfLooser(root, PRIVATE_DIR_MODE));
  walk(root);
  return report;
}

function tally(report: TightenReport, r: 'changed' | 'kept' | 'failed'): void {
  if (r === 'changed') report.changed++;
  else if (r === 'failed') report.failed++;
}

/** Removes group and other permissions (never adds any: a read-only file stays read-only). */
function chmodIfLooser(p: string, mode: number): 'changed' | 'kept' | 'failed' {
  try {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return 'kept';
    const current = st.mode & 0o777;
    if ((current & ~mode) === 0) return 'kept';
    fs.chmodSync(p, current & mode);
    return 'changed';
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'kept' : 'failed';
  }
}
