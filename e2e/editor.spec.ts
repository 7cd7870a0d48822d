import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { wcagViolations } from './axe';
import { expect, openInteractive, test } from './fixtures';
import { checkIndexEntry, validateTreeFile, validateTreeIndex } from '../src/engine/validate-tree';
import { enumeratePaths } from '../src/engine/tree-paths';

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

test('a new troubleshooter made by keyboard only: two questions, three outcomes, previewed and downloaded', async ({
  page,
}) => {
  await openEditor(page, '/edit');
  await expect(heading(page)).toHaveText('Untitled troubleshooter');
  await expect(page.getByText('lives only in this browser')).toBeVisible();

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
  await expect(page.getByText('No problems: this file would pass')).toBeVisible();
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

  // A reload loses nothing: the draft is in this browser, listed with its time.
  await page.reload();
  await expect(heading(page)).toHaveText('Printer check');
  await page.getByRole('tab', { name: 'Drafts' }).press('Enter');
  await expect(page.getByRole('tabpanel', { name: 'Drafts' })).toContainText(
    /Printer check \(open\), saved/,
  );
});

test('q164887 with an answer pointed elsewhere lists the links that now lead elsewhere, and publishes version 2', async ({
  page,
}) => {
  await openEditor(page, '/edit/q164887');
  await expect(heading(page)).toHaveText(/Windows NT upgrade job/);
  await goToOutlineItem(page, /^Question: Does Package Command Manager run on the client/);
  await page.keyboard.press('Enter');
  const before = await page.getByLabel('Leads to').first().inputValue();
  // Its first answer now ends at the "escalate" outcome instead.
  const leadsTo = page.getByLabel('Leads to').first();
  const escalate = await leadsTo
    .locator('optgroup[label="Outcomes"] option')
    .evaluateAll((options) =>
      options.map((option) => (option as HTMLOptionElement).value).filter(Boolean),
    );
  const target = escalate.find((value) => value !== before) ?? '';
  await leadsTo.selectOption(target);

  await page.getByRole('tab', { name: 'Impact and publishing' }).press('Enter');
  const panel = page.getByRole('tabpanel', { name: 'Impact and publishing' });
  await expect(panel).toContainText('Publish this as version 2');
  const moved = panel
    .getByRole('list', { name: 'Step links of the deployed version' })
    .getByRole('listitem')
    .filter({ hasText: /now leads elsewhere|no longer valid/ });
  expect(await moved.count()).toBeGreaterThan(0);

  const file = await downloaded(page, /^Download q164887\.json \(version 2\)/);
  const archived = await downloaded(page, /^Download q164887\.v1\.json/);
  const current = validateTreeFile(file.name, JSON.parse(file.text));
  const old = validateTreeFile(archived.name, JSON.parse(archived.text));
  expect(current.ok && current.value.version).toBe(2);
  expect(old.ok && old.value.version).toBe(1);
  expect(archived.text).toBe(readFileSync('public/trees/q164887.json', 'utf8'));
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
    .getByRole('button', { name: /^Question “\(first-question\)”, prompt/ })
    .press('Enter');
  await expect(page.getByLabel('Question', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Question', { exact: true })).toHaveAccessibleDescription(
    /must not be empty/,
  );
});

for (const scheme of ['light', 'dark'] as const) {
  for (const width of [320, 1280]) {
    test(`the editor passes axe in the ${scheme} scheme at ${width} px`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height: 900 });
      await openEditor(page, '/edit/q164887');
      await page.screenshot({ path: `e2e-screenshots/editor-${width}-${scheme}-top.png` });
      await goToOutlineItem(page, /^Question, first question: Is the client managed/);
      await page.getByRole('button', { name: 'Preview from here' }).press('Enter');
      expect(await wcagViolations(page)).toEqual([]);
      await page.screenshot({
        path: `e2e-screenshots/editor-${width}-${scheme}.png`,
        fullPage: width === 1280,
      });
      await page.getByRole('tab', { name: 'Impact and publishing' }).press('Enter');
      expect(await wcagViolations(page)).toEqual([]);
    });
  }
}
