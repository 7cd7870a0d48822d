import { errorSummary, fieldError } from './form-parts';
import { html } from './html';
import { renderPage } from './page-layout';

export type SignInPageState = {
  base: string;
  /** Where to go once signed in: a path on this site (checked by safeReturnPath). */
  returnTo: string;
  email?: string;
  /** A failure that is about the two together (no such account): beside the email field. */
  error?: string;
  /** A field left empty or too long, each beside its own field. */
  fieldErrors?: { email?: string; password?: string };
  /** The identity provider's name when OpenID Connect is configured. */
  providerName?: string | null;
  signedOut?: boolean;
  /** A form was sent after the session ended (server/plugins/auth.ts): say why they are here. */
  sessionEnded?: boolean;
};

/**
 * The sign-in form: a plain POST that works without JavaScript. A failure renders the page
 * again with the error summary focused (autofocus needs no script) and the title starting
 * "Error:", so a screen reader says what went wrong at once.
 */
export function renderSignInPage(state: SignInPageState): string {
  const { base, returnTo, email, providerName, signedOut, sessionEnded } = state;
  const errors = {
    email: state.fieldErrors?.email ?? state.error,
    password: state.fieldErrors?.password,
  };
  const problems = (['email', 'password'] as const).flatMap((name) => {
    const text = errors[name];
    return text ? [{ href: `#${name}`, text }] : [];
  });
  const described = (name: 'email' | 'password') =>
    errors[name] ? html` aria-invalid="true" aria-describedby="${name}-error"` : null;
  const content = html`<h1 tabindex="-1">Sign in</h1>
    ${signedOut ? html`<div class="notice" role="status"><p>You are signed out.</p></div>` : null}
    ${
      sessionEnded && problems.length === 0
        ? html`<div class="notice" role="status" tabindex="-1" autofocus>
            <p>
              Your session ended, so the form you sent was not saved. Sign in again: you go back to
              its page, where you can send it again.
            </p>
          </div>`
        : null
    }
    ${errorSummary('There is a problem', problems)}
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
        ${fieldError('email', errors.email)}
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          spellcheck="false"
          required
          maxlength="320"
          value="${email ?? ''}"
          ${described('email')}
        />
      </div>
      <div class="field">
        <label for="password">Password</label>
        ${fieldError('password', errors.password)}
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          maxlength="1024"
          ${described('password')}
        />
      </div>
      <button type="submit" class="page-button">Sign in</button>
    </form>`;
  return renderPage({ base, title: 'Sign in', content, hasErrors: problems.length > 0 });
}
