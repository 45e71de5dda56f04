/**
 * The browser host as its own process (from source or a bundle): started, its printed address awaited (it prints
 * it once it listens, after the services, sync and the scheduler are up), then stopped with SIGTERM.
 */
import { spawn } from 'node:child_process';
import { projectRoot } from '../../main/native/bindings';

export interface HostProcess {
  /** The address it printed, with its #token=. */
  url: string;
  /** SIGTERM, then its exit code and everything it wrote on stderr. */
  stop(): Promise<{ code: number | null; stderr: string }>;
}

export async function startHostProcess(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<HostProcess> {
  const child = spawn(process.execPath, [...argv, '--port', '0'], {
    cwd: projectRoot(),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.on('close', () => reject(new Error(`host exited before it listened: ${stderr}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      return { code: await exited, stderr };
    },
  };
}
