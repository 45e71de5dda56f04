/**
 * Who holds an outbox row. Each drainer (the app's, each `kassa sync`) has its own owner id
 * `<host>/<pid>/<random>`; a lease also has an expiry, renewed while the row is worked on. A lease whose owner is a
 * process of this machine that no longer exists (killed, crashed) is released at once instead of waiting for the
 * expiry, so a restarted sync resumes immediately. Owners on other machines (a ledger on a shared disk) are only
 * ever released by expiry.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';

export function newLeaseOwner(): string {
  return `${os.hostname()}/${process.pid}/${randomBytes(6).toString('hex')}`;
}

/** True when `owner` names a process of this machine that is gone. */
export function ownerIsDead(owner: string): boolean {
  const parts = owner.split('/');
  if (parts.length !== 3 || parts[0] !== os.hostname()) return false;
  return processIsGone(Number(parts[1]));
}

/** True when no process `pid` exists on this machine (never for this process or a malformed pid). */
export function processIsGone(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else — alive.
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
