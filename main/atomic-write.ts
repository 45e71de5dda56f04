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
import { KassaError } from '../shared/errors';
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

/**
 * Where writing `target` really goes. A symbolic link is followed to the file it names (replacing the link with a
 * file would break what the user set up); a character device or a pipe (/dev/stdout, a FIFO, /dev/full) is written
 * in place — renaming a file over it would turn the device into a regular file. A folder, a block device or a
 * socket is refused with the reason.
 */
export type OutputTarget = { kind: 'file'; path: string } | { kind: 'stream'; path: string };

export function resolveOutput(target: string): OutputTarget {
  let p = path.resolve(target);
  for (let hops = 0; ; hops++) {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'file', path: p };
      throw err;
    }
    if (st.isSymbolicLink()) {
      if (hops >= 40)
        throw new KassaError(
          'invalid_input',
          'output_unusable',
          { path: target, reason: 'link_loop' },
          { field: 'file' },
        );
      p = path.resolve(path.dirname(p), fs.readlinkSync(p));
      continue;
    }
    if (st.isFile()) return { kind: 'file', path: p };
    if (st.isCharacterDevice() || st.isFIFO()) return { kind: 'stream', path: p };
    const reason = st.isDirectory() ? 'folder' : 'not_a_file';
    throw new KassaError('invalid_input', 'output_unusable', { path: target, reason }, { field: 'file' });
  }
}

/** Writes into a device or pipe as it is (no temporary file, no rename); a full device fails here, loudly. */
function writeStream(device: string, write: (fd: number) => void): void {
  const fd = fs.openSync(device, 'w');
  try {
    write(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes `data` to `target` atomically (replacing any file there; through links; into devices as they are). */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const out = resolveOutput(target);
  if (out.kind === 'stream') return writeStream(out.path, (fd) => fs.writeFileSync(fd, data));
  const f = new TempFile(out.path);
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
  const out = resolveOutput(target);
  if (out.kind === 'stream') {
    const fd = fs.openSync(out.path, 'w');
    try {
      return await fill({ write: (chunk) => fs.writeFileSync(fd, chunk) });
    } finally {
      fs.closeSync(fd);
    }
  }
  const f = new TempFile(out.path);
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
  const out = resolveOutput(target);
  // A library writing by path (an SQLite database) needs a file it can reopen and seek in, not a stream.
  if (out.kind === 'stream')
    throw new KassaError('invalid_input', 'output_unusable', { path: target, reason: 'not_a_file' }, { field: 'file' });
  const f = new TempFile(out.path);
  try {
    f.release();
    await produce(f.path);
    f.commit();
  } catch (err) {
    f.discard();
    throw err;
  }
}
