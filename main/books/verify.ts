/**
 * Checks a bookkeeper's archive (a .zip, or the folder an export wrote) against its manifest, on any machine and
 * without a ledger: every file the manifest lists must be there with the same size and SHA-256, and nothing else
 * may be. A changed PDF is named by its path. Streams every entry through the hash, so memory does not grow with
 * the archive's size; what is kept is one hash per file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import yauzl from 'yauzl';
import type { ArchiveManifestFile, VerifyReport } from '../../shared/contract/books';
import { englishText } from '../../shared/i18n/english';
import { ARCHIVE_KIND, MANIFEST, sha256File, type ArchiveManifest } from './archive';

type Seen = Map<string, { sha256: string; bytes: number }>;

/** The manifest's largest plausible size: 200 bytes a file for a million files. */
const MAX_MANIFEST = 256 * 1024 * 1024;

class ArchiveError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string> = {},
  ) {
    super(englishText(`error.${code}`, params, code));
  }
}

function parseManifest(text: string): ArchiveManifest {
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    throw new ArchiveError('archive_manifest_invalid');
  }
  const files = (m as { files?: unknown }).files;
  if (
    typeof m !== 'object' ||
    m === null ||
    (m as { kind?: unknown }).kind !== ARCHIVE_KIND ||
    !Array.isArray(files) ||
    !files.every(
      (f: Partial<ArchiveManifestFile>) =>
        typeof f?.path === 'string' && typeof f.sha256 === 'string' && typeof f.bytes === 'number',
    )
  )
    throw new ArchiveError('archive_manifest_invalid');
  return m as ArchiveManifest;
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: true, validateEntrySizes: true }, (err, zip) =>
      err || !zip ? reject(new ArchiveError('archive_unreadable', { reason: err?.message ?? '' })) : resolve(zip),
    ),
  );
}

/** Every entry of the zip hashed, and the manifest's text. */
async function readZip(file: string): Promise<{ seen: Seen; manifest: string | null }> {
  const zip = await openZip(file);
  const seen: Seen = new Map();
  let manifest: string | null = null;
  await new Promise<void>((resolve, reject) => {
    const fail = (err: unknown): void => {
      zip.close();
      reject(
        err instanceof ArchiveError
          ? err
          : new ArchiveError('archive_unreadable', { reason: String((err as Error)?.message ?? err) }),
      );
    };
    zip.on('error', fail);
    zip.on('end', resolve);
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return fail(err);
        const h = createHash('sha256');
        const keep = entry.fileName === MANIFEST && entry.uncompressedSize <= MAX_MANIFEST;
        const chunks: Buffer[] = [];
        let bytes = 0;
        stream.on('data', (c: Buffer) => {
          h.update(c);
          bytes += c.length;
          if (keep) chunks.push(c);
        });
        stream.on('error', fail);
        stream.on('end', () => {
          seen.set(entry.fileName, { sha256: h.digest('hex'), bytes });
          if (keep) manifest = Buffer.concat(chunks).toString('utf8');
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return { seen, manifest };
}

async function readFolder(dir: string): Promise<{ seen: Seen; manifest: string | null }> {
  const seen: Seen = new Map();
  const walk = async (d: string, prefix: string): Promise<void> => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(path.join(d, e.name), rel);
      else seen.set(rel, await sha256File(path.join(d, e.name)));
    }
  };
  await walk(dir, '');
  const file = path.join(dir, MANIFEST);
  return { seen, manifest: fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null };
}

export async function verifyArchive(archive: string): Promise<VerifyReport> {
  const report: VerifyReport = {
    ok: false,
    archive,
    files: 0,
    changed: [],
    missing: [],
    unexpected: [],
    from: null,
    to: null,
    chainHead: null,
    createdAt: null,
    error: null,
  };
  try {
    if (!fs.existsSync(archive)) throw new ArchiveError('archive_unreadable', { reason: 'no such file' });
    const { seen, manifest: text } = fs.statSync(archive).isDirectory()
      ? await readFolder(archive)
      : await readZip(archive);
    if (text === null) throw new ArchiveError('archive_no_manifest');
    const manifest = parseManifest(text);
    Object.assign(report, {
      files: manifest.files.length,
      from: manifest.from,
      to: manifest.to,
      chainHead: manifest.chainHead,
      createdAt: manifest.createdAt,
    });
    const listed = new Set<string>();
    for (const f of manifest.files) {
      listed.add(f.path);
      const got = seen.get(f.path);
      if (!got) report.missing.push(f.path);
      else if (got.sha256 !== f.sha256 || got.bytes !== f.bytes) report.changed.push(f.path);
    }
    report.unexpected = [...seen.keys()].filter((p) => p !== MANIFEST && !listed.has(p)).sort();
    report.ok = report.changed.length === 0 && report.missing.length === 0 && report.unexpected.length === 0;
  } catch (err) {
    if (!(err instanceof ArchiveError)) throw err;
    report.error = { code: err.code, message: err.message, params: err.params };
  }
  return report;
}
