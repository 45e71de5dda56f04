/** The archives the app made in its exports folder, newest first. */
import fs from 'node:fs';
import path from 'node:path';
import type { ArchiveInfo } from '../../shared/contract/books';

export function listArchives(dir: string): ArchiveInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => /^kassa-archive-.*\.zip$/.test(name))
    .map((fileName) => {
      const file = path.join(dir, fileName);
      const st = fs.statSync(file);
      return { file, fileName, bytes: st.size, createdAt: st.mtime.toISOString() };
    })
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}
