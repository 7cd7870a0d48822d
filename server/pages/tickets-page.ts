// The helpdesk setting as a page (issue 26, docs/tickets.md): which system "Open a ticket"
// opens, its address, and an example of the address it builds for the Q164887 escalation.
// A plain form, no script, like the settings page: every field is on the page, and only the
// one the chosen system needs is read.
import { SYSTEM_NAMES, TICKET_SYSTEMS, type TicketSystem } from '../../src/engine/ticket-links';
import { errorSummary, field as formField } from './form-parts';
import { html, type Markup } from './html';
import { TICKET_FIELD_LIMITS } from '../admin/tickets-form';
import { renderPage, type PageAccount } from './page-layout';

/** What the form posts (strings, as typed). `system` is '' for "no helpdesk". */
export type TicketsFormValues = {
  system: TicketSystem | '';
  url: string;
  email: string;
  template: string;
  label: string;
};

export type TicketsFormField = keyof TicketsFormValues;
export type TicketsFormErrors = Partial<Record<TicketsFormField, string>>;

/** An example of what "Open a ticket" opens, built by the engine from a real walk. */
export type TicketExample = {
  /** Where the example walk ends ("Q164887 … : Escalate"). */
  walk: string;
  href: string;
  /** The address's parameters, decoded, in order. */
  parameters: { name: string; value: string }[];
  cut: boolean;
};

const SYSTEM_HINTS: Record<TicketSystem, string> = {
  servicenow: 'Opens a new incident. Address: your instance, such as https://acme.service-now.com',
  zendesk:
    'Opens the Help Center’s request form. Address: your Help Center, such as https://acme.zendesk.com',
  jira: 'Opens one request type’s form in the customer portal. Address: that form’s address, such as https://acme.atlassian.net/servicedesk/customer/portal/2/create/17',
  freshdesk:
    'Opens the support portal’s new-ticket form. Address: your portal, such as https://acme.freshdesk.com',
  email: 'Opens a new e-mail in the person’s mail program. Fill in the e-mail address below.',
  template:
    'Your own system: an https: or mailto: address with placeholders. Fill in the address template below.',
};

const SYSTEM_LABELS: Record<TicketSystem, string> = {
  ...SYSTEM_NAMES,
  email: 'E-mail',
  template: 'Another system (an address template)',
};

export const TICKETS_FIELD_LABELS: Record<TicketsFormField, string> = {
  system: 'Helpdesk system',
  url: 'Helpdesk address',
  email: 'E-mail address',
  template: 'Address template',
  label: 'Button text (optional)',
};

function textField(
  name: Exclude<TicketsFormField, 'system'>,
  values: TicketsFormValues,
  errors: TicketsFormErrors,
  hint: Markup | string,
  extra: { spellcheck?: boolean; rows?: number } = {},
): Markup {
  const limit = TICKET_FIELD_LIMITS[name];
  const noSpelling =
    extra.spellcheck === false ? html` spellcheck="false" autocapitalize="off"` : null;
  return formField({
    name,
    label: TICKETS_FIELD_LABELS[name],
    hint,
    error: errors[name],
    control: (describedBy, invalid) =>
      extra.rows
        ? html`<textarea
            id="${name}"
            name="${name}"
            rows="${extra.rows}"
            maxlength="${limit}"
            aria-describedby="${describedBy}"
            ${noSpelling}${invalid}
          >
${values[name]}</textarea>`
        : html`<input
            id="${name}"
            name="${name}"
            type="text"
            maxlength="${limit}"
            value="${values[name]}"
            aria-describedby="${describedBy}"
            ${noSpelling}${invalid}
          />`,
  });
}

function systemFieldset(values: TicketsFormValues, errors: TicketsFormErrors): Markup {
  const error = errors.system;
  const option = (value: TicketSystem | '', label: string, hint: string) => {
    const id = value === '' ? 'system-none' : `system-${value}`;
    return html`<div class="choice">
      <input
        type="radio"
        id="${id}"
        name="system"
        value="${value}"
        aria-describedby="${id}-hint"
        ${values.system === value ? html`checked` : null}
      />
      <label for="${id}">${label}</label>
      <p id="${id}-hint" class="field-hint choice-hint">${hint}</p>
    </div>`;
  };
  return html`<fieldset
    class="field"
    id="system"
    ${error ? html`aria-describedby="system-error"` : null}
  >
    <legend>${TICKETS_FIELD_LABELS.system}</legend>
    ${error ? html`<p id="system-error" class="field-error"><span class="visually-hidden">Error: </span>${error}</p>` : null}
    ${option('', 'None: no “Open a ticket” button', 'People copy the ticket text by hand.')}
    ${TICKET_SYSTEMS.map((system) => option(system, SYSTEM_LABELS[system], SYSTEM_HINTS[system]))}
  </fieldset>`;
}

function exampleSection(example: TicketExample | null, values: TicketsFormValues): Markup {
  if (values.system === '') {
    return html`<p>
      No helpdesk is set: results offer Copy for ticket, and no “Open a ticket” button.
    </p>`;
  }
  if (!example) return html`<p>Correct the setting to see the address it opens.</p>`;
  return html`<p>
      For the walk that ends at <strong>${example.walk}</strong> (with ticket INC0012345), “Open a
      ticket” opens this address in a new tab:
    </p>
    <p class="ticket-example"><code>${example.href}</code></p>
    <p>Its parameters, decoded:</p>
    <dl class="ticket-example__parameters">
      ${example.parameters.map(
        (parameter) =>
          html`<dt><code>${parameter.name}</code></dt>
            <dd><pre>${parameter.value}</pre></dd>`,
      )}
    </dl>
    ${
      example.cut
        ? html`<p>
            The text is longer than the system takes in an address, so it is cut and ends with the
            link to the whole summary.
          </p>`
        : null
    }
    <p>
      <a href="${example.href}" target="_blank" rel="noopener noreferrer"
        >Open the example in a new tab</a
      >
      to check that your helpdesk fills in the subject and the description.
    </p>`;
}

/** The helpdesk page: the form, and what the saved (or shown) setting opens. */
export function renderTicketsPage(state: {
  base: string;
  account: PageAccount;
  values: TicketsFormValues;
  errors?: TicketsFormErrors;
  example: TicketExample | null;
  notice?: string | null;
}): string {
  const { base, account, values, example } = state;
  const errors = state.errors ?? {};
  const failed = (Object.keys(TICKETS_FIELD_LABELS) as TicketsFormField[]).flatMap((name) => {
    const error = errors[name];
    return error ? [{ name, error }] : [];
  });
  const content = html`<h1 tabindex="-1">Helpdesk</h1>
    <p>
      Where “Open a ticket” goes when a troubleshooter did not solve the problem: on an escalation,
      on a ruled-out result, and after “No, it did not solve it”. It opens the helpdesk’s new-ticket
      form with the subject and the ticket text filled in.
    </p>
    ${errorSummary(
      'There is a problem: nothing was saved',
      failed.map((entry) => ({ href: `#${entry.name}`, text: entry.error })),
    )}
    ${state.notice ? html`<div class="notice" role="status" tabindex="-1" autofocus><p>${state.notice}</p></div>` : null}
    <form method="post" action="${base}admin/tickets" class="page-form" novalidate>
      ${systemFieldset(values, errors)}
      ${textField(
        'url',
        values,
        errors,
        'For ServiceNow, Zendesk, Jira Service Management and Freshdesk: starting https://, at most 4,000 characters.',
        { spellcheck: false },
      )}
      ${textField(
        'email',
        values,
        errors,
        'For e-mail: the helpdesk’s address, such as helpdesk@example.com (at most 4,000 characters).',
        { spellcheck: false },
      )}
      ${textField(
        'template',
        values,
        errors,
        html`For another system: an address starting https:// or mailto: with placeholders, which
          are filled in and encoded: <code>{subject}</code>, <code>{description}</code>,
          <code>{link}</code>, <code>{troubleshooter}</code>, <code>{outcome}</code>,
          <code>{ticket}</code>. It must use <code>{subject}</code> or <code>{description}</code>.
          At most 4,000 characters.`,
        { spellcheck: false, rows: 3 },
      )}
      ${textField(
        'label',
        values,
        errors,
        'Up to 80 characters, such as “Open an incident”. Empty: “Open a ticket in ServiceNow” (the system’s name).',
      )}
      <div class="button-row">
        <button type="submit" class="page-button" name="action" value="save">Save</button>
        <button
          type="submit"
          class="page-button page-button--secondary"
          name="action"
          value="preview"
        >
          Show the example without saving
        </button>
      </div>
    </form>
    <section aria-labelledby="example-heading">
      <h2 id="example-heading">What “Open a ticket” opens</h2>
      ${exampleSection(failed.length > 0 ? null : example, values)}
    </section>`;
  return renderPage({ base, title: 'Helpdesk', account, content, hasErrors: failed.length > 0 });
}
