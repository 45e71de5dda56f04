/**
 * CSV exports as a service: a consistent snapshot on a connection of its own, progress on the `progress` event,
 * and the file written atomically (or the text returned inline, bounded). The chunked writer is csv-export.ts.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { localDate } from '../../shared/contract/dates';
import type { ExportCsvInput, ExportCsvResult } from '../../shared/contract/ledger';
import { KassaError } from '../../shared/errors';
import { msg } from '../../shared/i18n/keys';
import { writeFileAtomicFrom, type ChunkSink } from '../atomic-write';
import { exportDir } from '../config';
import type { EventHub } from '../events';
import { backupStamp } from './backup';
import { openDatabase, type Ledger } from './connection';
import { exportCsv } from './csv-export';
import { translateSqliteError } from './sql';

const INLINE_MAX_ROWS = 200_000;

export interface CsvExportDeps {
  ledger: Ledger;
  dataDir: string;
  events: EventHub;
  now: () => Date;
}

export class CsvExportService {
  constructor(private readonly d: CsvExportDeps) {}

  /** Exports to `input.file`, to a new file in the exports folder, or inline (`input.inline`). */
  async export(input: Pick<ExportCsvInput, 'what' | 'file' | 'inline' | 'filter'>): Promise<ExportCsvResult> {
    const { what, inline } = input;
    const jobId = randomUUID();
    const label = msg('ledger.export.csv_label', { what });
    const progress = (done: number): void =>
      this.d.events.emit('progress', { jobId, label, done, total: null, finished: false });
    const finished = (rows: number): void =>
      this.d.events.emit('progress', { jobId, label, done: rows, total: rows, finished: true });
    const day = localDate(this.d.now());
    // A connection of its own in a read transaction: a consistent snapshot, and writes continue meanwhile.
    const snapshot = openDatabase(this.d.ledger.file, { readonly: true });
    const run = async (sink: ChunkSink, maxRows?: number): Promise<number> => {
      snapshot.exec('BEGIN');
      try {
        return await exportCsv(snapshot, what, input.filter ?? {}, day, sink, progress, maxRows);
      } finally {
        snapshot.exec('COMMIT');
      }
    };
    try {
      if (inline) {
        const parts: string[] = [];
        let rows: number;
        try {
          rows = await run({ write: (c) => parts.push(String(c)) }, INLINE_MAX_ROWS);
        } catch (err) {
          if (err instanceof RangeError) {
            throw new KassaError('refused', 'export_too_large', { max: INLINE_MAX_ROWS }, { field: 'inline' });
          }
          throw translateSqliteError(err);
        }
        finished(rows);
        return { what, rows, file: null, csv: parts.join('') };
      }
      const target = path.resolve(
        input.file ?? path.join(exportDir(this.d.dataDir), `${what}-${backupStamp(this.d.now())}.csv`),
      );
      let rows: number;
      try {
        rows = await writeFileAtomicFrom(target, (sink) => run(sink));
      } catch (err) {
        if (err instanceof KassaError) throw err;
        throw new KassaError(
          'io',
          'export_failed',
          { file: target, detail: (err as Error).message },
          { field: 'file', cause: err },
        );
      }
      finished(rows);
      return { what, rows, file: target, csv: null };
    } finally {
      snapshot.close();
    }
  }
}
