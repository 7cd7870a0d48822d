import path from 'node:path';
import type { Page } from '@playwright/test';
import { answerLink, expect, heading, test } from './fixtures';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'src', 'testing', 'fixtures', 'trees');

async function serveHostileTree(page: Page) {
  await page.route('**/trees/hostile.json', (route) =>
    route.fulfill({ path: path.join(FIXTURES, 'hostile.json') }),
  );
}

/** Nothing from the tree became markup, ran, or pushed the layout sideways. */
async function expectInert(page: Page) {
  const state = await page.evaluate(() => ({
    inlineScripts: document.querySelectorAll('script:not([src]):not([type="application/json"])')
      .length,
    handlers: document.querySelectorAll('[onerror], [onload], [onclick], [onmouseover]').length,
    injected: document.querySelectorAll(
      'main iframe, main img, main b, main button[onclick], main svg[onload]',
    ).length,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    bodyShown: getComputedStyle(document.body).display !== 'none',
  }));
  expect(state).toEqual({
    inlineScripts: 0,
    handlers: 0,
    injected: 0,
    overflow: 0,
    bodyShown: true,
  });
}

test('a hostile tree renders as inert text, with the layout intact at 320 px', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(/status of 404/); // not a shipped tree: rendered from 404.html
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.setViewportSize({ width: 320, height: 640 });
  await serveHostileTree(page);

  await page.goto('/hostile');
  await expect(heading(page)).toContainText('<b onmouseover="alert(\'prompt\')">Is this bold?</b>');
  await page.getByText('How do I check?').click();
  await expect(page.getByText('<iframe src="javascript:alert(\'help\')"></iframe>')).toBeVisible();
  await expectInert(page);

  await answerLink(page, '<svg onload="alert(\'answer\')">Yes</svg>').click();
  await expect(heading(page)).toHaveText("Diagnosis: \"><script>alert('outcome')</script>");
  await expect(
    page.getByText("Summary with </script><script>alert('summary')</script> inside"),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '<h1>Heading</h1>' })).toBeVisible();
  await expectInert(page);
  expect(dialogs).toEqual([]);
});
