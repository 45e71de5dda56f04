/**
 * Every file Kassa writes for the user (PDFs, CSV and PDF exports, backups) is written here, so a reader, a crash or
 * a power cut sees either the old file or the whole new one, never half of it: write a temporary file in the same
 * folder, fsync it, rename it over the target, fsync the folder (the rename itself must reach the disk too).
 * New files are created in one place (`TempFile`'s constructor), private (0600; new folders 0700) whatever the umask
 * (main/private-files.ts).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './private-files';

/** A place to write chunks to while a writer produces a large file (CSV export). */
export interface ChunkSink {
  write(chunk: string | Uint8Array): void;
}

function fsyncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch (err) {
    // Some platforms (Windows) and file systems cannot open or fsync a folder; the rename stands regardless.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw err;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A temporary file next to its target: same folder (a rename cannot cross file systems), hidden, unique. */
class TempFile implements ChunkSink {
  readonly path: string;
  private fd: number | undefined;

  constructor(private readonly target: string) {
    // Folders it has to make are private; a folder that exists (one the user named) is left as it is.
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: PRIVATE_DIR_MODE });
    this.path = path.join(
      path.dirname(target),
      `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.part`,
    );
    // 'wx': created here, never an existing file (or a link someone planted) reused.
    this.fd = fs.openSync(this.path, 'wx', PRIVATE_FILE_MODE);
  }

  write(chunk: string | Uint8Array): void {
    if (this.fd === undefined) throw new Error('temporary file already closed');
    fs.writeFileSync(this.fd, chunk);
  }

  /** Closes our handle so a library can write the file by path. */
  release(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }

  commit(): void {
    const fd = this.fd ?? fs.openSync(this.path, 'r+');
    this.fd = undefined;
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(this.path, this.target);
    fsyncFolder(path.dirname(this.target));
  }

  discard(): void {
    try {
      this.release();
    } catch {
      // already closed
    }
    fs.rmSync(this.path, { force: true });
  }
}

/** Writes `data` to `target` atomically (replacing any file there). */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const f = new TempFile(target);
  try {
    f.write(data);
    f.commit();
  } catch (err) {
    f.discard();
    throw err;
  }
}

/** Writes `target` atomically from the chunks `fill` produces; nothing appears at `target` if `fill` fails. */
export async function writeFileAtomicFrom<T>(target: string, fill: (sink: ChunkSink) => Promise<T>): Promise<T> {
  const f = new TempFile(target);
  try {
    const result = await fill(f);
    f.commit();
    return result;
  } catch (err) {
    f.discard();
    throw err;
  }
}

/**
 * Lets a library write the file by path (SQLite's backup API), then puts it in place atomically: `produce` gets the
 * temporary path, already created (empty).
 */
export async function replaceFileAtomic(target: string, produce: (tmpPath: string) => Promise<void>): Promise<void> {
  const f = new TempFile(target);
  try {
    f.release();
    await produce(f.path);
    f.commit();
  } catch (err) {
    f.discard();
    throw err;
  }
}
