/**
 * TrueType subsetting for embedding in PDFs, as fontkit's TTFSubset does it but without its per-byte
 * table encoding: fontkit re-encodes the hinting tables (fpgm, prep, cvt) and every glyph through `restructure`
 * one number at a time, which cost ~1.2 ms per font per document plus ~30 µs per glyph — more than half of a
 * small invoice. Here the tables are raw byte copies out of the font file, read once per process.
 *
 * Output, like fontkit's: head, hhea, maxp, loca (long offsets), glyf, hmtx, cvt, prep, fpgm — the tables PDF
 * needs for a CIDFontType2 with CIDToGIDMap /Identity. Glyph programs keep their instructions, so hinting
 * still works with the copied fpgm/prep/cvt. Composite glyphs get their component glyph ids remapped to the
 * subset's ids, and the components are added to the subset.
 */

/** The parts of a fontkit font and subset this module touches. */
export interface RawFont {
  stream: { buffer: Uint8Array };
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
}

export interface GlyphSubset {
  glyphs: number[];
  includeGlyph(glyph: number): number;
}

interface Tables {
  data: Uint8Array;
  table(tag: string): Uint8Array | null;
  glyf: Uint8Array;
  loca: Uint32Array;
  numHMetrics: number;
  hmtx: Uint8Array;
}

const tablesCache = new WeakMap<object, Tables>();

function readTables(font: RawFont): Tables {
  const key = font.stream;
  const hit = tablesCache.get(key);
  if (hit) return hit;
  const data = font.stream.buffer;
  const table = (tag: string): Uint8Array | null => {
    const t = font.directory.tables[tag];
    return t ? data.subarray(t.offset, t.offset + t.length) : null;
  };
  const head = table('head');
  const hhea = table('hhea');
  const maxp = table('maxp');
  const locaRaw = table('loca');
  const glyf = table('glyf');
  const hmtx = table('hmtx');
  if (!head || !hhea || !maxp || !locaRaw || !glyf || !hmtx) throw new Error('Not a TrueType-outline font.');
  const hv = view(head);
  const longLoca = hv.getInt16(50) === 1;
  const numGlyphs = view(maxp).getUint16(4);
  const loca = new Uint32Array(numGlyphs + 1);
  const lv = view(locaRaw);
  for (let i = 0; i <= numGlyphs; i++) loca[i] = longLoca ? lv.getUint32(i * 4) : lv.getUint16(i * 2) * 2;
  const tables: Tables = { data, table, glyf, loca, numHMetrics: view(hhea).getUint16(34), hmtx };
  tablesCache.set(key, tables);
  return tables;
}

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

// Composite glyph flags (OpenType glyf table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** A glyph's bytes, with composite component ids rewritten to subset ids (adding the components). */
function glyphBytes(t: Tables, gid: number, subset: GlyphSubset): Uint8Array {
  const start = t.loca[gid] ?? 0;
  const end = t.loca[gid + 1] ?? start;
  if (end <= start) return new Uint8Array(0);
  const src = t.glyf.subarray(start, end);
  if (view(src).getInt16(0) >= 0) return src;
  const out = new Uint8Array(src);
  const v = view(out);
  let pos = 10;
  for (;;) {
    const flags = v.getUint16(pos);
    v.setUint16(pos + 2, subset.includeGlyph(v.getUint16(pos + 2)));
    pos += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) pos += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) pos += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) pos += 8;
    if (!(flags & MORE_COMPONENTS)) break;
  }
  return out;
}

function metrics(t: Tables, gid: number): [number, number] {
  const hv = view(t.hmtx);
  const n = t.numHMetrics;
  if (gid < n) return [hv.getUint16(gid * 4), hv.getInt16(gid * 4 + 2)];
  return [hv.getUint16((n - 1) * 4), hv.getInt16(n * 4 + (gid - n) * 2)];
}

const pad4 = (n: number): number => (n + 3) & ~3;

function checksum(b: Uint8Array): number {
  const padded = b.length % 4 === 0 ? b : Uint8Array.from([...b, 0, 0, 0].slice(0, pad4(b.length)));
  const v = view(padded);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  return sum;
}

/** Encodes `subset.glyphs` (original glyph ids, in subset order) as a standalone TrueType font. */
export function encodeSubset(font: RawFont, subset: GlyphSubset): Uint8Array {
  const t = readTables(font);
  const glyphs: Uint8Array[] = [];
  // The list can grow while we go (composite components), hence no for-of.
  for (let i = 0; i < subset.glyphs.length; i++) glyphs.push(glyphBytes(t, subset.glyphs[i] ?? 0, subset));
  const n = glyphs.length;

  const glyfLen = glyphs.reduce((s, g) => s + pad4(g.length), 0);
  const glyf = new Uint8Array(glyfLen);
  const loca = new Uint8Array((n + 1) * 4);
  const locaV = view(loca);
  const hmtx = new Uint8Array(n * 4);
  const hmtxV = view(hmtx);
  let off = 0;
  glyphs.forEach((g, i) => {
    locaV.setUint32(i * 4, off);
    glyf.set(g, off);
    off += pad4(g.length);
    const [advance, lsb] = metrics(t, subset.glyphs[i] ?? 0);
    hmtxV.setUint16(i * 4, advance);
    hmtxV.setInt16(i * 4 + 2, lsb);
  });
  locaV.setUint32(n * 4, off);

  const head = new Uint8Array(t.table('head') ?? new Uint8Array(54));
  view(head).setUint32(8, 0); // checkSumAdjustment, recomputed below
  view(head).setInt16(50, 1); // long loca offsets
  const hhea = new Uint8Array(t.table('hhea') ?? new Uint8Array(36));
  view(hhea).setUint16(34, n);
  const maxp = new Uint8Array(t.table('maxp') ?? new Uint8Array(32));
  view(maxp).setUint16(4, n);

  const entries: Array<[string, Uint8Array]> = [
    ['cvt ', t.table('cvt ')],
    ['fpgm', t.table('fpgm')],
    ['glyf', glyf],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx],
    ['loca', loca],
    ['maxp', maxp],
    ['prep', t.table('prep')],
  ].filter((e): e is [string, Uint8Array] => e[1] !== null);

  const numTables = entries.length;
  const maxPow2 = 2 ** Math.floor(Math.log2(numTables));
  const dirLen = 12 + numTables * 16;
  const total = dirLen + entries.reduce((s, [, b]) => s + pad4(b.length), 0);
  const out = new Uint8Array(total);
  const ov = view(out);
  ov.setUint32(0, 0x00010000);
  ov.setUint16(4, numTables);
  ov.setUint16(6, maxPow2 * 16);
  ov.setUint16(8, Math.log2(maxPow2));
  ov.setUint16(10, numTables * 16 - maxPow2 * 16);
  let pos = dirLen;
  let headOffset = 0;
  entries.forEach(([tag, bytes], i) => {
    const rec = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[rec + k] = tag.charCodeAt(k);
    ov.setUint32(rec + 4, checksum(bytes));
    ov.setUint32(rec + 8, pos);
    ov.setUint32(rec + 12, bytes.length);
    out.set(bytes, pos);
    if (tag === 'head') headOffset = pos;
    pos += pad4(bytes.length);
  });
  ov.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
