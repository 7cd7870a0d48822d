import { expect, openCatalog, test } from './fixtures';
import { MANY_TREES_ORIGIN } from './origins';

// Against dist-many/ (scripts/build-many-trees.mjs): 60 generated troubleshooters, whose
// titles all say "fails" and whose steps share the words job, service, pack, upgrade,
// restart, status and failed, and the shipped Q164887 last, on the last page. Each query is
// what an admin might type; the troubleshooter it names must be listed first.
test.use({ baseURL: MANY_TREES_ORIGIN });

const Q164887 = 'Windows NT upgrade job runs again at every restart (SMS 1.2)';
const generated = (number: number) => new RegExp(`^Generated ${number}: `);

const QUERIES: [string, string | RegExp][] = [
  // The words of issue 28, and what admins write of this problem.
  ['job keeps failing', Q164887],
  ['failing', Q164887],
  ['upgarde', Q164887],
  ['SMS1.2', Q164887],
  ['sms 1.2', Q164887],
  ['NT4', Q164887],
  ['loop', Q164887],
  ['ntencap', Q164887],
  ['Q164887', Q164887],
  ['164887', Q164887],
  ['pcmsvc32.exe', Q164887],
  ['pcmsvc', Q164887],
  ['servpack', Q164887],
  ['sms upgrade repeats', Q164887],
  ['windows nt upgrade restart', Q164887],
  ['package command manager', Q164887],
  ['PCM service', Q164887],
  ['upgrade runs again after reboot', Q164887],
  ['job marked failed', Q164887],
  ['shut down message', Q164887],
  ['service pack sms', Q164887],
  ['upgarde repeating', Q164887],
  ['restarting', Q164887],
  ['mandatory job', Q164887],
  ['upgrade fails', Q164887],
  ['constantly repeat', Q164887],
  // The generated ones, by the words of their titles (one with a typo each way), and by id.
  ['spooler fails after restore', generated(3)],
  ['token spooler', generated(3)],
  ['wireless backup', generated(7)],
  ['generated-17', generated(17)],
  ['Generated 42', generated(42)],
  ['mailbox registry', generated(53)],
  ['firwall database', generated(40)],
  ['certifcate queue', generated(25)],
  ['modem queue', generated(20)],
  ['session memory', generated(12)],
  ['inventory cluster', generated(14)],
  ['license client token', generated(47)],
  ['boot port', generated(52)],
];

test(`the filter lists first what ${QUERIES.length} typed queries are looking for`, async ({
  page,
}) => {
  expect(QUERIES.length).toBeGreaterThanOrEqual(30);
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await openCatalog(page);
  const box = page.getByRole('searchbox', { name: 'Filter troubleshooters' });
  const first = page.getByRole('main').getByRole('heading', { level: 2 }).first();
  const misses: string[] = [];
  for (const [query, expected] of QUERIES) {
    await box.fill(query);
    await expect(page.getByRole('status').filter({ hasText: 'shown' })).toHaveText(
      /^\d+ of 61 shown$/,
    );
    const title = (await first.textContent()) ?? '';
    const ok = typeof expected === 'string' ? title === expected : expected.test(title);
    if (!ok) misses.push(`“${query}” lists first “${title}”, not ${String(expected)}`);
  }
  expect(misses).toEqual([]);
  // One compact index for the whole list, fetched once; no tree file.
  expect(requested.filter((path) => path === '/trees/search.json')).toHaveLength(1);
  expect(requested.filter((path) => /^\/trees\/generated-|^\/trees\/q164887/.test(path))).toEqual(
    [],
  );
});

test('the filter box is in place from the first paint', async ({ page }) => {
  // The page's own script held back: what shows is the prerendered page alone.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'commit' });
  const box = page.getByRole('searchbox', { name: 'Filter troubleshooters' });
  await expect(box).toBeVisible();
  const before = await box.boundingBox();
  // Typed before the page is interactive: kept, and filtered once it is.
  await box.fill('ntencap');
  release();
  await expect(page.getByRole('status').filter({ hasText: 'shown' })).toHaveText('1 of 61 shown');
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(Q164887);
  expect(await box.boundingBox()).toEqual(before);
});
