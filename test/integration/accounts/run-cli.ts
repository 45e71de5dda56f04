/** Runs the real `kassa` CLI in a child process (async, so servers in the test process keep answering). */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `wrap` runs the CLI inside another command, e.g. ['dbus-run-session', '--']. */
export function runCli(
  args: string[],
  opts: { env: NodeJS.ProcessEnv; input?: string; cwd?: string; wrap?: string[] },
): Promise<CliRun> {
  const cli = [process.execPath, '--import', 'tsx', path.join(ROOT, 'main', 'cli', 'main.ts'), ...args];
  const [cmd, ...argv] = [...(opts.wrap ?? []), ...cli] as [string, ...string[]];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, {
      cwd: opts.cwd ?? ROOT,
      env: opts.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

/** The JSON error body a failing command printed on stderr. */
export function errorOf(run: CliRun): {
  code: string;
  message: string;
  field: string | null;
  details?: Record<string, unknown>;
} {
  // Wrappers (dbus-run-session, gnome-keyring-daemon) may print on the same stream first.
  const at = run.stderr.lastIndexOf('{"error"');
  const line = at < 0 ? undefined : run.stderr.slice(at).split('\n')[0];
  if (!line) throw new Error(`no JSON error on stderr (exit ${run.code}): ${run.stderr.slice(0, 500)}`);
  return (JSON.parse(line) as { error: { code: string; message: string; field: string | null } }).error;
}
