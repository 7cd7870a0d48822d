import type { Browser, Page } from '@playwright/test';
import { wcagViolations } from './axe';
import { expect, test } from './fixtures';
import { useServer } from './server-fixture';

/**
 * Drafts on the real server (`npm start` on a fresh embedded database): two people editing
 * one troubleshooter see each other, and a save based on an outdated draft is refused and
 * shown side by side, so that both changes are kept (issue 24).
 */
const ANN = 'ann@example.com';
const BOB = 'bob@example.com';

const server = useServer({
  accounts: [
    { email: ANN, role: 'author' },
    { email: BOB, role: 'publisher' },
  ],
});

/** A person in a browser of their own, signed in, on the editor of q164887. */
async function signedIn(browser: Browser, email: string, watch: (page: Page) => void) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  watch(page);
  await server.signIn(page, email, '/edit/q164887');
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toBeVisible();
  return { context, page };
}

const status = (page: Page, text: string | RegExp) =>
  page.getByRole('status').filter({ hasText: text });

test('two people edit one troubleshooter: each sees the other, an outdated save of other parts is merged, one of the same part is shown, and both changes are kept', async ({
  browser,
  consoleGuard,
}) => {
  test.setTimeout(120_000);
  // The refused save (409) and the requests made while offline are reported by the browser.
  consoleGuard.allow(/status of 409|ERR_INTERNET_DISCONNECTED|Failed to fetch/);
  const ann = await signedIn(browser, ANN, consoleGuard.watch);
  const bob = await signedIn(browser, BOB, consoleGuard.watch);

  // Presence: each sees who else has the draft open.
  await expect(bob.page.getByText(`Also editing this draft now: ${ANN}`)).toBeVisible({
    timeout: 30_000,
  });
  await expect(ann.page.getByText(`Also editing this draft now: ${BOB}`)).toBeVisible({
    timeout: 30_000,
  });
  // A reload is the same person on a new page: the page it replaced said it left, so Ann is
  // not shown herself "in another tab", and Bob still sees her once.
  const firstBeat = ann.page.waitForResponse(
    (response) => response.url().endsWith('/presence') && response.request().method() === 'POST',
  );
  await ann.page.reload();
  expect(((await (await firstBeat).json()) as { editors: unknown[] }).editors).toEqual([
    { email: BOB, you: false },
  ]);
  await expect(
    ann.page.getByText(
      `Also editing this draft now: ${BOB}. Your saves and theirs are compared, so neither overwrites the other.`,
      { exact: true },
    ),
  ).toBeVisible({ timeout: 30_000 });
  await expect(ann.page.getByText('you, in another tab')).toHaveCount(0);

  // Bob loses the network and changes the description: kept in his browser.
  await bob.context.setOffline(true);
  await bob.page.getByRole('textbox', { name: 'Description' }).fill('Description from Bob');
  await expect(status(bob.page, 'Not saved: offline, kept in this browser')).toBeVisible({
    timeout: 15_000,
  });
  // Meanwhile Ann changes the title: saved on the server.
  await ann.page.getByRole('textbox', { name: 'Title', exact: true }).fill('Title from Ann');
  await expect(status(ann.page, /^Saved/)).toBeVisible({ timeout: 15_000 });

  // Bob is back: his save is based on the draft before Ann's, so it is refused; they changed
  // different parts, so both changes are merged without asking him, and he is told.
  await bob.context.setOffline(false);
  await expect(
    status(
      bob.page,
      `${ANN} saved changes to other parts meanwhile (Title): they are merged with yours. Undo takes them out of your copy.`,
    ),
  ).toBeVisible({ timeout: 30_000 });
  await expect(status(bob.page, /^Saved/)).toBeVisible({ timeout: 15_000 });
  await expect(bob.page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
    'Title from Ann',
  );

  // Both change the title, Bob offline again: his save is refused, and a part changed on both
  // sides is his to choose, his own chosen already.
  await bob.context.setOffline(true);
  await bob.page.getByRole('textbox', { name: 'Title', exact: true }).fill('Title from Bob');
  await expect(status(bob.page, 'Not saved: offline, kept in this browser')).toBeVisible({
    timeout: 15_000,
  });
  await ann.page.getByRole('textbox', { name: 'Title', exact: true }).fill('Title from Ann, again');
  await expect(status(ann.page, /^Saved/)).toBeVisible({ timeout: 15_000 });
  // Ann's save was based on the draft before Bob's description: merged without asking her.
  await expect(ann.page.getByRole('textbox', { name: 'Description' })).toHaveValue(
    'Description from Bob',
    { timeout: 15_000 },
  );
  await bob.context.setOffline(false);
  const conflict = bob.page.getByRole('region', {
    name: 'Someone else saved this draft meanwhile',
  });
  await expect(conflict).toBeVisible({ timeout: 30_000 });
  const title = conflict.getByRole('group', { name: 'Title (changed on both sides)' });
  await expect(title).toContainText('Title from Ann, again');
  await expect(title.getByRole('radio', { name: 'Keep yours' })).toBeChecked();
  await expect(conflict.getByRole('group')).toHaveCount(1);
  expect(await wcagViolations(bob.page)).toEqual([]);
  await bob.page.screenshot({
    path: 'test-results/drafts-server/conflict-1280.png',
    fullPage: true,
  });
  await bob.page.setViewportSize({ width: 320, height: 900 });
  expect(await wcagViolations(bob.page)).toEqual([]);
  expect(await bob.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    320,
  );
  await bob.page.screenshot({
    path: 'test-results/drafts-server/conflict-320.png',
    fullPage: true,
  });
  await bob.page.setViewportSize({ width: 1280, height: 900 });
  await title.getByRole('radio', { name: `Keep saved by ${ANN}` }).check();
  await conflict.getByRole('button', { name: 'Keep these choices' }).click();
  await expect(status(bob.page, /^Saved/)).toBeVisible({ timeout: 15_000 });

  // The draft on the server has both changes; a fresh page opens it.
  const fresh = await ann.context.newPage();
  await fresh.goto(`${server.origin}/edit/q164887`);
  await expect(fresh.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
    'Title from Ann, again',
  );
  await expect(fresh.getByRole('textbox', { name: 'Description' })).toHaveValue(
    'Description from Bob',
  );
  await ann.context.close();
  await bob.context.close();
});

test('a draft someone left is deleted for everyone from the Drafts list, not while it is open, and its id is free again', async ({
  browser,
  consoleGuard,
}) => {
  test.setTimeout(120_000);
  // The delete refused while Ann has the draft open (409).
  consoleGuard.allow(/status of 409/);
  // Ann starts a new troubleshooter.
  const annContext = await browser.newContext();
  const ann = await annContext.newPage();
  consoleGuard.watch(ann);
  await server.signIn(ann, ANN, '/edit');
  await ann.getByRole('textbox', { name: 'Title', exact: true }).fill('Printer jams');
  const idSaved = ann.waitForResponse(
    (response) =>
      response.url().includes('/api/drafts/') &&
      response.request().method() === 'PUT' &&
      (response.request().postData() ?? '').includes('"printer-jams"') &&
      response.ok(),
    { timeout: 30_000 },
  );
  await ann.getByRole('textbox', { name: 'Id', exact: true }).fill('printer-jams');
  await idSaved;

  // Bob finds it on the server, and is asked twice before it goes.
  const bobContext = await browser.newContext({ viewport: { width: 320, height: 900 } });
  const bob = await bobContext.newPage();
  consoleGuard.watch(bob);
  await server.signIn(bob, BOB, '/edit');
  await bob.getByRole('tab', { name: 'Drafts' }).click();
  const deleteIt = async () => {
    await bob.getByRole('button', { name: 'Delete Printer jams' }).click();
    await expect(
      bob.getByText('Delete “Printer jams” for everyone? It cannot be undone.'),
    ).toBeFocused();
    await bob.getByRole('button', { name: 'Delete for everyone' }).press('Enter');
  };
  await bob.getByRole('button', { name: 'Delete Printer jams' }).click();
  expect(await wcagViolations(bob), 'the question at 320 px').toEqual([]);
  // Keep it: nothing happens, and focus is back on Delete.
  await bob.getByRole('button', { name: 'Keep it' }).press('Enter');
  await expect(bob.getByRole('button', { name: 'Delete Printer jams' })).toBeFocused();

  // While Ann has it open, it is not deleted: her next save would bring it back.
  await deleteIt();
  await expect(
    status(
      bob,
      `“Printer jams” was not deleted: ${ANN} has it open now: ask them to close it first.`,
    ),
  ).toBeFocused();

  // Ann closes it; then it goes (her page says it left; at the latest her presence lapses).
  await annContext.close();
  await expect(async () => {
    await deleteIt();
    await expect(status(bob, 'Deleted “Printer jams”.')).toBeFocused({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  // Gone from the list (the first test's draft of q164887 may still be there).
  await expect(bob.getByRole('link', { name: 'Printer jams' })).toHaveCount(0);

  // The id it held is free for Bob's own draft (at 320 px the form is a tab of its own).
  await bob.getByRole('tab', { name: 'Edit' }).click();
  const bobId = bob.getByRole('textbox', { name: 'Id', exact: true });
  await bobId.fill('printer-jams');
  await expect(status(bob, /^Saved/)).toBeVisible({ timeout: 30_000 });
  await expect(bobId).not.toHaveAttribute('aria-invalid', 'true');
  await expect(bob.getByText(/is already used by another draft/)).toHaveCount(0);
  await bobContext.close();
});
