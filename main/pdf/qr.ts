/**
 * A QR code drawn as vector rectangles: sharp at any zoom, no image decoding, a few hundred bytes. Dark
 * modules are merged into horizontal runs so a version-5 code is ~150 rectangles in one fill.
 */
import QRCode from 'qrcode';

export interface QrSurface {
  rect(x: number, y: number, w: number, h: number): unknown;
  fill(color: string): unknown;
}

export interface QrMatrix {
  size: number;
  dark(row: number, col: number): boolean;
}

export function qrMatrix(text: string): QrMatrix {
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = code.modules as unknown as { size: number; data: Uint8Array };
  return { size, dark: (r, c) => data[r * size + c] === 1 };
}

/** Draws the code (with its 4-module quiet zone inside `size`) with the top-left corner at (x, y). */
export function drawQr(doc: QrSurface, text: string, x: number, y: number, size: number): void {
  const m = qrMatrix(text);
  const quiet = 4;
  const unit = size / (m.size + 2 * quiet);
  let any = false;
  for (let r = 0; r < m.size; r++) {
    let c = 0;
    while (c < m.size) {
      if (!m.dark(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < m.size && m.dark(r, c)) c++;
      // A hair of overlap avoids hairline seams between rows in some viewers.
      doc.rect(x + (quiet + start) * unit, y + (quiet + r) * unit, (c - start) * unit, unit + 0.01);
      any = true;
    }
  }
  if (any) doc.fill('#000000');
}
