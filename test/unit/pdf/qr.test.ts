import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { drawQr, qrMatrix } from '../../../main/pdf/qr';

describe('QR code as vector rectangles', () => {
  it('draws exactly the dark modules of the QR symbol for the URL', () => {
    const url = 'https://checkout.kashier.example/pay/INV-7f3a9c?mid=MID-123-456';
    const rects: Array<[number, number, number, number]> = [];
    let fills = 0;
    const size = 100;
    drawQr({ rect: (x, y, w, h) => rects.push([x, y, w, h]), fill: () => fills++ }, url, 10, 20, size);
    const m = qrMatrix(url);
    const unit = size / (m.size + 8);
    const drawn = new Set<string>();
    for (const [x, y, w] of rects) {
      const row = Math.round((y - 20) / unit) - 4;
      const col = Math.round((x - 10) / unit) - 4;
      const n = Math.round(w / unit);
      for (let k = 0; k < n; k++) drawn.add(`${row},${col + k}`);
    }
    let dark = 0;
    for (let r = 0; r < m.size; r++) {
      for (let c = 0; c < m.size; c++) {
        assert.equal(drawn.has(`${r},${c}`), m.dark(r, c), `module ${r},${c}`);
        if (m.dark(r, c)) dark++;
      }
    }
    assert.ok(dark > 100);
    assert.ok(rects.length < dark, 'runs are merged into fewer rectangles');
    assert.equal(fills, 1, 'one fill for the whole symbol');
  });

  it('encodes different URLs differently', () => {
    const a = qrMatrix('https://pay.example/1');
    const b = qrMatrix('https://pay.example/2');
    let diff = 0;
    for (let r = 0; r < a.size; r++) for (let c = 0; c < a.size; c++) if (a.dark(r, c) !== b.dark(r, c)) diff++;
    assert.ok(diff > 0);
  });
});
