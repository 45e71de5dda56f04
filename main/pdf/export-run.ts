/**
 * Bulk PDF export coordinator: walks the invoice ids of a date range in small keyset pages on the calling
 * thread (index-only queries, well under a millisecond each), names the files, and feeds batches to worker
 * threads that do all the loading, rendering and writing. Memory stays bounded: at most `workers × 2` batches
 * are in flight, and no thread ever holds more than one batch of invoices.
 *
 * Workers run from the compiled .js next to this file, or — when this file is the .ts source (tests, tsx) —
 * from the .ts source with tsx's CommonJS hook (`--require tsx/cjs`; Node 20 workers do not apply hooks
 * registered with `--import tsx` to their entry module).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { KassaError } from '../../shared/errors';
import { englishMessage } from '../../shared/i18n/english';
import type { Message } from '../../shared/i18n/params';
import type { XmlFormat } from '../../shared/contract/books';
import { xmlExtension } from '../einvoice';
import type { BatchItem, FromWorker, ToWorker, WorkerInit } from './export-worker';
import { FileNamer } from './file-names';
import type { ExportLister, ExportRange, ExportRef } from './source';

export interface ExportProgress {
  total: number;
  done: number;
  written: number;
  failed: number;
}

export interface ExportRequest {
  ledgerFile: string;
  outDir: string;
  range: ExportRange;
  /** Lists the ids on the calling thread (the app's own connection is fine: index-only reads). */
  lister: ExportLister;
  workers?: number;
  batchSize?: number;
  signal?: AbortSignal;
  /** Called after every finished invoice; throttle on the receiving side if needed. */
  onProgress?: (p: ExportProgress) => void;
  appVersion?: string;
  /** Peak resident memory (bytes) reported by the workers, for benchmarks. */
  onRss?: (rss: number) => void;
  /** Also write each document's e-invoice XML (named like its PDF, `.<format>.xml`) into `xml.dir`. */
  xml?: { format: XmlFormat; dir: string };
}

export interface ExportSummary extends ExportProgress {
  outDir: string;
  cancelled: boolean;
  /** First failures, at most 20. */
  errors: Array<{ id: string; problem: Message; message: string }>;
  seconds: number;
}

const MAX_ERRORS = 20;

/**
 * A worker's live heap stays under ~40 MB (one batch of invoices, bounded shaping caches), but V8 lets the old
 * generation grow lazily to several times that before collecting; capping it keeps the export's resident memory
 * near what it really needs (measured with two workers: ~500 MB uncapped, ~270 MB capped) at no measurable CPU
 * cost. The young generation is left alone: shrinking it made scavenges cost more than they saved.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 96 };

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

function workerEntry(): { file: string; execArgv: string[] } {
  const ts = __filename.endsWith('.ts');
  return {
    file: path.join(__dirname, `export-worker.${ts ? 'ts' : 'js'}`),
    execArgv: [...(ts ? ['--require', 'tsx/cjs'] : [])],
  };
}

interface Slot {
  worker: Worker;
  inFlight: number;
  stopped: boolean;
  exited: Promise<void>;
}

export async function runPdfExport(req: ExportRequest): Promise<ExportSummary> {
  const started = performance.now();
  const batchSize = req.batchSize ?? 25;
  const progress: ExportProgress = { total: req.lister.count(req.range), done: 0, written: 0, failed: 0 };
  const errors: ExportSummary['errors'] = [];
  fs.mkdirSync(req.outDir, { recursive: true });
  const summary = (cancelled: boolean): ExportSummary => ({
    ...progress,
    outDir: req.outDir,
    cancelled,
    errors,
    seconds: (performance.now() - started) / 1000,
  });
  if (progress.total === 0 || req.signal?.aborted) return summary(req.signal?.aborted ?? false);

  const namer = new FileNamer();
  let after: ExportRef | null = null;
  let exhausted = false;
  const nextBatch = (): BatchItem[] => {
    if (exhausted) return [];
    const refs = req.lister.page(req.range, after, batchSize);
    if (refs.length < batchSize) exhausted = true;
    after = refs[refs.length - 1] ?? after;
    return refs.map((r) => {
      const file = namer.name(r);
      return req.xml ? { id: r.id, file, xmlFile: xmlNameFor(file, req.xml.format) } : { id: r.id, file };
    });
  };

  const { file, execArgv } = workerEntry();
  const count = Math.max(1, Math.min(req.workers ?? defaultWorkerCount(), Math.ceil(progress.total / batchSize)));
  const init: WorkerInit = {
    ledgerFile: req.ledgerFile,
    outDir: req.outDir,
    ...(req.appVersion ? { appVersion: req.appVersion } : {}),
    ...(req.xml ? { xml: req.xml } : {}),
  };
  if (req.xml) fs.mkdirSync(req.xml.dir, { recursive: true });

  return new Promise<ExportSummary>((resolve, reject) => {
    let cancelled = false;
    let failedHard: Error | null = null;
    const slots: Slot[] = [];
    const send = (slot: Slot, m: ToWorker): void => slot.worker.postMessage(m);

    const feed = (slot: Slot): void => {
      if (cancelled || failedHard || slot.stopped) return;
      while (slot.inFlight < 2) {
        const items = nextBatch();
        if (items.length === 0) break;
        slot.inFlight++;
        send(slot, { type: 'batch', items });
      }
      if (slot.inFlight === 0 && exhausted) {
        slot.stopped = true;
        send(slot, { type: 'stop' });
      }
    };

    const settle = (): void => {
      void Promise.all(slots.map((s) => s.exited)).then(() => {
        req.signal?.removeEventListener('abort', onAbort);
        // A cancelled worker may have been between writing a temp file and renaming it.
        if (cancelled) {
          removePartials(req.outDir);
          if (req.xml) removePartials(req.xml.dir);
        }
        if (failedHard) reject(failedHard);
        else resolve(summary(cancelled));
      });
    };

    const onAbort = (): void => {
      if (cancelled) return;
      cancelled = true;
      for (const s of slots) send(s, { type: 'cancel' });
    };
    req.signal?.addEventListener('abort', onAbort);

    for (let i = 0; i < count; i++) {
      const worker = new Worker(file, { workerData: init, execArgv, resourceLimits: WORKER_LIMITS });
      let exitResolve: () => void = () => {};
      const exited = new Promise<void>((r) => (exitResolve = r));
      const slot: Slot = { worker, inFlight: 0, stopped: false, exited };
      slots.push(slot);
      worker.on('message', (m: FromWorker) => {
        switch (m.type) {
          case 'item':
            progress.done++;
            if (m.ok) progress.written++;
            else {
              progress.failed++;
              if (errors.length < MAX_ERRORS)
                errors.push({ id: m.id, problem: m.problem, message: englishMessage(m.problem) });
            }
            req.onProgress?.({ ...progress });
            break;
          case 'batchDone':
            slot.inFlight--;
            req.onRss?.(m.rss);
            feed(slot);
            break;
          case 'stopped':
            req.onRss?.(m.rss);
            break;
          case 'fatal':
            failedHard ??= KassaError.withCode('io', m.problem.key.replace(/^error\./, ''), m.problem.params ?? {});
            for (const s of slots) send(s, { type: 'cancel' });
            break;
        }
      });
      worker.on('error', (err) => {
        failedHard ??= err;
        for (const s of slots) if (s !== slot) send(s, { type: 'cancel' });
      });
      worker.on('exit', () => exitResolve());
      feed(slot);
    }
    settle();
  });
}

function removePartials(dir: string): void {
  try {
    for (const name of fs.readdirSync(dir))
      if (/\.(pdf|xml)\.part-\d+-/.test(name)) fs.rmSync(path.join(dir, name), { force: true });
  } catch {
    // Nothing to clean.
  }
}

/** The XML beside a PDF of the same export: `INV-2026-0001.pdf` → `INV-2026-0001.ubl.xml`. */
export function xmlNameFor(pdfFile: string, format: XmlFormat): string {
  return `${pdfFile.replace(/\.pdf$/, '')}${xmlExtension(format)}`;
}
