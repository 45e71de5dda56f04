/// <reference lib="dom" />
/**
 * Pseudo-localisation: every main screen (with every panel and confirmation of the invoice page, the restore
 * confirmation and the setup) rendered with the pseudo-locale (`?pseudo`), in which each text made from
 * the catalogue is wrapped in ⟦…⟧. Any visible text outside those marks — text nodes, placeholders, labels for
 * screen readers, tooltips, options — that is not data (names, numbers, amounts, dates, codes) came from somewhere
 * else than the catalogue, and fails the test.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INVOICE_STATUSES, VAT_CATEGORIES } from '../../shared/domain';
import { PROVIDERS } from '../../shared/providers';
import { COUNTRY_CODES } from '../../shared/countries';
import { openApp } from '../helpers/browser';
import { SEED, seededServices, visitMainScreens, visitSetup, type Shown } from '../helpers/screens';
import { caller } from '../helpers/services';

/** Visible text on the page, one entry per text node or attribute, with where it was found. */
function visibleTexts(): Array<{ where: string; text: string }> {
  const out: Array<{ where: string; text: string }> = [];
  const visible = (el: Element): boolean => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  const describe = (el: Element): string =>
    `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}`;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || ['SCRIPT', 'STYLE', 'OPTION'].includes(el.tagName) || !visible(el)) continue;
    // A document's own text (the customer's message in the share preview) is in the customer's language, made
    // by the same catalogue for that language, never in the pseudo-locale; the share tests check its words.
    if (el.closest('[data-document-text]')) continue;
    if (n.textContent && n.textContent.trim()) out.push({ where: describe(el), text: n.textContent });
  }
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    if (!visible(el)) continue;
    for (const attr of ['placeholder', 'aria-label', 'title', 'aria-valuetext']) {
      const v = el.getAttribute(attr);
      if (v && v.trim()) out.push({ where: `${describe(el)}@${attr}`, text: v });
    }
    if (el.tagName === 'SELECT')
      for (const o of Array.from((el as HTMLSelectElement).options))
        if (o.text.trim()) out.push({ where: `${describe(el)}>option`, text: o.text });
  }
  return out;
}

/** Removes every ⟦…⟧ (nested ones included): what remains did not come from the catalogue. */
function outsideCatalogue(text: string): string {
  let s = text;
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  return s;
}

test('pseudo-localisation: every visible text on every main screen comes from the catalogue', async () => {
  const { s } = await seededServices();
  const call = caller(s);
  const info = await call('app.info', {});
  const { host, page, problems } = await openApp(s);
  // tsx names the scan's inner functions with a helper (__name) that the page does not have.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.goto(host.openUrl.replace('#', '?pseudo#'));

  // Data may appear outside the marks: names, codes and brands from the ledger and the provider descriptors,
  // the ledger's path, and what Intl writes for dates and amounts (month names, currency codes).
  const dataWords = new Set<string>();
  const addWords = (text: string): void => {
    for (const w of text.match(/\p{L}+/gu) ?? []) dataWords.add(w);
  };
  [SEED.business, ...SEED.customers, SEED.email, SEED.city, SEED.account, ...SEED.lines, info.ledgerFile].forEach(
    addWords,
  );
  Object.values(PROVIDERS).forEach((p) => addWords(p.displayName));
  // Country names are Intl's (shared/countries.ts), not the catalogue's: the browser's own names.
  (
    await page.evaluate(
      (codes) => codes.map((c) => new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' }).of(c) ?? c),
      [...COUNTRY_CODES],
    )
  ).forEach(addWords);
  [...VAT_CATEGORIES, 'INV', 'CN', 'QUO', 'EGP', 'EUR', 'USD', 'EG', 'http', 'HTTP', 'KB', 'PDF', 'MID'].forEach(
    addWords,
  );
  for (let m = 0; m < 12; m++)
    for (const month of ['short', 'long'] as const)
      addWords(new Intl.DateTimeFormat('en', { month }).format(new Date(Date.UTC(2026, m, 15))));
  ['AM', 'PM'].forEach(addWords);
  // Statuses reported by a provider are the provider's own words (data), but none is shown here.
  assert.ok(!INVOICE_STATUSES.some((st) => dataWords.has(st)), 'ledger statuses must come from the catalogue');

  const leaks: string[] = [];
  let screens = 0;
  let marked = 0;
  const scan = async (screen: string, shown?: Shown): Promise<void> => {
    screens++;
    const texts = await page.evaluate(visibleTexts);
    // A confirmation the browser draws itself is not in the page: its text is scanned as it was shown.
    if (shown?.dialog !== undefined) texts.push({ where: 'window.confirm', text: shown.dialog });
    for (const { where, text } of texts) {
      if (text.includes('⟦')) marked++;
      const rest = outsideCatalogue(text);
      const words = (rest.match(/\p{L}+/gu) ?? []).filter((w) => !dataWords.has(w));
      if (words.length > 0)
        leaks.push(`${screen} ${where}: ${JSON.stringify(text)} (not from the catalogue: ${words.join(' ')})`);
    }
  };
  const seen: string[] = [];
  await visitMainScreens(page, async (screen, shown) => {
    seen.push(screen);
    if (screen === 'delete-draft') assert.match(shown?.dialog ?? '', /⟦/, 'the delete confirmation was scanned');
    await scan(screen, shown);
  });
  await visitSetup(page, (screen) => scan(screen));
  assert.equal(screens, 24, seen.join(' '));
  assert.ok(marked > 150, `the pseudo-locale marked ${marked} texts`);
  assert.deepEqual(leaks, []);
  assert.deepEqual(problems, []);
});

test('the scan catches text that does not come from the catalogue', () => {
  assert.equal(outsideCatalogue('⟦Invoices⟧').trim(), '');
  assert.equal(outsideCatalogue('⟦Line 2: ⟦quantity⟧ must be …⟧').trim(), '');
  assert.equal(outsideCatalogue('⟦Paid⟧ this month').trim(), 'this month');
});
