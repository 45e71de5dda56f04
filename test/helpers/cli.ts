import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../main/native/bindings';

const root = projectRoot();

/** Runs the `kassa` CLI from source in a child process, as a user would run it. */
export function kassa(args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'main', 'cli', 'main.ts'), ...args], {
    cwd: root,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, ...opts.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
