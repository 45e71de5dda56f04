/**
 * Everything Kassa knows about one provider, in one value per provider folder (main/providers/<id>/index.ts):
 * the part both processes see (shared/providers/<id>.ts: name, fields, capabilities), plus what only the main
 * process holds: how our invoice numbers travel as the provider's reference, how status polling finds the
 * invoices that can still change, and the adapter factory. Sync, accounts, the CLI and the PDF read this, never a
 * provider's id spelled out.
 */
import type { ProviderId } from '../../shared/domain';
import type { ProviderInfo } from '../../shared/providers';
import type { AdapterFactory, ListFilter } from './types';

/** How a ledger invoice number travels as the provider's reference, and how it is recognised when it comes back. */
export interface ReferenceCodec {
  /** The reference sent for this number (and later looked up by). */
  encode(number: string): string;
  /**
   * The ledger number a reference was made from, for every form Kassa ever sent; null for a reference Kassa would
   * never have written (a foreign one, kept verbatim).
   */
  decode(reference: string): string | null;
  /** Every reference Kassa may have sent for this number, the current form first (lookups try them all). */
  sentForms(number: string): string[];
}

/** The provider's reference is our number, as is. */
export const IDENTITY_REFERENCE: ReferenceCodec = {
  encode: (number) => number,
  decode: (reference) => (reference === '' ? null : reference),
  sentForms: (number) => [number],
};

/**
 * How status polling finds the invoices that can still change:
 * - `list`: list pages filtered to open invoices (`openFilters`); an open invoice of ours missing from them has
 *   changed and is read on its own (`get`), or, where there is no get, searched for in `closedFilters` pages;
 * - `events`: the provider's change feed since the last poll (an invoice absent from it has not changed);
 * - `get`: one read per open invoice (no usable list filter).
 */
export type PollStrategy =
  | {
      kind: 'list';
      /** Page size the adapter lists with (for the cost estimate). */
      pageSize: number;
      openFilters(currencies: readonly string[]): ListFilter[];
      closedFilters?(currencies: readonly string[]): ListFilter[];
    }
  | { kind: 'events'; pageSize: number }
  | { kind: 'get' };

export interface ProviderDescriptor {
  info: ProviderInfo<ProviderId>;
  reference: ReferenceCodec;
  poll: PollStrategy;
  /** Builds the adapter for an account; absent while this version of Kassa has no adapter for the provider. */
  factory?: AdapterFactory;
}
