import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { html, Markup } from './html';

/**
 * The server's own pages (sign-in, settings, audit log) are plain HTML forms rendered here,
 * not routes of the React app (docs/decisions/0028-sign-in.md): they work without JavaScript,
 * need no prerendering, and run under a policy stricter than the site's: no script at all,
 * the one inline stylesheet allowed by its hash, forms posted only to this server.
 */
const STYLESHEET = [
  readFileSync(new URL('../../src/styles.css', import.meta.url), 'utf8'),
  readFileSync(new URL('./page-styles.css', import.meta.url), 'utf8'),
].join('\n');
const STYLE_HASH = `sha256-${createHash('sha256').update(STYLESHEET).digest('base64')}`;
// Made outside the html`` template (which a formatter may re-indent): the text between the
// tags must be exactly what was hashed.
const STYLE_ELEMENT = new Markup(`<style>${STYLESHEET}</style>`);

export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src '${STYLE_HASH}'`,
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export type PageAccount = { email: string; role: string };

/**
 * A whole page: the site's header (with the signed-in account and Sign out), one h1, the
 * content. `errorTitle` prefixes the title with "Error:" so that a screen reader hears the
 * failure before anything else when the page loads.
 */
export function renderPage(page: {
  /** The path the site is served at, with a slash at each end (BASE_PATH). */
  base: string;
  title: string;
  account?: PageAccount | null;
  content: Markup;
  hasErrors?: boolean;
  /** A wide page (the audit log's table): the header and main use more of a large screen. */
  wide?: boolean;
}): string {
  const { base, title, account, content, hasErrors, wide } = page;
  const width = wide ? 'site-width site-width--wide' : 'site-width';
  return `<!doctype html>\n${html`<html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="referrer" content="same-origin" />
      <link rel="icon" href="${base}favicon.svg" type="image/svg+xml" />
      <title>${hasErrors ? 'Error: ' : ''}${title} · Troubleshooter</title>
      ${STYLE_ELEMENT}
    </head>
    <body>
      <div class="site">
        <a class="skip-link" href="#main">Skip to main content</a>
        <header class="site-header">
          <div class="${width}">
            <a href="${base}" class="site-header__name">Troubleshooter</a>
            ${account ? accountNav(account, base) : null}
          </div>
        </header>
        <main id="main" class="${width} site-main" tabindex="-1">${content}</main>
        <footer class="site-footer">
          <div class="site-width">Every step has its own address: share it with a colleague.</div>
        </footer>
      </div>
    </body>
  </html> `}`;
}

function accountNav(account: PageAccount, base: string): Markup {
  return html`<nav class="header-account" aria-label="Account">
    <span>Signed in as ${account.email} (${account.role})</span>
    <a href="${base}admin">Overview</a>
    <a href="${base}admin/reviews">Reviews</a>
    ${account.role === 'admin' ? html`<a href="${base}admin/settings">Settings</a> <a href="${base}admin/tickets">Helpdesk</a> <a href="${base}admin/webhooks">Webhooks</a> <a href="${base}admin/publishing">Publishing</a> <a href="${base}admin/audit">Audit log</a>` : null}
    <form method="post" action="${base}sign-out"><button type="submit">Sign out</button></form>
  </nav>`;
}
