/**
 * Every provider Kassa can talk to, by id: one line each. The main process pairs each with its adapter in
 * main/providers/registry.ts (a Record over the same ids, so a provider cannot be added to one and not the other).
 */
import type { ProviderId } from '../domain';
import { KASHIER_INFO } from './kashier';
import { KASHIO_INFO } from './kashio';
import { KASPA_INFO } from './kaspa';
import { PAYCASHLESS_INFO } from './paycashless';
import { SIMPLECASH_INFO } from './simplecash';
import type { InsteadCode, InsteadOperation, ProviderField, ProviderInfo, ProviderOperation } from './types';
import type { Message } from '../i18n/params';

export type * from './types';

export const PROVIDERS: Readonly<Record<ProviderId, ProviderInfo<ProviderId>>> = {
  kashio: KASHIO_INFO,
  kashier: KASHIER_INFO,
  paycashless: PAYCASHLESS_INFO,
  kaspa: KASPA_INFO,
  simplecash: SIMPLECASH_INFO,
};

export function providerInfo(id: ProviderId): ProviderInfo<ProviderId> {
  return PROVIDERS[id];
}

/** The provider's name as people know it; the raw id for an id this version does not know (e.g. a newer ledger). */
export function providerName(id: string): string {
  return (PROVIDERS as Record<string, ProviderInfo | undefined>)[id]?.displayName ?? id;
}

export function providerCan(id: ProviderId, op: ProviderOperation): boolean {
  return PROVIDERS[id].capabilities.operations.includes(op);
}

export function secretFieldNames(id: ProviderId): { required: string[]; optional: string[]; all: string[] } {
  return fieldNames(PROVIDERS[id].secretFields);
}

export function settingFieldNames(id: ProviderId): { required: string[]; optional: string[]; all: string[] } {
  return fieldNames(PROVIDERS[id].settingFields);
}

function fieldNames(fields: readonly ProviderField[]): { required: string[]; optional: string[]; all: string[] } {
  return {
    required: fields.filter((f) => f.required).map((f) => f.name),
    optional: fields.filter((f) => !f.required).map((f) => f.name),
    all: fields.map((f) => f.name),
  };
}

/** The label of one of the provider's secret or setting fields ("Secret key"), or the name when it has none. */
export function fieldLabel(id: ProviderId, name: string): string {
  const p = PROVIDERS[id];
  return [...p.secretFields, ...p.settingFields].find((f) => f.name === name)?.label ?? name;
}

/** A field's label as a catalogue message (providers.field.<id>.<name>), worded in the reader's language. */
export function fieldLabelMessage(id: ProviderId, name: string): Message {
  return { key: `providers.field.${id}.${name}` };
}

/** What to do instead of an operation the provider lacks; null when it has the operation. */
export function insteadOf(id: ProviderId, op: InsteadOperation): InsteadCode | null {
  return PROVIDERS[id].instead[op] ?? null;
}

/** The catalogue key and parameters of an instead code (`providers.instead.<code>`, with the provider's name). */
export function insteadMessage(
  code: InsteadCode,
  providerId: ProviderId,
): { key: `providers.instead.${InsteadCode}`; params: { provider: string } } {
  return { key: `providers.instead.${code}`, params: { provider: providerName(providerId) } };
}
