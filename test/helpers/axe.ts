/// <reference lib="dom" />
/** axe-core (Deque's accessibility engine) run inside a Chromium page. */
import fs from 'node:fs';
import type { Page } from 'playwright-core';

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core's violations on the page as it is now (axe is injected on first use). */
export async function axe(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE); // evaluated by the debugger protocol: the page's CSP (rightly) refuses inline scripts
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run(
          ctx: Document,
          opts: object,
        ): Promise<{
          violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }>;
        }>;
      };
    };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
}

/** Serious or critical findings, each as "rule: targets" (what an e2e test asserts is empty). */
export async function seriousFindings(page: Page): Promise<string[]> {
  return (await axe(page))
    .filter((f) => f.impact === 'serious' || f.impact === 'critical')
    .map((f) => `${f.id}: ${f.targets.join(', ')}`);
}
