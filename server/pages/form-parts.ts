import { html, type Markup } from './html';

/**
 * The parts every server-rendered form is made of, written once so that each page says the
 * same things the same way to a screen reader: a summary of what went wrong (focused by
 * `autofocus`, which needs no script), and a field whose hint and error its control names.
 */

/** A problem the summary lists: a link to the field it is about, or plain text. */
export type Problem = { text: Markup | string; href?: string };

/** The error summary at the top of a page, or nothing when there is no problem. */
export function errorSummary(title: string, problems: readonly Problem[]): Markup | null {
  if (problems.length === 0) return null;
  return html`<div
    class="error-summary"
    role="alert"
    tabindex="-1"
    autofocus
    aria-labelledby="error-summary-title"
  >
    <h2 id="error-summary-title">${title}</h2>
    <ul>
      ${problems.map((problem) =>
        problem.href
          ? html`<li><a href="${problem.href}">${problem.text}</a></li>`
          : html`<li>${problem.text}</li>`,
      )}
    </ul>
  </div>`;
}

/** The error under a field's hint; "Error:" is read out before it. */
export function fieldError(id: string, error: string | undefined): Markup | null {
  return error
    ? html`<p id="${id}-error" class="field-error">
        <span class="visually-hidden">Error: </span>${error}
      </p>`
    : null;
}

/**
 * A labelled field: its hint, its error when there is one, and the control, which gets the
 * `aria-describedby` naming both and `aria-invalid` when the value was refused.
 */
export function field(options: {
  name: string;
  label: Markup | string;
  hint: Markup | string;
  error?: string;
  control: (describedBy: string, invalid: Markup | null) => Markup;
}): Markup {
  const { name, label, hint, error, control } = options;
  const describedBy = [`${name}-hint`, error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for="${name}">${label}</label>
    <p id="${name}-hint" class="field-hint">${hint}</p>
    ${fieldError(name, error)} ${control(describedBy, error ? html` aria-invalid="true"` : null)}
  </div>`;
}
