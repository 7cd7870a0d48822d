import { errorSummary } from './form-parts';
import { html } from './html';
import { renderPage, type PageAccount } from './page-layout';

export type AuditEntry = {
  id: number;
  at: Date;
  actorEmail: string | null;
  action: string;
  subject: string | null;
  details: unknown;
};

const ACTIONS: Record<string, string> = {
  'sign-in': 'Signed in',
  'sign-in.failed': 'Failed sign-in',
  'sign-in.refused': 'Sign-in refused (too many failures)',
  'sign-out': 'Signed out',
  'account.added': 'Account added',
  'account.removed': 'Account removed',
  'account.role-changed': 'Role changed',
  'account.password-changed': 'Password changed',
  'settings.changed': 'Settings changed',
};

/** A value of an entry's details as short text: lists joined, objects as `key: value`. */
function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(valueText).join(', ');
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([key, inner]) => `${key} ${valueText(inner)}`)
      .join(', ');
  }
  return value === null ? '(none)' : String(value);
}

/** The details of an entry as short text, one `key: value` a part. */
function describe(details: unknown): string {
  if (typeof details !== 'object' || details === null) return '';
  return Object.entries(details as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${valueText(value)}`)
    .join('; ');
}

/** The audit log (admins only), newest first, a page at a time (`?before=<id>`). */
export function renderAuditPage(state: {
  base: string;
  account: PageAccount;
  entries: AuditEntry[];
  olderHref: string | null;
  newestHref: string | null;
  /** An address this page could not read (`before` not an entry number): said, newest shown. */
  error?: string | null;
}): string {
  const { base, account, entries, olderHref, newestHref } = state;
  const content = html`<h1 tabindex="-1">Audit log</h1>
    ${errorSummary('The address was not understood', state.error ? [{ text: state.error }] : [])}
    <p>
      Sign-ins, failed sign-ins, sign-outs, account and settings changes, newest first. Times are
      UTC.
    </p>
    ${
      entries.length === 0
        ? html`<p>Nothing recorded${newestHref ? ' before these' : ' yet'}.</p>`
        : html`<div class="audit-table-wrap" role="region" aria-label="Audit entries" tabindex="0">
            <table class="audit-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">What</th>
                  <th scope="col">Who</th>
                  <th scope="col">On</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                ${entries.map(
                  (entry) =>
                    html`<tr>
                      <td>
                        <time datetime="${entry.at.toISOString()}"
                          >${entry.at.toISOString().slice(0, 19).replace('T', ' ')}</time
                        >
                      </td>
                      <td>${ACTIONS[entry.action] ?? entry.action}</td>
                      <td>${entry.actorEmail ?? '—'}</td>
                      <td>${entry.subject ?? '—'}</td>
                      <td>${describe(entry.details)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
    <nav class="pager" aria-label="Audit log pages">
      ${newestHref ? html`<a href="${newestHref}">Newest entries</a>` : null}
      ${olderHref ? html`<a href="${olderHref}">Older entries</a>` : null}
    </nav>`;
  return renderPage({
    base,
    title: 'Audit log',
    account,
    content,
    wide: true,
    hasErrors: Boolean(state.error),
  });
}
