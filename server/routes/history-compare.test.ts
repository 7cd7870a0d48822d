// The history page's Compare (review 8, item 15): the result is where focus goes, a version
// that does not exist is said so, and comparing a version with itself says "No changes".
import { expect, it } from 'vitest';
import { sessionFor } from '../testing/sign-in-as';
import { buildTestApp } from '../testing/test-app';

it('compares two versions, says when one is not a version, and says no changes for the same one', async () => {
  const app = await buildTestApp();
  const { cookie } = await sessionFor(app, 'author');
  const page = (query: string) =>
    app.inject({ url: `/admin/history/q164887${query}`, headers: { cookie } });

  // The result's heading takes focus when the page loads, and says how many changes.
  const compared = await page('?from=1&to=2');
  expect(compared.statusCode).toBe(200);
  expect(compared.body).toMatch(
    /<h2 id="changes-heading" tabindex="-1" autofocus>\s*Changes from version 1 to version 2\s*<\/h2>/,
  );
  expect(compared.body).toMatch(/<p>\d+ changes?:<\/p>/);

  // No version 99: said, beside the form, and nothing compared.
  const missing = await page('?from=99&to=2');
  expect(missing.statusCode).toBe(200);
  expect(missing.body).toContain('role="alert"');
  expect(missing.body).toContain('There is no version 99 of this troubleshooter');
  expect(missing.body).toContain('<title>Error: History');
  expect(missing.body).not.toContain('Changes from version 99');
  const half = await page('?to=2');
  expect(half.body).toContain('Choose both versions to compare');

  // The same version twice: no changes, plainly.
  const same = await page('?from=2&to=2');
  expect(same.body).toContain('No changes: you compared version 2 with itself.');
  expect(same.body).not.toMatch(/<title>Error/);
}, 60_000);
