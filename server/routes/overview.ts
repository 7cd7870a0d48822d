// `/admin`: a signed-in person's overview (server/pages/overview-page.ts), where signing in
// leads. Authors and up; what it lists follows the role.
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { roleAllows } from '../accounts/roles';
import type { Account } from '../accounts/accounts-store';
import { submissions, treeVersions } from '../db/schema';
import { renderNotFoundPage } from '../pages/error-pages';
import { renderOverview, type Overview } from '../pages/overview-page';
import { sendPage, usePagePolicy } from '../pages/send-page';
import { signedInAccount } from '../plugins/auth';

/** How many of the latest versions (published here, or shipped with the site) it lists. */
const RECENT = 10;

export async function overviewRoutes(app: FastifyInstance) {
  usePagePolicy(app);
  const author = app.requireRole('author');

  async function readOverview(account: Account): Promise<Overview> {
    const publisher = roleAllows(account.role, 'publisher');
    const mine = publisher ? undefined : eq(submissions.authorId, account.id);
    const tally = async (status: 'submitted' | 'sent-back') =>
      (
        await app.db
          .select({ n: count() })
          .from(submissions)
          .where(and(eq(submissions.status, status), mine))
      )[0]?.n ?? 0;
    const recent = await app.db
      .select({
        treeId: treeVersions.treeId,
        // Only the title of each tree's JSON, not the whole tree.
        title: sql<string>`${treeVersions.tree}->>'title'`,
        version: treeVersions.version,
        publishedAt: treeVersions.publishedAt,
        publishedByEmail: treeVersions.publishedByEmail,
        summary: treeVersions.summary,
      })
      .from(treeVersions)
      // The troubleshooters shipped with the site are imported at first start: on a fresh
      // install they are the ones to open.
      .orderBy(desc(treeVersions.id))
      .limit(RECENT);
    return {
      waiting: await tally('submitted'),
      sentBack: publisher ? 0 : await tally('sent-back'),
      recent,
    };
  }

  app.get('/admin', { preHandler: author }, async (request, reply) => {
    const account = signedInAccount(request);
    return sendPage(
      reply,
      200,
      renderOverview({
        base: app.basePath,
        account,
        publisher: roleAllows(account.role, 'publisher'),
        admin: roleAllows(account.role, 'admin'),
        overview: await readOverview(account),
      }),
    );
  });

  // An address under admin/ that no page has: with a slash at the end, the page without it;
  // otherwise the server pages' not-found page, with their header, not the walker's "no
  // troubleshooter is called admin".
  app.get('/admin/*', async (request, reply) => {
    const { pathname, search } = new URL(request.url, 'http://localhost');
    if (pathname.endsWith('/'))
      return reply.redirect(`${pathname.replace(/\/+$/, '')}${search}`, 301);
    return sendPage(
      reply,
      404,
      renderNotFoundPage({
        base: app.basePath,
        account: request.account ?? null,
        title: 'Page not found',
        text: 'There is no page of the server at this address.',
        back: request.account
          ? { href: `${app.basePath}admin`, text: 'Back to the overview' }
          : { href: app.basePath, text: 'Back to the troubleshooters' },
      }),
    );
  });
}
