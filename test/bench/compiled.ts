/**
 * Benchmarks measure the app as it ships: compiled JavaScript (tsc, CommonJS) in a child process of its own, so
 * the figures (seconds, peak memory) are the app's, not the TypeScript loader's nor the benchmark's.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

/** Compiles main/ and shared/ into .tmp/<name>/ (ignored by git; inside the checkout so resources/fonts is found). */
export function compileApp(name = 'bench-dist'): string {
  const dist = path.join(ROOT, '.tmp', name);
  fs.rmSync(dist, { recursive: true, force: true });
  const r = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      path.join(ROOT, 'tsconfig.build.json'),
      '--outDir',
      dist,
      '--sourceMap',
      'false',
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`tsc failed: ${r.stdout}${r.stderr}`);
  return dist;
}

/** Runs `script` (CommonJS source) with `args` in a child process; resolves with the last line it prints, parsed. */
export function runChild<T>(script: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) reject(new Error(`child exited ${code}: ${out.slice(-500)}`));
      else resolve(JSON.parse(last) as T);
    });
  });
}

/** Child-side snippet: peak RSS of the whole process (main thread and worker threads), sampled and from VmHWM. */
export const PEAK_RSS_SNIPPET = `
let peak = process.memoryUsage.rss();
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
const peakRss = () => {
  clearInterval(sampler);
  const hwm = Number((/VmHWM:\\s+(\\d+)\\s*kB/.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8')) || [])[1] || 0) * 1024;
  return Math.max(peak, hwm);
};
`;
