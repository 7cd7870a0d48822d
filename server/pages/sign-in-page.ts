import { errorSummary } from './form-parts';
import { html } from './html';
import { renderPage } from './page-layout';

export type SignInPageState = {
  base: string;
  /** Where to go once signed in: a path on this site (checked by safeReturnPath). */
  returnTo: string;
  email?: string;
  error?: string;
  /** The identity provider's name when OpenID Connect is configured. */
  providerName?: string | null;
  signedOut?: boolean;
};

/**
 * The sign-in form: a plain POST that works without JavaScript. A failure renders the page
 * again with the error summary focused (autofocus needs no script) and the title starting
 * "Error:", so a screen reader says what went wrong at once.
 */
export function renderSignInPage(state: SignInPageState): string {
  const { base, returnTo, email, error, providerName, signedOut } = state;
  const content = html`<h1 tabindex="-1">Sign in</h1>
    ${signedOut ? html`<div class="notice" role="status"><p>You are signed out.</p></div>` : null}
    ${errorSummary('There is a problem', error ? [{ href: '#email', text: error }] : [])}
    <p>
      Signing in is for the people who write, publish and look after troubleshooters. Walking a
      troubleshooter needs no account.
    </p>
    ${
      providerName
        ? html`<form method="get" action="${base}sign-in/oidc" class="page-form">
              <input type="hidden" name="return" value="${returnTo}" />
              <button type="submit" class="page-button">Sign in with ${providerName}</button>
            </form>
            <h2 class="or-divider">Or with a local account</h2>`
        : null
    }
    <form method="post" action="${base}sign-in" class="page-form" novalidate>
      <input type="hidden" name="return" value="${returnTo}" />
      <div class="field">
        <label for="email">Email address</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          spellcheck="false"
          required
          value="${email ?? ''}"
          ${error ? html` aria-invalid="true" aria-describedby="sign-in-error"` : null}
        />
        ${error ? html`<p id="sign-in-error" class="field-error">${error}</p>` : null}
      </div>
      <div class="field">
        <label for="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
        />
      </div>
      <button type="submit" class="page-button">Sign in</button>
    </form>`;
  return renderPage({ base, title: 'Sign in', content, hasErrors: Boolean(error) });
}
