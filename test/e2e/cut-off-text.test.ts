/// <reference lib="dom" />
/**
 * Text that a field shows in full, in English and Arabic: the Bookkeeping "Period" field's hint (its placeholder) and
 * each choice of the e-mail settings' Encryption list (the chosen one is what the closed list shows). Each text is
 * measured in the field's own font and compared with the room the field gives it; screenshots of both screens are
 * kept under test-results/cut-off/.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Locator } from 'playwright-core';
import { resultsDir } from '../helpers/browser';
import { NAV, openSeeded } from '../helpers/screens';

const shots = (): string => {
  const dir = path.join(resultsDir(), 'cut-off');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};

/** Room for text inside the field (padding off; a closed list's arrow off too) and the text's width in its font. */
async function fit(
  field: Locator,
  text: 'placeholder' | 'selected',
): Promise<{ room: number; text: number; what: string }> {
  return field.evaluate((el, which) => {
    const style = getComputedStyle(el);
    const what =
      which === 'placeholder'
        ? ((el as HTMLInputElement).placeholder ?? '')
        : ((el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    // Chromium draws a closed list's arrow inside its padding box: about one line's height wide.
    const arrow = el.tagName === 'SELECT' ? parseFloat(style.fontSize) * 1.5 : 0;
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - arrow;
    return { room, text: ctx.measureText(what).width, what };
  }, text);
}

for (const [locale, lang] of [
  ['en-US', 'en'],
  ['ar-EG', 'ar'],
] as const) {
  test(`${lang}: the Period hint and every Encryption choice show in full`, async () => {
    const { page, problems } = await openSeeded(locale);
    await page.locator('nav.sidebar button.nav').nth(NAV.books).click();
    await page.getByTestId('books-periods').waitFor();
    const period = await fit(page.getByTestId('period-input'), 'placeholder');
    assert.ok(period.what.length > 10, period.what);
    await page.getByTestId('books-periods').screenshot({ path: path.join(shots(), `${lang}-books-periods.png`) });
    await page.screenshot({ path: path.join(shots(), `${lang}-books.png`), fullPage: true });
    assert.ok(period.text <= period.room, `"${period.what}" needs ${period.text}px, the field has ${period.room}px`);

    await page.locator('nav.sidebar button.nav').nth(NAV.settings).click();
    const tls = page.getByTestId('smtp-tls');
    await tls.waitFor();
    const values = await tls.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    assert.equal(values.length, 3);
    for (const v of values) {
      await tls.selectOption(v);
      const choice = await fit(tls, 'selected');
      await page.getByTestId('smtp-panel').screenshot({ path: path.join(shots(), `${lang}-smtp-${v}.png`) });
      assert.ok(choice.text <= choice.room, `"${choice.what}" needs ${choice.text}px, the list has ${choice.room}px`);
    }
    assert.deepEqual(problems, []);
  });
}
