import path from 'node:path';
import type { Page } from '@playwright/test';
import { answerLink, expect, heading, test } from './fixtures';
import { WIZARD_ORIGIN } from './origins';
import { limitCases } from '../src/testing/limit-cases';

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

/** A tree check:trees accepts, whose first answer and result are written as Markdown and a link. */
const MARKDOWN_TREE = {
  id: 'hostile',
  version: 1,
  title: 'Password reset',
  description: 'Text that Markdown would read as a link.',
  start: 'first',
  nodes: [
    {
      kind: 'question',
      id: 'first',
      prompt: 'Can you sign in?',
      answers: [
        {
          slug: 'no',
          label: 'No **Link** [Reset your password here](http://evil.example/login)',
          next: 'second',
        },
        { slug: 'yes', label: 'Yes', next: 'end' },
      ],
    },
    {
      kind: 'question',
      id: 'second',
      prompt: 'Is the account locked?',
      answers: [
        { slug: 'yes', label: 'Yes', next: 'end' },
        { slug: 'no', label: 'No', next: 'end' },
      ],
    },
    {
      kind: 'outcome',
      id: 'end',
      type: 'diagnosis',
      title: '# [Reset it here](http://evil.example/login)',
      summary: 'Sign in again.',
    },
  ],
};

test('Markdown and links from a tree are pasted as text by both ticket copies, plain and Markdown', async ({
  page,
  context,
  consoleGuard,
}) => {
  consoleGuard.allow(/status of 404/); // not a shipped tree: rendered from 404.html
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: WIZARD_ORIGIN });
  await page.route('**/trees/hostile.json', (route) => route.fulfill({ json: MARKDOWN_TREE }));
  await page.goto('/hostile');
  await answerLink(
    page,
    'No **Link** [Reset your password here](http://evil.example/login)',
  ).click();
  await expect(heading(page)).toHaveText('Is the account locked?');

  const copied = async (button: string, kind: string) => {
    await page.getByRole('button', { name: button, exact: true }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `Copied the summary as ${kind}.` }),
    ).toBeVisible();
    return page.evaluate(() => navigator.clipboard.readText());
  };
  const label = '[Reset your password here](http://evil.example/login)';
  const escapedLabel = '\\[Reset your password here\\](http://evil.example/login)';

  // "Copy progress" on a question, then "Copy for ticket" at the result: each in both forms.
  for (const [plainButton, atResult] of [
    ['Copy progress', false],
    ['Copy for ticket', true],
  ] as const) {
    if (atResult) {
      await answerLink(page, 'Yes').click();
      await expect(heading(page)).toContainText('[Reset it here](http://evil.example/login)');
    }
    const markdown = await copied('Copy as Markdown', 'Markdown');
    expect(markdown, plainButton).toContain(`\\*\\*Link\\*\\* ${escapedLabel}`);
    expect(markdown, plainButton).not.toContain(label);
    if (atResult) {
      expect(markdown.split('\n')).toContain('\\# \\[Reset it here\\](http://evil.example/login)');
    }
    const plain = await copied(plainButton, 'plain text');
    expect(plain, plainButton).toContain(`No **Link** ${label}`);
    // On its line, after the question: never a line of its own that reads as a heading.
    expect(plain, plainButton).not.toMatch(/^\*\*Link\*\*/m);
  }
});

// Issue 27's table through the wizard in a real browser: each input served as a tree file is
// refused with its JSON path under "Details for the author" (never "Something went wrong", a
// crash or a hang), or opens and works.
const WIZARD_CASES = new Map(limitCases().map((entry) => [entry.name, entry]));

for (const name of [
  'a line of 2,100 questions',
  'a line of 1,500 questions',
  '2.1 MB of very long strings',
  '1.9 MB of very long strings',
  'a slug of 5,000 characters',
  'a label of bidi controls',
  'a prompt of zero-width characters',
  'a key written twice',
  'version 1e21',
  'version 9007199254740993',
  'a byte-order mark',
]) {
  test(`the wizard given ${name}`, async ({ page, consoleGuard }) => {
    consoleGuard.allow(/status of 404/); // not a shipped tree: rendered from 404.html
    const entry = WIZARD_CASES.get(name);
    if (!entry) throw new Error(`no case ${name}`);
    const text = entry.text.replace('"id":"t"', '"id":"hostile"');
    await page.route('**/trees/hostile.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: text }),
    );
    await page.goto('/hostile');
    if (entry.refusedAt) {
      await expect(heading(page)).toHaveText('This troubleshooter cannot be used right now');
      await page.getByText('Details for the author').click();
      await expect(
        page.getByRole('listitem').filter({ hasText: entry.refusedAt }).first(),
      ).toBeVisible();
      await expect(page.getByText(/Something went wrong|Reloading the page/)).toHaveCount(0);
    } else {
      await expect(heading(page)).toHaveText('P');
      await answerLink(page, 'A').click();
      await expect(heading(page)).toHaveText('Diagnosis: O');
    }
  });
}
