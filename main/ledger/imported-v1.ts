/**
 * The English that imports of provider invoices wrote into the ledger up to schema version 11, frozen. Since
 * version 12 (migration 012_imported_as_data) an imported line keeps its provider's name (and a whole-invoice line
 * its number) in `invoice_lines.imported_json`, and a customer the provider did not name is stored with an empty
 * name; the texts are made where they are shown, in the reader's language (shared/invoice-text.ts).
 *
 * Imported invoices are in the record chain (chain.ts), hashed as they were stored. So that the migration keeps
 * every recorded hash true, and so that there is one canonical form whenever a document was imported, the chain
 * hashes an imported document in these version-1 words: the data maps back to exactly the text it replaced.
 */
export const v1Description = (provider: string, number: string): string => `${provider} invoice ${number}`;
export const v1Exemption = (provider: string): string =>
  `Imported from ${provider}: amounts as ${provider} holds them, tax (if any) included.`;
export const v1CustomerName = (provider: string): string => `${provider} customer`;

/** The provider named by a version-1 exemption reason, or null when the text is not one. */
export function providerOfV1Exemption(text: string | null): string | null {
  const m = /^Imported from (.+): amounts as (.+) holds them, tax \(if any\) included\.$/s.exec(text ?? '');
  return m && m[1] === m[2] ? m[1]! : null;
}

/** The customer snapshot's stored JSON as version 1 wrote it: the unnamed customer named after the provider. */
export function v1CustomerJson(customerJson: string, provider: string): string {
  const c = JSON.parse(customerJson) as Record<string, unknown>;
  if (c.name !== '') return customerJson;
  c.name = v1CustomerName(provider);
  return JSON.stringify(c);
}
