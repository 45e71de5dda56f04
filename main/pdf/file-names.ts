/**
 * Stable PDF file names: the invoice number ("INV-2026-0001.pdf"), or "draft-<id>.pdf" for a draft. Characters
 * that are unsafe in file names on any OS become "_"; when two invoices of one export would get the same name
 * (numbers of different series that differ only in such characters), the later one gets its id appended.
 */
export interface NamedRef {
  id: string;
  number: string | null;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

export function baseFileName(ref: NamedRef): string {
  if (!ref.number) return `draft-${ref.id}`;
  let name = ref.number
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 120);
  if (name === '' || WINDOWS_RESERVED.test(name)) name = `invoice-${ref.id}`;
  return name;
}

/** Names for one export run; remembers what it handed out so no two invoices share a file. */
export class FileNamer {
  private readonly used = new Set<string>();

  name(ref: NamedRef): string {
    let base = baseFileName(ref);
    if (this.used.has(base.toLowerCase())) base = `${base}-${ref.id}`;
    this.used.add(base.toLowerCase());
    return `${base}.pdf`;
  }
}
