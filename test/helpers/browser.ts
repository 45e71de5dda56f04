/** Debian's Chromium driven by playwright-core (never `playwright install`: no download is possible). */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { after } from 'node:test';
import { buildHandlers } from '../../main/handlers';
import { startHost, type RunningHost } from '../../main/host/server';
import { projectRoot } from '../../main/native/bindings';
import type { Services } from '../../main/services';

export const CHROMIUM_PATH = process.env.KASSA_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  after(() => browser.close());
  return browser;
}

export function resultsDir(): string {
  const dir = path.join(projectRoot(), 'test-results');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export function rendererDir(): string {
  const dir = path.join(projectRoot(), 'dist', 'renderer');
  if (!fs.existsSync(path.join(dir, 'index.html')))
    throw new Error('dist/renderer is missing: npm test builds it; or run npm run build:renderer');
  return dir;
}

/**
 * The app as a user gets it: the browser host over these services (closed after the test file) and a fresh
 * Chromium page whose uncaught errors are collected in `problems`. The caller navigates (host.openUrl).
 * `locale` is the browser's language (navigator.languages, Accept-Language), e.g. 'ar-EG' for a first start in Arabic.
 */
export async function openApp(
  s: Services,
  opts: { locale?: string } = {},
): Promise<{ host: RunningHost; page: Page; problems: string[] }> {
  const host = await startHost({ handlers: buildHandlers(s), events: s.events, log: s.log, staticDir: rendererDir() });
  after(() => host.close());
  const browser = await launchBrowser();
  const context = await browser.newContext({ locale: opts.locale ?? 'en-US' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  return { host, page, problems };
}
