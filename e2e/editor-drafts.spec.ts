import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { wcagViolations } from './axe';
import { expect, test } from './fixtures';

/**
 * Drafts in the browser without a server (issue 27): two tabs on one draft cannot overwrite
 * each other, a broken stored draft can be discarded, and a draft behind the deployed version
 * says so and offers the changes made since.
 */
const SHIPPED = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../public/trees/q164887.json'), 'utf8'),
) as { title: string; description: string; version: number };

const saved = (page: Page) =>
  expect(page.getByRole('status').filter({ hasText: /^Saved in this browser/ })).toBeVisible({
    timeout: 15_000,
  });

/** Discards the draft on the page: the deployed troubleshooter is back, also after a reload. */
async function discardAndSeeShipped(page: Page) {
  await page.getByRole('button', { name: 'Discard this draft' }).click();
  const title = page.getByRole('textbox', { name: 'Title', exact: true });
  await expect(title).toHaveValue(SHIPPED.title);
  await page.reload();
  await expect(title).toHaveValue(SHIPPED.title);
}

async function expectAccessible(page: Page, name: string) {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await wcagViolations(page), `${name} at ${width} px`).toEqual([]);
    await page.screenshot({
      path: `test-results/editor-drafts/${name}-${width}.png`,
      fullPage: true,
    });
  }
}

test('two tabs on one draft: changes to different parts are merged without asking; a part changed in both is shown side by side, and both changes are kept', async ({
  context,
  page: tabA,
  consoleGuard,
}) => {
  const tabB = await context.newPage();
  consoleGuard.watch(tabB);
  // Tab B does not hear tab A's saves (as a tab the browser had put to sleep): its own save
  // is then the one refused.
  await tabB.addInitScript(() => {
    window.addEventListener('storage', (event) => event.stopImmediatePropagation(), true);
  });
  await tabA.setViewportSize({ width: 1280, height: 900 });
  await tabB.setViewportSize({ width: 1280, height: 900 });
  await tabA.goto('/edit/q164887');
  await tabB.goto('/edit/q164887');
  await expect(tabB.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
    SHIPPED.title,
  );

  // A changes the title, B the description: B's save is refused (A saved since B's copy was
  // read) and both changes are merged, the page saying so, focus where B is typing.
  await tabA.getByRole('textbox', { name: 'Title', exact: true }).fill('Title from tab A');
  await saved(tabA);
  const descriptionB = tabB.getByRole('textbox', { name: 'Description' });
  await descriptionB.fill('Description from tab B');
  await expect(
    tabB.getByRole('status').filter({
      hasText:
        'Another tab saved changes to other parts meanwhile (Title): they are merged with yours. Undo takes them out of your copy.',
    }),
  ).toBeVisible({ timeout: 15_000 });
  await saved(tabB);
  await expect(tabB.getByRole('region', { name: /meanwhile/ })).toHaveCount(0);
  await expect(tabB.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
    'Title from tab A',
  );
  await expect(descriptionB).toHaveValue('Description from tab B');
  await expect(descriptionB).toBeFocused();
  // Tab A hears tab B's save at once and, with nothing unsaved of its own, takes it.
  await expect(tabA.getByRole('textbox', { name: 'Description' })).toHaveValue(
    'Description from tab B',
  );

  // Both change the description: that is for the author to choose, side by side.
  await tabA.getByRole('textbox', { name: 'Description' }).fill('Description from tab A');
  await saved(tabA);
  await descriptionB.fill('Description from tab B, again');
  const conflict = tabB.getByRole('region', {
    name: 'This draft was saved in another tab meanwhile',
  });
  await expect(conflict).toBeVisible({ timeout: 15_000 });
  await expect(conflict.getByRole('heading')).toBeFocused();
  await expect(
    tabB.getByRole('status').filter({ hasText: 'Not saved: choose what to keep' }),
  ).toBeVisible();
  const description = conflict.getByRole('group', {
    name: 'Description (changed on both sides)',
  });
  await expect(description).toContainText('Description from tab A');
  await expect(description).toContainText('Description from tab B, again');
  // Changed on both sides: the author's own is chosen, never silently the other's.
  await expect(description.getByRole('radio', { name: /Keep yours/ })).toBeChecked();
  await expect(conflict.getByRole('group')).toHaveCount(1);
  await expectAccessible(tabB, 'conflict');

  await conflict.getByRole('button', { name: 'Keep these choices' }).click();
  await saved(tabB);
  await expect(tabB.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
    'Title from tab A',
  );
  await expect(descriptionB).toHaveValue('Description from tab B, again');
  await expect(tabA.getByRole('textbox', { name: 'Description' })).toHaveValue(
    'Description from tab B, again',
  );

  // A reload opens the draft with both changes.
  await tabA.reload();
  await expect(tabA.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
    'Title from tab A',
  );
  await expect(tabA.getByRole('textbox', { name: 'Description' })).toHaveValue(
    'Description from tab B, again',
  );
});

test('a stored draft that cannot be read is said to be broken, and can be discarded', async ({
  page,
}) => {
  // The shape an older editor kept every draft in, with one malformed draft in it.
  await page.addInitScript(
    ([shipped]) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(
        'troubleshooter:editor-drafts',
        JSON.stringify([
          {
            key: 'tree:q164887',
            basedOn: 1,
            savedAt: '2026-01-01T00:00:00.000Z',
            tree: { ...shipped, title: { en: 'Title' } },
          },
        ]),
      );
    },
    [SHIPPED],
  );
  await page.goto('/edit/q164887');
  await expect(
    page.getByRole('heading', { level: 1, name: 'This draft cannot be opened' }),
  ).toBeVisible();
  await expect(
    page.getByText(
      'The copy kept in this browser is damaged: title should be text, not an object.',
      { exact: false },
    ),
  ).toBeVisible();
  await expectAccessible(page, 'broken');
  await discardAndSeeShipped(page);
});

for (const [name, damage, problem] of [
  ['a title that is not text', { title: { en: 'Title' } }, /title/],
  ['a node that is null', { nodes: [null] }, /node/],
] as const) {
  test(`a stored draft with ${name} is said to be damaged, and discarding it opens the deployed one`, async ({
    page,
  }) => {
    // As the editor keeps drafts now, each under its own key, with one malformed field.
    await page.addInitScript(
      ([shipped, damage]) => {
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem(
          'troubleshooter:draft:tree:q164887',
          JSON.stringify({ ...shipped, ...damage }),
        );
        localStorage.setItem(
          'troubleshooter:draft-note:tree:q164887',
          JSON.stringify({
            key: 'tree:q164887',
            revision: 4,
            basedOn: 2,
            savedAt: '2026-01-01T00:00:00.000Z',
            title: 'Title',
            treeId: 'q164887',
          }),
        );
      },
      [SHIPPED, damage] as const,
    );
    await page.goto('/edit/q164887');
    await expect(
      page.getByRole('heading', { level: 1, name: 'This draft cannot be opened' }),
    ).toBeVisible();
    const said = page.getByText('The copy kept in this browser is damaged:', { exact: false });
    await expect(said).toBeVisible();
    await expect(said).toContainText(problem);
    // /edit itself still opens, and lists the broken draft rather than crashing.
    await page.goto('/edit');
    await expect(page.getByRole('tree', { name: 'Outline' })).toBeVisible();
    await expect(page.getByText('Something went wrong')).toHaveCount(0);
    await page.getByRole('tab', { name: 'Drafts' }).click();
    await expect(
      page.getByRole('tabpanel', { name: 'Drafts' }).getByRole('link', { name: 'Title' }),
    ).toBeVisible();
    await page.goto('/edit/q164887');
    await discardAndSeeShipped(page);
  });
}

test('a draft behind the deployed version says so, offers the changes made since, and is not downloaded until then', async ({
  page,
}) => {
  // Version 3 is deployed: a colleague changed the description. Version 2 (the shipped one) stays
  // for old links.
  const deployed = { ...SHIPPED, version: 3, description: 'Deployed description (version 3)' };
  await page.route('**/trees/q164887.json', (route) => route.fulfill({ json: deployed }));
  await page.route('**/trees/q164887.v2.json', (route) => route.fulfill({ json: SHIPPED }));
  await page.addInitScript(
    ([shipped]) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      const tree = { ...shipped, title: 'My title from version 2' };
      localStorage.setItem('troubleshooter:draft:tree:q164887', JSON.stringify(tree));
      localStorage.setItem(
        'troubleshooter:draft-note:tree:q164887',
        JSON.stringify({
          key: 'tree:q164887',
          revision: 3,
          basedOn: 2,
          savedAt: '2026-01-01T00:00:00.000Z',
          title: tree.title,
          treeId: 'q164887',
        }),
      );
    },
    [SHIPPED],
  );
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/edit/q164887');
  const notice = page.getByRole('region', { name: 'Version 3 is deployed since this draft began' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('This draft started from version 2');
  await expect(page.getByRole('button', { name: /^Download/ })).toHaveCount(0);
  await expectAccessible(page, 'behind');
  // Its Impact tab says it is behind, not that the version need not go up, and offers no file.
  await page.getByRole('tab', { name: 'Impact and publishing' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Impact and publishing' });
  await expect(panel).toContainText(
    'This draft started from an older version than version 3, which is deployed now: what is listed below as changed includes the changes made since, which publishing this draft would undo.',
  );
  await expect(panel).toContainText('No download yet: this draft started from an older version');
  await expect(panel.getByText(/need not go up/)).toHaveCount(0);
  await expect(panel.getByRole('button', { name: /^Download/ })).toHaveCount(0);
  await expectAccessible(page, 'behind-impact');

  await notice.getByRole('button', { name: 'Compare with version 3' }).click();
  const conflict = page.getByRole('region', {
    name: 'A newer version is deployed than the one this draft started from',
  });
  await expect(
    conflict.getByRole('group', { name: 'Title' }).getByRole('radio', { name: /Keep yours/ }),
  ).toBeChecked();
  await expect(
    conflict
      .getByRole('group', { name: 'Description' })
      .getByRole('radio', { name: /Keep deployed version/ }),
  ).toBeChecked();
  await conflict.getByRole('button', { name: 'Keep these choices' }).click();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
    'My title from version 2',
  );
  await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue(
    'Deployed description (version 3)',
  );
  await expect(notice).toHaveCount(0);
  await expect(
    page.getByRole('button', { name: 'Download q164887.json', exact: true }),
  ).toBeVisible();
  // The file for publishing is the next version after the deployed one, with both changes.
  await expect(panel).not.toContainText('This draft started from an older version');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: /^Download q164887\.json \(version 4\)/ }).click(),
  ]);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as typeof SHIPPED;
  expect(file).toMatchObject({
    version: 4,
    title: 'My title from version 2',
    description: 'Deployed description (version 3)',
  });
});
