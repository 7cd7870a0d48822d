import { PGlite } from '@electric-sql/pglite';
import { ANSWERS_TO_DIAGNOSIS, answerLink, expect, openInteractive, test } from './fixtures';
import { useServer } from './server-fixture';

/**
 * A walk opened with `?ticket=INC0012345&client=WS-0042` against the real server (`npm start`
 * on a fresh embedded database): its walk events carry the ticket and client, and the server
 * stores them with each event (docs/tickets.md, docs/privacy.md). The stored rows are read
 * from the database itself once the server has stopped.
 */
const server = useServer();

test('a walk with ?ticket= and ?client= stores both with its events', async ({ page }) => {
  test.setTimeout(180_000);
  await openInteractive(page, `${server.origin}/q164887?ticket=INC0012345&client=WS-0042`);
  for (const answer of ANSWERS_TO_DIAGNOSIS) await answerLink(page, answer).click();
  await page.getByRole('button', { name: 'No', exact: true }).click();
  await expect(page.getByRole('button', { name: 'No', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // The page going away sends what is waiting (event-sender.ts listens for pagehide).
  const answered = page.waitForResponse((response) => response.url().endsWith('/api/events'));
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  const response = await answered;
  expect(response.status()).toBe(200);
  const sent = (await response.json()) as { stored: number };
  expect(sent.stored).toBeGreaterThan(0);

  // The stored rows, read from the embedded database once the server has let go of it.
  await server.stop();
  const db = await PGlite.create(server.dataDir);
  try {
    const { rows } = await db.query<{ kind: string; ticket: string | null; client: string | null }>(
      'select kind, ticket, client from analytics_events order by id',
    );
    expect(rows.length).toBe(sent.stored);
    expect(rows.map((row) => row.kind)).toEqual(expect.arrayContaining(['outcome', 'unsolved']));
    for (const row of rows) {
      expect(row).toMatchObject({ ticket: 'INC0012345', client: 'WS-0042' });
    }
  } finally {
    await db.close();
  }
});
