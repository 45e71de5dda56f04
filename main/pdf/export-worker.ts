/**
 * Worker thread of the bulk PDF export (runs in a worker_threads Worker, never on the UI's thread). It opens its
 * own read-only connection to the ledger, takes batches of invoice ids from the coordinator (export-run.ts),
 * loads each batch with a fixed number of queries, renders, and writes each file atomically (main/atomic-write.ts),
 * so a cancelled or crashed export never leaves half a PDF under a real name.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { localDate } from '../../shared/contract/dates';
import { writeFileAtomic } from '../atomic-write';
import type { BusinessProfile } from '../../shared/domain';
import { KassaError } from '../../shared/errors';
import { msg } from '../../shared/i18n/keys';
import type { Message } from '../../shared/i18n/params';
import type { XmlFormat } from '../../shared/contract/books';
import { einvoiceXml } from '../einvoice';
import { openDatabase } from '../ledger/connection';
import { renderInvoice } from './render';
import { ledgerInvoiceSource, type InvoiceSource } from './source';

export interface WorkerInit {
  ledgerFile: string;
  outDir: string;
  appVersion?: string;
  /** Also write each document's e-invoice XML in this format into this folder (the bookkeeper's archive). */
  xml?: { format: XmlFormat; dir: string };
}

export interface BatchItem {
  id: string;
  file: string;
  /** The XML's file name, when the export writes XML too. */
  xmlFile?: string;
}

export type ToWorker = { type: 'batch'; items: BatchItem[] } | { type: 'cancel' } | { type: 'stop' };

export type FromWorker =
  | { type: 'item'; id: string; ok: true; bytes: number }
  | { type: 'item'; id: string; ok: false; problem: Message }
  | { type: 'batchDone'; rss: number }
  | { type: 'stopped'; rss: number }
  | { type: 'fatal'; problem: Message };

const port = parentPort;
if (!port) throw new Error('export-worker.ts runs as a worker thread only.');
const init = workerData as WorkerInit;

/**
 * Exports are background work: on Linux, lower this thread's scheduling priority (nice 10) so that the UI's
 * thread, which shares the process and the cores, always wins the CPU when it has something to do. Linux
 * applies setpriority() to a single thread when given its kernel thread id (from /proc/thread-self).
 * Elsewhere, or if it fails, the thread simply keeps the normal priority.
 */
function lowerPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    const tid = Number(/task\/(\d+)$/.exec(fs.readlinkSync('/proc/thread-self'))?.[1]);
    if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, 10);
  } catch {
    // Not allowed or not supported: run at normal priority.
  }
}
lowerPriority();

let db: ReturnType<typeof openDatabase> | undefined;
let source: InvoiceSource | undefined;
let profile: BusinessProfile | undefined;
let cancelled = false;
const queue: BatchItem[][] = [];
let busy = false;
let stopping = false;
let finished = false;

function post(m: FromWorker): void {
  port?.postMessage(m);
}

function open(): InvoiceSource {
  if (!source) {
    db = openDatabase(init.ledgerFile, { readonly: true });
    source = ledgerInvoiceSource(db, () => localDate(new Date()));
  }
  return source;
}

async function runBatch(items: BatchItem[]): Promise<void> {
  const src = open();
  profile ??= src.profile();
  const invoices = src.invoices(items.map((i) => i.id));
  const byId = new Map(invoices.map((inv) => [inv.id, inv]));
  const corrected = src.correctedRefs(
    invoices.map((inv) => inv.correctsInvoiceId).filter((id): id is string => id !== null),
  );
  for (const item of items) {
    if (cancelled) return;
    const inv = byId.get(item.id);
    if (!inv) {
      post({ type: 'item', id: item.id, ok: false, problem: msg('error.invoice_not_found', { id: item.id }) });
      continue;
    }
    const target = path.join(init.outDir, item.file);
    const xmlTarget = init.xml && item.xmlFile ? path.join(init.xml.dir, item.xmlFile) : null;
    try {
      const ref = inv.correctsInvoiceId ? (corrected.get(inv.correctsInvoiceId) ?? null) : null;
      const r = await renderInvoice(inv, profile, {
        corrected: ref,
        ...(init.appVersion ? { appVersion: init.appVersion } : {}),
      });
      let bytes = r.pdf.length;
      if (xmlTarget && init.xml) {
        const xml = einvoiceXml(inv, profile, ref, init.xml.format).xml;
        writeFileAtomic(xmlTarget, xml);
        bytes += Buffer.byteLength(xml);
      }
      writeFileAtomic(target, r.pdf);
      post({ type: 'item', id: item.id, ok: true, bytes });
    } catch (err) {
      post({ type: 'item', id: item.id, ok: false, problem: problemOf(err) });
    }
  }
}

/** What went wrong with one invoice (or the whole batch), as a message the app shows in the reader's language. */
function problemOf(err: unknown): Message {
  if (err instanceof KassaError) return err.toMessage();
  return msg('error.pdf_render_failed', { detail: (err instanceof Error ? err.message : String(err)).slice(0, 300) });
}

async function drain(): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    while (queue.length > 0 && !cancelled) {
      const items = queue.shift() ?? [];
      await runBatch(items);
      if (!cancelled) post({ type: 'batchDone', rss: process.memoryUsage.rss() });
    }
  } catch (err) {
    post({ type: 'fatal', problem: problemOf(err) });
  } finally {
    busy = false;
  }
  if (stopping || cancelled) finish();
}

function finish(): void {
  if (finished) return;
  finished = true;
  db?.close();
  post({ type: 'stopped', rss: process.memoryUsage.rss() });
  port?.close();
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'batch') {
    queue.push(m.items);
    void drain();
  } else if (m.type === 'cancel') {
    cancelled = true;
    queue.length = 0;
    if (!busy) finish();
  } else {
    stopping = true;
    if (!busy) finish();
  }
});
