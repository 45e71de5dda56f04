/**
 * On Windows, POSIX modes mean nothing: the data folder is made private with its ACL instead. `icacls` removes the
 * inherited entries (`/inheritance:r`) and replaces any grant with full control for the current user only, passed
 * down to every file and folder created inside (`(OI)(CI)F`) — the ledger, WAL/SHM, backups, exports and logs.
 *
 * NOT RUN ON WINDOWS: this project has no Windows machine. The command line is built here and unit-tested (arguments,
 * quoting of paths with spaces, a failure reported rather than thrown); that icacls accepts it was not observed.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

export interface AclCommand {
  /** icacls.exe from the system folder (never a PATH lookup a user's folder could shadow). */
  file: string;
  /** Each argument already quoted for the Windows command line (passed with windowsVerbatimArguments). */
  args: string[];
}

export type AclOutcome = { ok: true } | { ok: false; reason: string };

/** Runs `cmd` and answers its exit status and what it printed; a test passes its own. */
export type RunAclCommand = (cmd: AclCommand) => { status: number | null; output: string; error?: Error };

/**
 * One argument as the Microsoft C runtime splits a command line (CommandLineToArgvW): quoted when it holds a space,
 * tab or quote or is empty; backslashes are doubled only before a quote (the closing one included) and quotes
 * escaped — so `C:\Users\Ana Lopez\` stays one argument and keeps its trailing backslash.
 */
export function quoteWindowsArg(arg: string): string {
  if (arg !== '' && !/[\s"]/.test(arg)) return arg;
  let out = '"';
  let slashes = 0;
  for (const ch of arg) {
    if (ch === '\\') {
      slashes++;
      continue;
    }
    out += ch === '"' ? '\\'.repeat(slashes * 2 + 1) + '"' : '\\'.repeat(slashes) + ch;
    slashes = 0;
  }
  return `${out}${'\\'.repeat(slashes * 2)}"`;
}

/** The account icacls grants to: DOMAIN\user when Windows says the domain (a local account's is the machine name). */
export function currentWindowsUser(env: NodeJS.ProcessEnv = process.env, username = os.userInfo().username): string {
  const user = env.USERNAME || username;
  return env.USERDOMAIN ? `${env.USERDOMAIN}\\${user}` : user;
}

export function icaclsCommand(dir: string, user: string, env: NodeJS.ProcessEnv = process.env): AclCommand {
  const systemRoot = env.SystemRoot || env.SYSTEMROOT || 'C:\\Windows';
  return {
    file: path.win32.join(systemRoot, 'System32', 'icacls.exe'),
    args: [dir, '/inheritance:r', '/grant:r', `${user}:(OI)(CI)F`].map(quoteWindowsArg),
  };
}

const runIcacls: RunAclCommand = (cmd) => {
  const r = spawnSync(cmd.file, cmd.args, {
    windowsVerbatimArguments: true,
    windowsHide: true,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}`, ...(r.error ? { error: r.error } : {}) };
};

/** Restricts `dir` (and what will be made inside it) to the current user; a failure is answered, never thrown. */
export function restrictToCurrentUser(
  dir: string,
  opts: { run?: RunAclCommand; user?: string; env?: NodeJS.ProcessEnv } = {},
): AclOutcome {
  const env = opts.env ?? process.env;
  const cmd = icaclsCommand(dir, opts.user ?? currentWindowsUser(env), env);
  try {
    const r = (opts.run ?? runIcacls)(cmd);
    if (r.error) return { ok: false, reason: r.error.message };
    if (r.status !== 0) {
      const said = r.output.trim().split(/\r?\n/)[0] ?? '';
      return { ok: false, reason: `icacls exited with ${r.status ?? 'a signal'}${said ? `: ${said}` : ''}` };
    }
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}
