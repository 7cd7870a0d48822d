import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type * as Axe from 'axe-core';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const WCAG_21_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export type Violation = { rule: string; impact: string | null | undefined; targets: string[] };

/**
 * axe-core's WCAG 2.1 A and AA rules, run on the page's document as it is now. axe is put
 * into the page once (by the test driver, which the page's Content-Security-Policy does not
 * govern) and run there. @axe-core/playwright's AxeBuilder runs every check through a
 * second page as well, to merge results from frames: about ten times slower here (450 ms
 * against 50 ms a run), and the screens checked with this have no frames.
 */
export async function wcagViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: typeof Axe };
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  }, WCAG_21_A_AA);
}
