import { expect, openCatalog, test } from './fixtures';

test('the list filter finds words inside the troubleshooters, fetched only once it is used', async ({
  page,
}) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await openCatalog(page);
  expect(requested).not.toContain('/trees/search.json');
  expect(requested).not.toContain('/trees/q164887.json');

  const box = page.getByRole('searchbox', { name: 'Filter troubleshooters' });
  for (const word of ['PCM', 'Ntencap', 'Pcmsvc32']) {
    await box.fill(word);
    await expect(page.getByRole('status').filter({ hasText: 'shown' })).toHaveText('1 of 1 shown');
  }
  await expect(
    page.getByText(
      'Matches a question: Does Package Command Manager run on the client as a Windows NT service?',
    ),
  ).toBeVisible();
  expect(requested.filter((path) => path === '/trees/search.json')).toHaveLength(1);
  expect(requested).not.toContain('/trees/q164887.json');
});
