import type { Page } from '@playwright/test';
import { getNode } from '../src/engine/tree-lookup';
import type { Tree } from '../src/engine/tree-schema';
import { answerLink, expect, heading, test } from './fixtures';
import { shippedTrees } from '../src/testing/shipped-trees';

type Screen = { title: string; heading: string; main: string };

/**
 * What a person sees, read in one round trip to the browser. Controls that need
 * JavaScript (copy, feedback: `.no-print`) appear a moment after a fresh page hydrates;
 * they are left out here and tested on their own.
 */
async function readScreen(page: Page): Promise<Screen> {
  return page.evaluate(() => {
    const main = document.querySelector('main')?.cloneNode(true) as HTMLElement | undefined;
    main?.querySelectorAll('.no-print').forEach((control) => control.remove());
    return {
      title: document.title,
      heading: document.querySelector('h1')?.textContent ?? '',
      main: main?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    };
  });
}

function nodeHeading(tree: Tree, id: string): string {
  const node = getNode(tree, id);
  if (!node) throw new Error(`no node ${id}`);
  return node.kind === 'question' ? node.prompt : node.title;
}

/**
 * Depth-first: click each answer, walk on, then go Back. Every path from the start to an
 * outcome is walked by clicking, and Back is exercised at every branch. Records what each
 * step URL showed, to compare with opening that URL fresh.
 */
async function walk(
  page: Page,
  tree: Tree,
  nodeId: string,
  trail: string[],
  seen: Map<string, Screen>,
) {
  const url = ['', tree.id, ...trail].join('/') + (trail.length > 0 ? `?v=${tree.version}` : '');
  await expect(heading(page)).toHaveText(nodeHeading(tree, nodeId));
  await expect(page).toHaveURL(url);
  seen.set(url, await readScreen(page));

  const node = getNode(tree, nodeId);
  if (node?.kind !== 'question') return;
  for (const answer of node.answers) {
    await answerLink(page, answer.label).click();
    await walk(page, tree, answer.next, [...trail, answer.slug], seen);
    await page.goBack();
    await expect(heading(page)).toHaveText(node.prompt);
  }
}

for (const tree of shippedTrees()) {
  const start = getNode(tree, tree.start);
  if (start?.kind !== 'question') continue;

  // One test per first answer, so the walk is shared between the workers.
  for (const first of start.answers) {
    test(`${tree.id}: every path after “${first.label}”, clicked, then each step opened fresh`, async ({
      page,
      browser,
      consoleGuard,
    }) => {
      const seen = new Map<string, Screen>();
      await page.goto(`/${tree.id}`);
      await answerLink(page, first.label).click();
      await walk(page, tree, first.next, [first.slug], seen);

      // A colleague opening each link: a new browser context, no shared history or cache.
      const colleague = await browser.newContext();
      const fresh = await colleague.newPage();
      consoleGuard.watch(fresh);
      for (const [url, clicked] of seen) {
        await fresh.goto(url);
        await expect(heading(fresh)).toHaveText(clicked.heading);
        expect(await readScreen(fresh), url).toEqual(clicked);
      }
      await colleague.close();
    });
  }
}
