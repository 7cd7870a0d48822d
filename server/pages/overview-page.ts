import { html, type Markup } from './html';
import { renderPage, type PageAccount } from './page-layout';

export type RecentVersion = {
  treeId: string;
  title: string;
  version: number;
  publishedAt: Date;
  publishedByEmail: string | null;
  summary: string | null;
};

/** What a staff member's overview shows: their queue, and what was published lately. */
export type Overview = {
  /** Submissions waiting for review: all of them for a publisher, an author's own otherwise. */
  waiting: number;
  /** An author's own submissions sent back to them (0 for a publisher's overview). */
  sentBack: number;
  recent: RecentVersion[];
};

const day = (date: Date) => date.toISOString().slice(0, 10);

/** One link with a line saying what is behind it. */
const entry = (href: string, label: string, what: string) =>
  html`<li><a href="${href}">${label}</a>: ${what}</li>`;

function recentTable(base: string, recent: RecentVersion[]): Markup {
  if (recent.length === 0)
    return html`<p>No troubleshooter yet: start one with New troubleshooter.</p>`;
  return html`<ul class="review-list">
    ${recent.map(
      (row) =>
        html`<li>
          <a href="${base}admin/history/${row.treeId}">${row.title}</a>: version
          ${row.version}${row.summary ? html`, “${row.summary}”` : null}
          <span class="review-list__meta"
            >${day(row.publishedAt)} · ${row.publishedByEmail ?? 'shipped with the site'} ·
            <a href="${base}edit/${row.treeId}">Edit</a> ·
            <a href="${base}map/${row.treeId}/report">Report</a></span
          >
        </li>`,
    )}
  </ul>`;
}

/**
 * `/admin`: where signing in leads, and where the header's Overview link goes. Everything a
 * signed-in person may open, by role, with their queue and the latest publications.
 */
export function renderOverview(state: {
  base: string;
  account: PageAccount;
  publisher: boolean;
  admin: boolean;
  overview: Overview;
}): string {
  const { base, account, publisher, admin, overview } = state;
  const queue = publisher
    ? `${overview.waiting === 0 ? 'nothing' : overview.waiting === 1 ? 'one submission' : `${overview.waiting} submissions`} waiting for review`
    : `${overview.waiting} of yours waiting, ${overview.sentBack} sent back to you`;
  const content = html`<h1 tabindex="-1">Overview</h1>
    <h2>Write and publish</h2>
    <ul class="overview-links">
      ${entry(`${base}edit`, 'New troubleshooter', 'start one in the editor')}
      ${entry(`${base}`, 'Troubleshooters', 'the list walkers see, with its search')}
      ${entry(`${base}admin/reviews`, publisher ? 'Reviews' : 'Your submissions', queue)}
    </ul>
    <h2>Latest versions</h2>
    ${recentTable(base, overview.recent)}
    ${
      admin
        ? html`<h2>Run the site</h2>
            <ul class="overview-links">
              ${entry(`${base}admin/settings`, 'Settings', 'embedding origins, the escalation path, how long walk statistics are kept, when a troubleshooter is due for review')}
              ${entry(`${base}admin/tickets`, 'Helpdesk', 'where “Open a ticket” sends a ticket')}
              ${entry(`${base}admin/webhooks`, 'Webhooks', 'addresses told of publications and tickets')}
              ${entry(`${base}admin/publishing`, 'Publishing', 'whether one person may submit and publish')}
              ${entry(`${base}admin/audit`, 'Audit log', 'sign-ins, accounts and settings changes')}
            </ul>`
        : null
    }`;
  return renderPage({ base, title: 'Overview', account, content });
}
