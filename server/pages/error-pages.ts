import { html } from './html';
import { renderPage, type PageAccount } from './page-layout';

/** A link back from an error page: where the person most likely wants to go instead. */
export type BackLink = { href: string; text: string };

/**
 * A page that says what was not there (an id that names nothing, or is not a number), with
 * the admin pages' header and a link back: what a person who followed an old link needs.
 */
export function renderNotFoundPage(state: {
  base: string;
  account: PageAccount | null;
  title: string;
  text: string;
  back: BackLink;
}): string {
  const { base, account, title, text, back } = state;
  return renderPage({
    base,
    title,
    account,
    content: html`<h1 tabindex="-1">${title}</h1>
      <p>${text}</p>
      <p><a href="${back.href}">${back.text}</a></p>`,
  });
}

/**
 * The page for a request the server could not read (400, 413, 415: an address or form it
 * refused before any page could say more) or for a failure of its own (500). The text is
 * always ours: an error's own message may hold a database query and is only logged.
 */
export function renderErrorPage(state: {
  base: string;
  account: PageAccount | null;
  status: number;
}): string {
  const { base, account, status } = state;
  const failed = status >= 500;
  const title = failed ? 'Something went wrong' : 'That request could not be read';
  return renderPage({
    base,
    title,
    account,
    hasErrors: true,
    content: html`<h1 tabindex="-1">${title}</h1>
      <p>
        ${
          failed
            ? 'The server failed to answer. It has been logged; try again in a moment, and if it keeps happening, tell whoever runs this server.'
            : 'The address or the form sent was not in a form the server accepts: a value may be too long, or not a number where a number is needed.'
        }
      </p>
      <p>Going back keeps what you typed in most browsers.</p>
      <p><a href="${base}">Back to the troubleshooters</a></p>`,
  });
}
