/// <reference lib="dom" />
/**
 * axe-core (Deque's accessibility engine, run inside the page) on every main screen, with every panel and
 * confirmation of the invoice page and the restore confirmation open, and on the setup, in English and in Arabic:
 * no serious or critical finding. Minor and moderate findings are printed, not failed.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { axe, type Finding } from '../helpers/axe';
import { openApp, resultsDir } from '../helpers/browser';
import { seededServices, visitMainScreens, visitSetup, type ScreenName } from '../helpers/screens';
import { caller } from '../helpers/services';

for (const lang of ['en', 'ar'] as const) {
  test(`axe-core: no serious or critical finding on any main screen (${lang})`, async () => {
    const { s } = await seededServices();
    await caller(s)('app.setPreferences', { language: lang, setup: 'done' });
    const { host, page, problems } = await openApp(s);
    await page.setViewportSize({ width: 1280, height: 900 });
    // tsx names inner functions with a helper (__name) that the page does not have.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await page.goto(host.openUrl);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    const serious: Array<Finding & { screen: ScreenName | 'setup' | 'shortcuts' }> = [];
    const report: Record<string, Finding[]> = {};
    const check = async (screen: ScreenName | 'setup' | 'shortcuts'): Promise<void> => {
      const found = await axe(page);
      report[screen] = found;
      for (const f of found) if (f.impact === 'serious' || f.impact === 'critical') serious.push({ ...f, screen });
    };
    await visitMainScreens(page, check);
    await page.screenshot({ path: path.join(resultsDir(), `settings-${lang}.png`), fullPage: true });
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.getByTestId('shortcuts-help').waitFor();
    await check('shortcuts');
    await page.screenshot({ path: path.join(resultsDir(), `shortcuts-${lang}.png`) });
    await page.keyboard.press('Escape');
    await visitSetup(page, check);
    await page.screenshot({ path: path.join(resultsDir(), `setup-${lang}.png`), fullPage: true });
    fs.writeFileSync(path.join(resultsDir(), `axe-${lang}.json`), JSON.stringify(report, null, 2));
    const minor = Object.entries(report).flatMap(([screen, fs]) =>
      fs
        .filter((f) => f.impact !== 'serious' && f.impact !== 'critical')
        .map((f) => `${screen}: ${f.id} (${f.impact})`),
    );
    if (minor.length) console.log(`axe ${lang}, not serious: ${[...new Set(minor)].join('; ')}`);
    assert.deepEqual(
      serious.map((f) => `${f.screen}: ${f.id} (${f.impact}) ${f.help} — ${f.targets.join(', ')}`),
      [],
    );
    assert.deepEqual(problems, []);
  });
}
