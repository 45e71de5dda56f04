/**
 * Chooses which compiled copy of a native module to load.
 *
 * better-sqlite3 is compiled against V8 directly, so a binary built for Node cannot load in Electron
 * and vice versa. node_modules always keeps the Node build (tests, CLI, browser host); `npm start` and
 * packaging build a second copy for Electron into native/electron-<abi>-<platform>-<arch>/, and the
 * Electron main process loads that one through better-sqlite3's `nativeBinding` option. Neither world
 * overwrites the other, so running `npm start` and `npm test` in any order never leaves an ABI mismatch.
 * keytar uses N-API (ABI-stable), so one build serves both runtimes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { KassaError } from '../../shared/errors';

export interface RuntimeFacts {
  electron?: string | undefined;
  modules: string;
  platform: string;
  arch: string;
  /** Electron's process.resourcesPath when packaged. */
  resourcesPath?: string | undefined;
  packaged?: boolean;
}

export function currentRuntime(): RuntimeFacts {
  const p = process as NodeJS.Process & { resourcesPath?: string };
  return {
    electron: process.versions.electron,
    modules: process.versions.modules,
    platform: process.platform,
    arch: process.arch,
    resourcesPath: p.resourcesPath,
    packaged: Boolean(p.resourcesPath && p.resourcesPath.includes('app.asar') === false && __dirname.includes('app.asar')),
  };
}

export function electronNativeDirName(rt: Pick<RuntimeFacts, 'modules' | 'platform' | 'arch'>): string {
  return `electron-v${rt.modules}-${rt.platform}-${rt.arch}`;
}

/**
 * Path to pass as better-sqlite3's `nativeBinding`, or undefined to let it load its own (Node) build.
 * `projectRoot` is where native/ lives in a source checkout; packaged apps keep it unpacked next to app.asar.
 */
export function betterSqliteBindingPath(rt: RuntimeFacts, projectRoot: string, exists: (p: string) => boolean = fs.existsSync): string | undefined {
  if (!rt.electron) return undefined;
  const dir = electronNativeDirName(rt);
  const candidates = [
    ...(rt.resourcesPath ? [path.join(rt.resourcesPath, 'app.asar.unpacked', 'native', dir, 'better_sqlite3.node')] : []),
    path.join(projectRoot, 'native', dir, 'better_sqlite3.node'),
  ];
  const found = candidates.find((c) => exists(c));
  if (!found) {
    throw new KassaError(
      'io',
      'native_module_missing',
      { electron: String(rt.electron), abi: String(rt.modules) },
      { details: { looked: candidates } },
    );
  }
  return found;
}

/** The folder holding package.json, from compiled (dist/main/native) or source (main/native) locations. */
export function projectRoot(from = __dirname): string {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  return path.resolve(from, '..', '..');
}
