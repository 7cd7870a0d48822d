import {
  MAX_ADDRESS,
  MAX_LABEL,
  MAX_ORIGINS,
  type SettingsFormErrors,
  type SettingsFormValues,
} from '../admin/settings-form';
import { errorSummary, field as formField } from './form-parts';
import { html, type Markup } from './html';
import { renderPage, type PageAccount } from './page-layout';

const FIELDS: { name: keyof SettingsFormValues; label: string }[] = [
  { name: 'allowedOrigins', label: 'Pages allowed to embed the troubleshooter' },
  { name: 'escalationLabel', label: 'Escalation label' },
  { name: 'escalationAddress', label: 'Escalation address' },
];

function field(
  name: keyof SettingsFormValues,
  errors: SettingsFormErrors,
  hint: string,
  control: (describedBy: string, invalid: Markup | null) => Markup,
) {
  const label = FIELDS.find((entry) => entry.name === name)?.label ?? name;
  return formField({ name, label, hint, error: errors[name], control });
}

/** The analytics block of the form (issue 25): how long raw walk events are kept. */
export type AnalyticsFormState = { retentionMonths: string; error?: string };

function analyticsFieldset(analytics: AnalyticsFormState) {
  return html`<fieldset class="field">
    <legend>Walk statistics: how long each step of a walk is kept</legend>
    ${formField({
      name: 'retentionMonths',
      label: 'Keep raw walk events for (months)',
      hint: 'From 1 to 120 months; 13 unless changed. Older events are deleted each day. The daily counts the reports show are kept for good. Nothing about the person is stored (docs/privacy.md).',
      error: analytics.error,
      control: (describedBy, invalid) =>
        html`<input
          id="retentionMonths"
          name="retentionMonths"
          type="text"
          inputmode="numeric"
          size="4"
          value="${analytics.retentionMonths}"
          aria-describedby="${describedBy}"
          ${invalid}
        />`,
    })}
  </fieldset>`;
}

/** The review block of the form (issue 26, item 6): when a troubleshooter is marked for review. */
export type ReviewFormState = {
  values: { notSolvedPercent: string; minAnswers: string; days: string };
  errors?: Partial<Record<'notSolvedPercent' | 'minAnswers' | 'days', string>>;
};

export const REVIEW_FIELDS = [
  {
    name: 'notSolvedPercent',
    label: '“No, it did not solve it” above (percent)',
    hint: 'From 1 to 100; 50 unless changed. The share of answers to “Did this solve it?” that were No.',
  },
  {
    name: 'minAnswers',
    label: 'Out of at least (answers)',
    hint: 'From 1 to 100,000; 10 unless changed. Fewer answers say too little to count.',
  },
  {
    name: 'days',
    label: 'Counted over the last (days)',
    hint: 'From 1 to 366; 30 unless changed.',
  },
] as const;

function reviewFieldset(review: ReviewFormState) {
  const errors = review.errors ?? {};
  return html`<fieldset class="field">
    <legend>Review: when a troubleshooter is marked for review</legend>
    <p class="field-hint">
      Every troubleshooter with a step report still marked New is due for review, and so is one
      whose review-by date has come. It is also due when people say it did not solve their problem
      too often:
    </p>
    ${REVIEW_FIELDS.map(({ name, label, hint }) =>
      formField({
        name,
        label,
        hint,
        error: errors[name],
        control: (describedBy, invalid) =>
          html`<input
            id="${name}"
            name="${name}"
            type="text"
            inputmode="numeric"
            size="6"
            value="${review.values[name]}"
            aria-describedby="${describedBy}"
            ${invalid}
          />`,
      }),
    )}
  </fieldset>`;
}

/** The settings form (admins only): embed origins, the escalation path, analytics retention. */
export function renderSettingsPage(state: {
  base: string;
  account: PageAccount;
  values: SettingsFormValues;
  errors?: SettingsFormErrors;
  analytics?: AnalyticsFormState;
  review?: ReviewFormState;
  saved?: boolean;
}): string {
  const { base, account, values, saved, analytics, review } = state;
  const errors = state.errors ?? {};
  const failed: { name: string; error: string }[] = FIELDS.flatMap((entry) => {
    const error = errors[entry.name];
    return error ? [{ name: entry.name, error }] : [];
  });
  if (analytics?.error) failed.push({ name: 'retentionMonths', error: analytics.error });
  for (const { name } of REVIEW_FIELDS) {
    const error = review?.errors?.[name];
    if (error) failed.push({ name, error });
  }
  const content = html`<h1 tabindex="-1">Settings</h1>
    ${errorSummary(
      'There is a problem: nothing was saved',
      failed.map((entry) => ({ href: `#${entry.name}`, text: entry.error })),
    )}
    ${saved ? html`<div class="notice" role="status" tabindex="-1" autofocus><p>Settings saved. The site uses them from now on.</p></div>` : null}
    <form method="post" action="${base}admin/settings" class="page-form" novalidate>
      ${field(
        'allowedOrigins',
        errors,
        `One origin a line, such as https://intranet.example or https://helpdesk.example:8443: scheme, host and port only. Only these pages may frame the troubleshooter and hear its events. At most ${MAX_ORIGINS} origins.`,
        (describedBy, invalid) =>
          html`<textarea
            id="allowedOrigins"
            name="allowedOrigins"
            rows="5"
            maxlength="20000"
            spellcheck="false"
            autocapitalize="off"
            aria-describedby="${describedBy}"
            ${invalid}
          >
${values.allowedOrigins}</textarea>`,
      )}
      <fieldset class="field">
        <legend>
          Escalation: where a person goes when a troubleshooter did not solve the problem
        </legend>
        ${field(
          'escalationLabel',
          errors,
          `The link’s text, such as “Open a ticket with the service desk”; at most ${MAX_LABEL} characters. Leave both empty for no link.`,
          (describedBy, invalid) =>
            html`<input
              id="escalationLabel"
              name="escalationLabel"
              type="text"
              maxlength="${MAX_LABEL}"
              value="${values.escalationLabel}"
              aria-describedby="${describedBy}"
              ${invalid}
            />`,
        )}
        ${field(
          'escalationAddress',
          errors,
          `A web address starting https:// or an email address; at most ${MAX_ADDRESS.toLocaleString('en-GB')} characters.`,
          (describedBy, invalid) =>
            html`<input
              id="escalationAddress"
              name="escalationAddress"
              type="text"
              maxlength="${MAX_ADDRESS}"
              spellcheck="false"
              autocapitalize="off"
              value="${values.escalationAddress}"
              aria-describedby="${describedBy}"
              ${invalid}
            />`,
        )}
      </fieldset>
      ${analytics ? analyticsFieldset(analytics) : null} ${review ? reviewFieldset(review) : null}
      <button type="submit" class="page-button">Save settings</button>
    </form>`;
  return renderPage({ base, title: 'Settings', account, content, hasErrors: failed.length > 0 });
}
