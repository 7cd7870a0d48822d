import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { wcagViolations } from './axe';
import { answerLink, expect, openCatalog, openInteractive, test } from './fixtures';
import { checkTrees, folderWith, serveSite } from './site-copy';
import { PUBLISHED_BUILD, PUBLISHED_CHANGE, publishedFiles } from '../scripts/build-published.mjs';
import { checkIndexEntry, validateTreeFile, validateTreeIndex } from '../src/engine/validate-tree';
import { allStepTrails, enumeratePaths } from '../src/engine/tree-paths';
import type { Tree } from '../src/engine/tree-schema';

/** The editor is rendered in the browser (from 404.html): it waits for its heading. */
async function openEditor(page: Page, url: string) {
  await openInteractive(page, url);
  await expect(page.getByRole('tree', { name: 'Outline' })).toBeVisible();
}

/** The editor's own h1; the preview shows a step's h1 below it. */
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).first();

/** Types into a field by keyboard: focus, select what is there, type over it. */
async function typeInto(page: Page, label: string | RegExp, text: string, nth = 0) {
  const field = page.getByLabel(label, { exact: typeof label === 'string' }).nth(nth);
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** Selects an outline item by keyboard: focus the outline, walk to it with the arrows. */
async function goToOutlineItem(page: Page, name: RegExp) {
  const items = page.getByRole('treeitem');
  await items.first().focus();
  await page.keyboard.press('Home');
  for (let step = 0; step < 40; step += 1) {
    const focused = page.locator('[role="treeitem"]:focus > .editor-outline__label');
    if (name.test((await focused.textContent()) ?? '')) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no outline item ${name}`);
}

async function downloaded(page: Page, button: RegExp): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).press('Enter'),
  ]);
  return { name: (download as Download).suggestedFilename(), text: await read(download) };
}

async function read(download: Download): Promise<string> {
  const file = await download.path();
  return readFileSync(file, 'utf8');
}

function parsedTree(name: string, text: string): Tree {
  const result = validateTreeFile(name, JSON.parse(text));
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems)}`);
  return result.value;
}

/** The questions a trail goes through, each with the answer given there, in the tree. */
function walkedAnswers(tree: Tree, trail: readonly string[]): { question: string; slug: string }[] {
  const walked: { question: string; slug: string }[] = [];
  let at = tree.start;
  for (const slug of trail) {
    const node = tree.nodes.find((item) => item.id === at);
    const answer =
      node?.kind === 'question' ? node.answers.find((a) => a.slug === slug) : undefined;
    if (!answer) break;
    walked.push({ question: at, slug });
    at = answer.next;
  }
  return walked;
}

/** The question whose first answer the q164887 test points elsewhere. */
function pcmQuestion(tree: Tree) {
  const node = tree.nodes.find((item) => item.id === 'pcm-service');
  return node?.kind === 'question' ? node : undefined;
}

/** The prompt of the question that answer leads to in the tree. */
function nextPrompt(tree: Tree): string {
  const next = tree.nodes.find((node) => node.id === pcmQuestion(tree)?.answers[0]?.next);
  return next?.kind === 'question' ? next.prompt : '';
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What the two tests below must download, byte for byte: the files dist-published/ was
 * built with, once before the tests (scripts/build-published.mjs, run by fresh-build.mjs).
 * The third test walks that site, so no test builds one of its own.
 */
const published: ReadonlyMap<string, string> = publishedFiles();
const PUBLISHED_SITE = path.resolve(import.meta.dirname, '..', PUBLISHED_BUILD.dir);

/** The step links of version 2 that go through the answer the second test points elsewhere. */
const movedTrails: string[] = (() => {
  const deployed = parsedTree('q164887.json', readFileSync('public/trees/q164887.json', 'utf8'));
  const question = deployed.nodes.find((node) => node.id === PUBLISHED_CHANGE.question);
  const slug =
    question?.kind === 'question' ? question.answers[PUBLISHED_CHANGE.answer]?.slug : undefined;
  return (allStepTrails(deployed) ?? [])
    .filter((trail) =>
      walkedAnswers(deployed, trail).some(
        (a) => a.question === PUBLISHED_CHANGE.question && a.slug === slug,
      ),
    )
    .map((trail) => trail.join('/'));
})();

test.describe('made, changed, published and built', () => {
  test('a new troubleshooter made by keyboard only: two questions, three outcomes, previewed and downloaded', async ({
    page,
  }) => {
    await openEditor(page, '/edit');
    await expect(heading(page)).toHaveText('Untitled troubleshooter');
    await expect(page.getByText('saved in this browser as you type')).toBeVisible();

    await typeInto(page, 'Id', 'printer-check');
    await typeInto(page, 'Title', 'Printer check');
    await typeInto(page, 'Description', 'Finds out why a printer does not print.');

    // The first question: its id follows its prompt while it is new.
    await goToOutlineItem(page, /^Question, first question/);
    await page.keyboard.press('Enter');
    await expect(page.locator('#editor-form-heading')).toBeFocused();
    await typeInto(page, 'Question', 'Is the printer switched on?');
    await expect(page.getByLabel('Id', { exact: true })).toHaveValue('is-the-printer-switched-on');

    // "Yes" leads to a question made on the spot.
    await page.getByRole('button', { name: 'New question for answer 1' }).press('Enter');
    await expect(page.locator('#editor-form-heading')).toBeFocused();
    await typeInto(page, 'Question', 'Is there paper in the tray?');
    await typeInto(page, 'Label', 'Yes, there is paper', 0);
    await page.getByRole('button', { name: 'New outcome for answer 2' }).press('Enter');
    await typeInto(page, 'Title', 'Add paper');
    await typeInto(page, 'Summary', 'The tray is empty: fill it and print again.');

    // The second question's "Yes" goes to the first outcome, chosen from the list by keyboard.
    await goToOutlineItem(page, /^Question: Is there paper/);
    await page.keyboard.press('Enter');
    const leadsTo = page.getByLabel('Leads to').first();
    await leadsTo.focus();
    await leadsTo.selectOption({ label: '(first-outcome)' });

    for (const [name, title, summary] of [
      [/^Diagnosis: \(first-outcome\)/, 'Call support', 'Nothing obvious is wrong.'],
      [/^Not this problem: \(second-outcome\)/, 'Switch it on', 'The printer was off.'],
    ] as const) {
      await goToOutlineItem(page, name);
      await page.keyboard.press('Enter');
      await typeInto(page, 'Title', title);
      await typeInto(page, 'Summary', summary);
    }
    await expect(page.getByText('No problems: nothing to fix before publishing.')).toBeVisible();
    await expect(page.getByRole('treeitem', { name: /^Question/ })).toHaveCount(2);
    await expect(page.getByRole('treeitem', { name: /^(Diagnosis|Not this problem)/ })).toHaveCount(
      3,
    );

    // Preview from the second question: the real question screen, at its shortest trail.
    await goToOutlineItem(page, /^Question: Is there paper/);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Preview from here' }).press('Enter');
    const preview = page.getByRole('tabpanel', { name: 'Preview' });
    await expect(preview).toBeFocused();
    await expect(preview.getByRole('heading', { level: 1 })).toHaveText(
      'Is there paper in the tray?',
    );
    await expect(preview.getByText('Question 2 of at most 2')).toBeVisible();
    await preview.getByRole('link', { name: 'Yes, there is paper', exact: true }).press('Enter');
    await expect(preview.getByRole('heading', { level: 1 })).toHaveText(/Call support/);
    await expect(page).toHaveURL(/\/edit\?draft=/);

    await page.getByRole('tab', { name: 'Publishing' }).press('Enter');
    const file = await downloaded(page, /^Download printer-check\.json \(version 1\)/);
    const list = await downloaded(page, /^Download index\.json/);
    expect(file.name).toBe('printer-check.json');
    const tree = validateTreeFile(file.name, JSON.parse(file.text));
    if (!tree.ok) throw new Error(JSON.stringify(tree.problems));
    expect(file.text).toBe(`${JSON.stringify(JSON.parse(file.text), null, 2)}\n`);
    expect(enumeratePaths(tree.value).map((path) => path.outcome.title)).toEqual([
      'Call support',
      'Add paper',
      'Switch it on',
    ]);
    const index = validateTreeIndex(JSON.parse(list.text));
    if (!index.ok) throw new Error(JSON.stringify(index.problems));
    const entry = index.value.trees.findIndex((item) => item.id === 'printer-check');
    expect(index.value.trees.map((item) => item.id)).toEqual(['q164887', 'printer-check']);
    const listed = index.value.trees[entry];
    expect(listed && checkIndexEntry(listed, entry, tree.value)).toEqual([]);
    // The very files the published site was built with.
    expect(file.text).toBe(published.get('printer-check.json'));
    expect(list.text).toBe(published.get('index.json'));

    // A reload loses nothing: the draft is in this browser, listed with its time.
    await page.reload();
    await expect(heading(page)).toHaveText('Printer check');
    await page.getByRole('tab', { name: 'Drafts' }).press('Enter');
    await expect(page.getByRole('tabpanel', { name: 'Drafts' })).toContainText(
      /Printer check \(open\), saved/,
    );
  });

  test('q164887 with an answer pointed elsewhere lists the links that now lead elsewhere, and publishes version 3', async ({
    page,
  }) => {
    await openEditor(page, '/edit/q164887');
    await expect(heading(page)).toHaveText(/Windows NT upgrade job/);
    await goToOutlineItem(page, /^Question: Does Package Command Manager run on the client/);
    await page.keyboard.press('Enter');
    const before = await page.getByLabel('Leads to').first().inputValue();
    // Every step link of version 2 that goes through this question's first answer moves.
    expect(movedTrails.length).toBeGreaterThan(1);
    // Its first answer now ends at an outcome instead: the one the published site has.
    const leadsTo = page.getByLabel('Leads to').first();
    expect(before).not.toBe(PUBLISHED_CHANGE.next);
    await expect(
      leadsTo.locator(`optgroup[label="Outcomes"] option[value="${PUBLISHED_CHANGE.next}"]`),
    ).toHaveCount(1);
    await leadsTo.selectOption(PUBLISHED_CHANGE.next);

    await page.getByRole('tab', { name: 'Impact and publishing' }).press('Enter');
    const panel = page.getByRole('tabpanel', { name: 'Impact and publishing' });
    await expect(panel).toContainText('Publish this as version 3');
    await panel.getByText(/^All \d+ step links of version 2$/).click();
    const moved = panel
      .getByRole('list', { name: 'Step links of the deployed version' })
      .getByRole('listitem')
      .filter({ hasText: /now leads elsewhere|no longer valid/ });
    // The list names each of them, and no other.
    await expect(moved).toHaveCount(movedTrails.length);
    for (const trail of movedTrails) {
      await expect(moved.filter({ hasText: new RegExp(`^${escapeRegExp(trail)}: `) })).toHaveCount(
        1,
      );
    }

    const file = await downloaded(page, /^Download q164887\.json \(version 3\)/);
    const archived = await downloaded(page, /^Download q164887\.v2\.json/);
    const current = validateTreeFile(file.name, JSON.parse(file.text));
    const old = validateTreeFile(archived.name, JSON.parse(archived.text));
    expect(current.ok && current.value.version).toBe(3);
    expect(old.ok && old.value.version).toBe(2);
    expect(archived.text).toBe(readFileSync('public/trees/q164887.json', 'utf8'));
    // The very files the published site was built with.
    expect(file.text).toBe(published.get(file.name));
    expect(archived.text).toBe(published.get(archived.name));
  });

  test('the published files pass check:trees, and the site built with them has every step, walks to each outcome and explains an old link', async ({
    page,
    consoleGuard,
  }) => {
    expect([...published.keys()].sort()).toEqual([
      'index.json',
      'printer-check.json',
      'q164887.json',
      'q164887.v2.json',
    ]);
    const downloads = await folderWith(published);
    const checked = await checkTrees(downloads);
    await rm(downloads, { recursive: true });
    expect(checked.output).toContain('printer-check.json: ok, 2 questions, 3 outcomes');
    expect(checked.output).toContain('index.json: ok');
    expect(checked.ok, checked.output).toBe(true);

    // dist-published/, built with these files by the prerender, which checks every tree.
    const site = { dir: PUBLISHED_SITE };
    for (const name of ['printer-check.json', 'q164887.json']) {
      const tree = parsedTree(name, published.get(name) ?? '');
      for (const trail of allStepTrails(tree) ?? []) {
        expect(
          existsSync(path.join(site.dir, tree.id, ...trail, 'index.html')),
          trail.join('/'),
        ).toBe(true);
      }
    }

    const server = await serveSite(site.dir);
    try {
      // In the list, and each of its three outcomes reached by its answers.
      await openCatalog(page, `${server.origin}/`);
      await page.getByRole('link', { name: 'Printer check', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        'Is the printer switched on?',
      );
      const tree = parsedTree('printer-check.json', published.get('printer-check.json') ?? '');
      for (const walk of enumeratePaths(tree)) {
        await openInteractive(page, `${server.origin}/printer-check`);
        for (const { question, slug } of walkedAnswers(tree, walk.trail)) {
          const node = tree.nodes.find((item) => item.id === question);
          const label =
            node?.kind === 'question' ? node.answers.find((a) => a.slug === slug)?.label : '';
          await answerLink(page, label ?? '').click();
        }
        await expect(page.getByRole('heading', { level: 1 })).toContainText(walk.outcome.title);
      }

      // An old link through the changed answer, past where it now ends: the version notice.
      const old = movedTrails.reduce((longest, trail) =>
        trail.length > longest.length ? trail : longest,
      );
      // No page was written for it (version 3 has no such step): the site's 404.html
      // answers, as a static host would, and the app reads the link. Nothing else is missing.
      const missing: string[] = [];
      page.on('response', (response) => {
        if (response.status() === 404) missing.push(response.url());
      });
      consoleGuard.allow(/status of 404/);
      await openInteractive(page, `${server.origin}/q164887/${old}?v=2`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        'This troubleshooter has changed since the link was made',
      );
      await expect(
        page.getByText('The link was made with version 2; this is version 3.'),
      ).toBeVisible();
      const deployed = parsedTree('q164887.v2.json', published.get('q164887.v2.json') ?? '');
      const dropped = walkedAnswers(deployed, old.split('/')).find(
        (_, at, walked) => walked[at - 1]?.question === 'pcm-service',
      );
      const droppedQuestion = deployed.nodes.find((node) => node.id === dropped?.question);
      expect(droppedQuestion?.kind).toBe('question');
      await expect(
        page.getByRole('region', { name: 'What changed for your answers' }),
      ).toContainText(droppedQuestion?.kind === 'question' ? droppedQuestion.prompt : '(none)');

      // The link that ended at the changed answer keeps every answer (version 3 has a page
      // there): it is told where it led and where it goes now.
      const current = parsedTree('q164887.json', published.get('q164887.json') ?? '');
      const shortest = movedTrails.reduce((first, trail) =>
        trail.length < first.length ? trail : first,
      );
      await openInteractive(page, `${server.origin}/q164887/${shortest}?v=2`);
      const target = current.nodes.find(
        (node) => node.id === pcmQuestion(current)?.answers[0]?.next,
      );
      expect(target?.kind).toBe('outcome');
      await expect(page.getByRole('region', { name: 'What changed for your answers' })).toHaveText(
        new RegExp(
          escapeRegExp(
            `The link led to the question “${nextPrompt(deployed)}”; with the answers kept, this version goes on to the result “${target?.kind === 'outcome' ? target.title : ''}”.`,
          ),
        ),
      );
      expect(missing).toEqual([`${server.origin}/q164887/${old}?v=2`]);
    } finally {
      server.close();
    }
  });
});

test('undo and redo by keyboard, and a problem chosen moves focus to its field', async ({
  page,
}) => {
  await openEditor(page, '/edit');
  await typeInto(page, 'Title', 'First');
  await page.getByLabel('Description').focus();
  await page.keyboard.type('Words');
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(page.getByLabel('Description')).toHaveValue('');
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect(page.getByLabel('Description')).toHaveValue('Words');

  await page
    .getByRole('region', { name: 'Checks' })
    .getByRole('button', { name: /^Question “\(first-question\)”, question/ })
    .press('Enter');
  await expect(page.getByLabel('Question', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Question', { exact: true })).toHaveAccessibleDescription(
    /must not be empty/,
  );
});

const PRINTER = readFileSync('src/testing/fixtures/trees/printer.json', 'utf8');

test('Open file by the file picker, by keyboard, and by dropping a file; undo brings back what was there', async ({
  page,
}) => {
  await openEditor(page, '/edit');
  await expect(heading(page)).toHaveText('Untitled troubleshooter');

  // The picker: the button is the file input's label; the input takes the focus and the key.
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByLabel('Open file').press('Space'),
  ]);
  await chooser.setFiles({
    name: 'printer.json',
    mimeType: 'application/json',
    buffer: Buffer.from(PRINTER),
  });
  await expect(heading(page)).toHaveText('Printer does not print');
  await expect(page.getByRole('status').filter({ hasText: 'Opened printer.json' })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(heading(page)).toHaveText('Untitled troubleshooter');

  // A file dropped on the page.
  const dropped = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'printer.json', { type: 'application/json' }));
    return data;
  }, PRINTER);
  await page
    .getByRole('tree', { name: 'Outline' })
    .dispatchEvent('drop', { dataTransfer: dropped });
  await expect(heading(page)).toHaveText('Printer does not print');
  await expect(
    page.getByRole('treeitem', { name: /^Question, first question: Is there paper/ }),
  ).toBeVisible();

  // What is not a tree file is refused, and nothing changes.
  await page.getByLabel('Open file').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"notes": true}'),
  });
  await expect(
    page.getByRole('status').filter({ hasText: 'notes.json is not a troubleshooter file' }),
  ).toBeVisible();
  await expect(heading(page)).toHaveText('Printer does not print');
});

test('a tree with problems is downloaded only after a warning: Cancel downloads nothing', async ({
  page,
}) => {
  await openEditor(page, '/edit');
  let downloads = 0;
  page.on('download', () => {
    downloads += 1;
  });
  const toolbar = page.getByRole('group', { name: 'File and history' });
  await toolbar.getByRole('button', { name: /^Download new-troubleshooter\.json$/ }).press('Enter');
  const warning = page.getByRole('alertdialog');
  await expect(warning).toContainText(
    /This file has \d+ problems \(Checks\): the site will not build with it/,
  );
  await expect(warning.getByRole('button', { name: 'Download anyway' })).toBeFocused();
  await warning.getByRole('button', { name: 'Cancel' }).press('Enter');
  await expect(warning).toBeHidden();

  // Publishing asks too; the author may still keep the draft as a file.
  await page.getByRole('tab', { name: 'Publishing' }).press('Enter');
  await page
    .getByRole('button', { name: /^Download new-troubleshooter\.json \(version 1\)/ })
    .press('Enter');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    warning.getByRole('button', { name: 'Download anyway' }).press('Enter'),
  ]);
  expect(downloads).toBe(1);
  const text = await read(download);
  expect(JSON.parse(text)).toMatchObject({ id: 'new-troubleshooter', title: '' });
});

test('twenty edits undone give back the deployed file byte for byte, and redone the edited one', async ({
  page,
}) => {
  await openEditor(page, '/edit/q164887');
  const toolbar = page.getByRole('group', { name: 'File and history' });
  const file = async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      toolbar.getByRole('button', { name: 'Download q164887.json' }).press('Enter'),
    ]);
    return read(download);
  };
  // Each edit types into a field and leaves it: one step each.
  const fields = ['Title', 'Description', /^Article title/];
  const after: string[] = [];
  for (let edit = 1; edit <= 20; edit += 1) {
    const label = fields[edit % fields.length] ?? 'Title';
    await typeInto(page, label, `Edit ${edit}`);
    if (edit === 10 || edit === 20) after[edit] = await file();
  }
  const deployed = readFileSync('public/trees/q164887.json', 'utf8');
  expect(after[20]).not.toBe(after[10]);
  for (let undo = 0; undo < 10; undo += 1) await page.keyboard.press('ControlOrMeta+Z');
  expect(await file()).toBe(after[10]);
  for (let undo = 0; undo < 10; undo += 1) await page.keyboard.press('ControlOrMeta+Z');
  expect(await file()).toBe(deployed);
  await expect(toolbar.getByRole('button', { name: 'Undo' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  for (let redo = 0; redo < 20; redo += 1) await page.keyboard.press('ControlOrMeta+Shift+Z');
  expect(await file()).toBe(after[20]);
  await expect(toolbar.getByRole('button', { name: 'Redo' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
});

test('at 320 px the outline and form are a tab beside the preview, impact and drafts', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await openEditor(page, '/edit/q164887');
  const tabs = page.getByRole('tablist', { name: 'Edit, preview, impact and drafts' });
  await expect(tabs.getByRole('tab')).toHaveText([
    'Edit',
    'Preview',
    'Impact and publishing',
    'Drafts',
  ]);
  await expect(tabs.getByRole('tab', { name: 'Edit' })).toHaveAttribute('aria-selected', 'true');
  await expect(
    page.getByRole('tabpanel', { name: 'Edit' }).getByRole('tree', { name: 'Outline' }),
  ).toBeVisible();
  // Nothing is wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  // "Preview from here" shows the preview tab in place of the form.
  await goToOutlineItem(page, /^Question: Is the job a Windows NT upgrade/);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Preview from here' }).press('Enter');
  const preview = page.getByRole('tabpanel', { name: 'Preview' });
  await expect(preview).toBeFocused();
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText(
    'Is the job a Windows NT upgrade that restarts the client?',
  );
  await expect(page.getByRole('tree', { name: 'Outline' })).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  // The arrow keys move between the tabs; a problem chosen goes back to its field.
  await tabs.getByRole('tab', { name: 'Preview' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(tabs.getByRole('tab', { name: 'Edit' })).toBeFocused();
  await goToOutlineItem(page, /^Troubleshooter/);
  await page.keyboard.press('Enter');
  await typeInto(page, 'Title', ' ');
  await page.keyboard.press('Backspace');
  await tabs.getByRole('tab', { name: 'Drafts' }).press('Enter');
  await page
    .getByRole('region', { name: 'Checks' })
    .getByRole('button', { name: /^Troubleshooter/ })
    .press('Enter');
  await expect(page.getByLabel('Title', { exact: true })).toBeFocused();
});

for (const scheme of ['light', 'dark'] as const) {
  for (const width of [320, 1280]) {
    test(`the editor passes axe in the ${scheme} scheme at ${width} px`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height: 900 });
      await openEditor(page, '/edit/q164887');
      await page.screenshot({ path: `e2e-screenshots/editor-${width}-${scheme}-top.png` });
      await goToOutlineItem(page, /^Question, first question: Is the client managed/);
      // The outline and the question's form (at 320 px, the Edit tab).
      expect(await wcagViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Preview from here' }).press('Enter');
      expect(await wcagViolations(page)).toEqual([]);
      await page.screenshot({
        path: `e2e-screenshots/editor-${width}-${scheme}.png`,
        fullPage: width === 1280,
      });
      await page.getByRole('tab', { name: 'Impact and publishing' }).press('Enter');
      expect(await wcagViolations(page)).toEqual([]);

      // A new troubleshooter: its problems listed, the warning before a download, Publishing.
      await openEditor(page, '/edit');
      await page
        .getByRole('group', { name: 'File and history' })
        .getByRole('button', { name: /^Download/ })
        .press('Enter');
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await page.getByRole('tab', { name: 'Publishing' }).press('Enter');
      expect(await wcagViolations(page)).toEqual([]);
    });
  }
}
