import type { Page } from '@playwright/test';
import { getNode } from '../src/engine/tree-lookup';
import type { Tree } from '../src/engine/tree-schema';
import { answerLink, expect, heading, openInteractive, test } from './fixtures';
import { shippedTrees } from '../src/testing/shipped-trees';
import { OUTCOME_CAPTIONS } from '../src/components/outcome-captions';

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
  // An outcome's h1 begins with its kind, for screen readers (components/page-heading.tsx).
  return node.kind === 'question' ? node.prompt : `${OUTCOME_CAPTIONS[node.type]}: ${node.title}`;
}

/** Checks the step on screen is the one the trail leads to, and keeps what it shows. */
async function record(
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
  await record(page, tree, nodeId, trail, seen);
  const node = getNode(tree, nodeId);
  if (node?.kind !== 'question') return;
  for (const answer of node.answers) {
    await answerLink(page, answer.label).click();
    await walk(page, tree, answer.next, [...trail, answer.slug], seen);
    await page.goBack();
    await expect(heading(page)).toHaveText(node.prompt);
  }
}

/** The answers that open each test's share of the tree: every answer pair from the start. */
function firstTwoAnswers(tree: Tree) {
  const start = getNode(tree, tree.start);
  if (start?.kind !== 'question') return [];
  return start.answers.flatMap((first) => {
    const second = getNode(tree, first.next);
    if (second?.kind !== 'question') return [{ answers: [first], next: first.next }];
    return second.answers.map((answer) => ({ answers: [first, answer], next: answer.next }));
  });
}

for (const tree of shippedTrees()) {
  // One test per pair of first answers, so the walk is shared evenly between the workers
  // (one test per first answer left one worker finishing alone for a quarter of the run).
  for (const { answers, next } of firstTwoAnswers(tree)) {
    const labels = answers.map((answer) => `“${answer.label}”`).join(' → ');
    test(`${tree.id}: every path after ${labels}, clicked, then each step opened fresh`, async ({
      page,
      browser,
      consoleGuard,
    }) => {
      const seen = new Map<string, Screen>();
      await openInteractive(page, `/${tree.id}`);
      // Every click below must be the app's own navigation, not a page load.
      await page.evaluate(() => Object.assign(window, { sameWindow: true }));
      const trail: string[] = [];
      for (const [index, answer] of answers.entries()) {
        await answerLink(page, answer.label).click();
        trail.push(answer.slug);
        // The step between the two answers is recorded by each of its tests: it is cheap.
        if (index < answers.length - 1) await record(page, tree, answer.next, trail, seen);
      }
      await walk(page, tree, next, trail, seen);
      // Back through the answers that opened this share of the tree, too.
      for (const answer of answers.slice(0, -1).reverse()) {
        await page.goBack();
        await expect(heading(page)).toHaveText(nodeHeading(tree, answer.next));
      }
      await page.goBack();
      await expect(heading(page)).toHaveText(nodeHeading(tree, tree.start));
      expect(
        await page.evaluate(() => (window as unknown as { sameWindow?: boolean }).sameWindow),
      ).toBe(true);

      // A colleague opening each link: a new browser context, no shared history or cache.
      // Three tabs at a time: a page load mostly waits, and this is the suite's longest test.
      const colleague = await browser.newContext();
      const screens = [...seen];
      try {
        await Promise.all(
          [0, 1, 2].map(async (lane) => {
            const fresh = await colleague.newPage();
            consoleGuard.watch(fresh);
            for (const [url, clicked] of screens.filter((_screen, index) => index % 3 === lane)) {
              await openInteractive(fresh, url);
              await expect(heading(fresh)).toHaveText(clicked.heading);
              expect(await readScreen(fresh), url).toEqual(clicked);
            }
          }),
        );
      } finally {
        // Also when one tab fails: the others stop with their context.
        await colleague.close();
      }
    });
  }
}
