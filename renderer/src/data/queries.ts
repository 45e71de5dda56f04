/**
 * The renderer's one query cache: every screen reads main's data through `useQuery(method, input)` instead of
 * fetching into its own state. Answers are kept per method + input in a zustand store; main's change events
 * (`ledger.changed`, `sync.changed`) mark the answers they affect stale, and the ones on screen are fetched
 * again at once (the others when next shown). After a mutation, `refresh(topic)` does the same without waiting
 * for the event.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { MethodInput, MethodName, MethodResult } from '../../../shared/api';
import { call, onEvent } from '../client';

/** What a change is about: the ledger's entities, plus the outbox/sync state and a background job's progress. */
export type Topic =
  | 'invoice'
  | 'customer'
  | 'profile'
  | 'account'
  | 'preferences'
  | 'sync'
  | 'smtp'
  | 'recurring'
  | 'quotes'
  | 'reminders'
  | 'period'
  | 'job';

/** Which topics make a method's answers stale. Methods not listed are read once per input. */
const STALE_ON: { readonly [M in MethodName]?: readonly Topic[] } = {
  'app.info': ['invoice', 'customer', 'profile', 'account'],
  'app.preferences': ['preferences'],
  'ledger.autoBackupStatus': ['preferences'],
  'profile.get': ['profile'],
  'taxRate.list': ['profile'],
  'series.list': ['profile', 'invoice', 'quotes'],
  'dashboard.totals': ['invoice'],
  'invoice.list': ['invoice', 'customer'],
  'invoice.count': ['invoice', 'customer'],
  'invoice.get': ['invoice', 'customer'],
  'invoice.history': ['invoice'],
  'customer.list': ['customer'],
  'customer.count': ['customer'],
  'customer.get': ['customer'],
  'account.list': ['account'],
  'sync.status': ['sync', 'account', 'invoice'],
  'smtp.get': ['smtp'],
  'share.options': ['invoice', 'customer', 'profile', 'account', 'smtp', 'sync'],
  'share.items': ['sync', 'invoice'],
  'recurring.list': ['recurring', 'customer'],
  'recurring.get': ['recurring', 'invoice'],
  'quote.list': ['quotes'],
  'quote.count': ['quotes'],
  'quote.get': ['quotes', 'invoice'],
  'reminder.rules': ['reminders'],
  'reminder.list': ['reminders', 'invoice'],
  'reminder.invoice': ['reminders', 'invoice'],
  'period.list': ['period'],
  'report.vat': ['invoice', 'period'],
  'record.verify': ['invoice', 'period'],
  'archive.list': ['period'],
  'archive.status': ['job'],
  'pdf.exportStatus': ['job'],
};

interface Entry {
  method: MethodName;
  input: unknown;
  data?: unknown;
  error?: unknown;
  loading: boolean;
  stale: boolean;
  /** Mounted readers; an entry nobody reads is dropped when it goes stale. */
  watchers: number;
  /** Only the answer to the latest request is kept (an older one may arrive later). */
  seq: number;
  /** When it was last shown, to drop the oldest of the answers nobody reads. */
  used: number;
}

interface QueryStore {
  entries: Record<string, Entry>;
  /** How many times each topic was refreshed: a list that plans its own reads starts again when one changes. */
  versions: Partial<Record<Topic, number>>;
}

export const useQueryStore = create<QueryStore>(() => ({ entries: {}, versions: {} }));

/** Answers kept for screens not shown right now (back navigation shows them at once). */
const KEEP_UNWATCHED = 50;
let clock = 0;

const keyOf = (method: MethodName, input: unknown): string => `${method} ${JSON.stringify(input ?? {})}`;

function patch(key: string, p: Partial<Entry>): void {
  useQueryStore.setState((s) => {
    const e = s.entries[key];
    return e ? { entries: { ...s.entries, [key]: { ...e, ...p } } } : s;
  });
}

function fetchEntry(key: string): void {
  const e = useQueryStore.getState().entries[key];
  if (!e) return;
  const seq = e.seq + 1;
  patch(key, { loading: true, seq });
  const current = (): boolean => useQueryStore.getState().entries[key]?.seq === seq;
  call(e.method, e.input as MethodInput<typeof e.method>).then(
    (data) => current() && patch(key, { data, error: undefined, loading: false, stale: false }),
    (error: unknown) => current() && patch(key, { error, loading: false, stale: false }),
  );
}

/** Marks every answer about these topics stale: refetched now if on screen, dropped otherwise. */
export function refresh(...topics: Topic[]): void {
  const { entries } = useQueryStore.getState();
  const next: Record<string, Entry> = {};
  const refetch: string[] = [];
  for (const [key, e] of Object.entries(entries)) {
    const affected = STALE_ON[e.method]?.some((t) => topics.includes(t)) ?? false;
    if (!affected) next[key] = e;
    else if (e.watchers > 0) {
      next[key] = { ...e, stale: true };
      refetch.push(key);
    }
  }
  const versions = { ...useQueryStore.getState().versions };
  for (const t of topics) versions[t] = (versions[t] ?? 0) + 1;
  useQueryStore.setState({ entries: next, versions });
  refetch.forEach(fetchEntry);
}

/** Every answer stale at once: after the whole ledger was replaced (a restore). */
export function refreshAll(): void {
  refresh(...new Set(Object.values(STALE_ON).flat()));
}

let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  onEvent('ledger.changed', (p) => refresh(p.entity));
  onEvent('sync.changed', () => refresh('sync'));
  onEvent('recurring.changed', () => refresh('recurring'));
  onEvent('quotes.changed', () => refresh('quotes'));
  onEvent('reminders.changed', () => refresh('reminders'));
}

function dropOldUnwatched(): void {
  const { entries } = useQueryStore.getState();
  const idle = Object.entries(entries)
    .filter(([, e]) => e.watchers === 0)
    .sort(([, a], [, b]) => a.used - b.used);
  if (idle.length <= KEEP_UNWATCHED) return;
  const next = { ...entries };
  for (const [key] of idle.slice(0, idle.length - KEEP_UNWATCHED)) delete next[key];
  useQueryStore.setState({ entries: next });
}

function watch(key: string, method: MethodName, input: unknown): () => void {
  listen();
  const e = useQueryStore.getState().entries[key];
  useQueryStore.setState((s) => ({
    entries: {
      ...s.entries,
      [key]: e
        ? { ...e, watchers: e.watchers + 1 }
        : { method, input, loading: false, stale: true, watchers: 1, seq: 0, used: 0 },
    },
  }));
  const now = useQueryStore.getState().entries[key]!;
  if (now.stale && !now.loading) fetchEntry(key);
  return () => {
    const cur = useQueryStore.getState().entries[key];
    if (cur) patch(key, { watchers: Math.max(0, cur.watchers - 1), used: ++clock });
    dropOldUnwatched();
  };
}

export interface QueryResult<T> {
  /** The latest answer (kept while a newer one is fetched), undefined until the first arrives. */
  data: T | undefined;
  /** The error of the latest request, if it failed (show it with <ErrorLine error={…} />). */
  error: unknown;
  loading: boolean;
  /** Asks main again now (e.g. a "check again" button). */
  reload(): void;
}

/** Main's answer to `method(input)`, kept fresh. `input: null` reads nothing (e.g. nothing selected yet). */
export function useQuery<M extends MethodName>(method: M, input: MethodInput<M> | null): QueryResult<MethodResult<M>> {
  const key = input === null ? null : keyOf(method, input);
  const entry = useQueryStore((s) => (key === null ? undefined : s.entries[key]));
  useEffect(() => {
    if (key === null) return undefined;
    return watch(key, method, JSON.parse(key.slice(method.length + 1)) as unknown);
  }, [key, method]);
  return {
    data: entry?.data as MethodResult<M> | undefined,
    error: entry?.error,
    loading: entry === undefined || entry.loading,
    reload: () => key !== null && fetchEntry(key),
  };
}

/** The latest answer held for `method(input)`, without reading it (undefined if none). */
export function peekQuery<M extends MethodName>(method: M, input: MethodInput<M>): MethodResult<M> | undefined {
  return useQueryStore.getState().entries[keyOf(method, input)]?.data as MethodResult<M> | undefined;
}

/** Changes whenever one of these topics is refreshed (main's change events or `refresh`). */
export function useTopicsVersion(...topics: Topic[]): number {
  return useQueryStore((s) => topics.reduce((n, t) => n + (s.versions[t] ?? 0), 0));
}
