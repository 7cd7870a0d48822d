// The webhooks as pages (issue 26, docs/tickets.md): the endpoints with Add and Remove, and
// each endpoint's delivery log with Resend. Plain forms, no script, like the settings page;
// removing asks first on a page of its own.
import type { WebhookEvent } from '../db/schema';
import type { DeliveryLogEntry } from '../webhooks/deliveries';
import { errorSummary, field as formField, fieldError } from './form-parts';
import { html, type Markup } from './html';
import { renderPage, type PageAccount } from './page-layout';

export type WebhookRow = { id: number; url: string; events: string[]; createdAt: Date };

export const WEBHOOK_EVENT_TEXT: Record<WebhookEvent, { label: string; hint: string }> = {
  outcome: { label: 'outcome', hint: 'A walk reached a result.' },
  'not-solved': { label: 'not-solved', hint: 'Someone answered “No, it did not solve it”.' },
  'step-report': { label: 'step-report', hint: 'Someone reported a problem with a step.' },
};

const STATUS_TEXT: Record<string, string> = {
  delivered: 'Delivered',
  failed: 'Failed',
  pending: 'Pending',
};

export type AddWebhookForm = { url: string; events: string[] };
export type AddWebhookErrors = { url?: string; events?: string };

const when = (at: Date | string) => {
  const date = typeof at === 'string' ? new Date(at) : at;
  return html`<time datetime="${date.toISOString()}"
    >${date.toISOString().slice(0, 19).replace('T', ' ')} UTC</time
  >`;
};

function addForm(base: string, form: AddWebhookForm, errors: AddWebhookErrors): Markup {
  return html`<form method="post" action="${base}admin/webhooks" class="page-form" novalidate>
    ${formField({
      name: 'url',
      label: 'Receiver’s address',
      hint: 'Starting https:// (http:// only on this machine, for a receiver under test), at most 2,048 characters. Each event is POSTed there as JSON, signed.',
      error: errors.url,
      control: (describedBy, invalid) =>
        html`<input
          id="url"
          name="url"
          type="text"
          inputmode="url"
          maxlength="2048"
          spellcheck="false"
          autocapitalize="off"
          value="${form.url}"
          aria-describedby="${describedBy}"
          ${invalid}
        />`,
    })}
    <fieldset
      class="field"
      id="events"
      ${errors.events ? html`aria-describedby="events-error"` : null}
    >
      <legend>Events to send</legend>
      ${fieldError('events', errors.events)}
      ${(Object.keys(WEBHOOK_EVENT_TEXT) as WebhookEvent[]).map(
        (event) =>
          html`<div class="choice">
            <input
              type="checkbox"
              id="event-${event}"
              name="events"
              value="${event}"
              aria-describedby="event-${event}-hint"
              ${form.events.includes(event) ? html`checked` : null}
            />
            <label for="event-${event}"><code>${WEBHOOK_EVENT_TEXT[event].label}</code></label>
            <p id="event-${event}-hint" class="field-hint choice-hint">
              ${WEBHOOK_EVENT_TEXT[event].hint}
            </p>
          </div>`,
      )}
    </fieldset>
    <button type="submit" class="page-button">Add webhook</button>
  </form>`;
}

/** The list of endpoints and the form that adds one; after adding, its secret, once. */
export function renderWebhooksPage(state: {
  base: string;
  account: PageAccount;
  endpoints: WebhookRow[];
  form?: AddWebhookForm;
  errors?: AddWebhookErrors;
  created?: { id: number; url: string; secret: string } | null;
  notice?: string | null;
}): string {
  const { base, account, endpoints, created } = state;
  const errors = state.errors ?? {};
  const problems = [
    ...(errors.url ? [{ href: '#url', text: errors.url }] : []),
    ...(errors.events ? [{ href: '#event-outcome', text: errors.events }] : []),
  ];
  const content = html`<h1 tabindex="-1">Webhooks</h1>
    <p>
      Another system (a helpdesk, a chat channel) can hear when a walk ends, when a troubleshooter
      did not solve the problem, and when a step is reported. Each delivery is signed with the
      endpoint’s secret, tried again for about 43 minutes until it is accepted, and logged here.
    </p>
    ${errorSummary('There is a problem: the webhook was not added', problems)}
    ${state.notice ? html`<div class="notice" role="status" tabindex="-1" autofocus><p>${state.notice}</p></div>` : null}
    ${
      created
        ? html`<div
            class="notice"
            role="status"
            tabindex="-1"
            autofocus
            aria-labelledby="secret-title"
          >
            <h2 id="secret-title">Webhook added: copy its secret now</h2>
            <p>
              The receiver at <code>${created.url}</code> checks each delivery’s signature with this
              secret. It is shown only this once: if it is lost, remove the webhook and add it
              again.
            </p>
            <p class="secret"><code id="webhook-secret">${created.secret}</code></p>
            <p><a href="${base}admin/webhooks/${created.id}">Its delivery log</a></p>
          </div>`
        : null
    }
    <h2>Endpoints</h2>
    ${
      endpoints.length === 0
        ? html`<p>No webhooks yet.</p>`
        : html`<ul class="webhook-list">
            ${endpoints.map(
              (endpoint) =>
                html`<li>
                  <code>${endpoint.url}</code>
                  <span class="review-list__meta"
                    >Events: ${endpoint.events.join(', ')} · added ${when(endpoint.createdAt)}</span
                  >
                  <span class="webhook-list__actions">
                    <a href="${base}admin/webhooks/${endpoint.id}"
                      >Delivery log<span class="visually-hidden"> of ${endpoint.url}</span></a
                    >
                    <a href="${base}admin/webhooks/${endpoint.id}/remove"
                      >Remove<span class="visually-hidden"> ${endpoint.url}</span></a
                    >
                  </span>
                </li>`,
            )}
          </ul>`
    }
    <h2>Add a webhook</h2>
    ${addForm(base, state.form ?? { url: '', events: [] }, errors)}
    <p>
      How a receiver checks the signature, and what each event carries: docs/tickets.md in the
      Troubleshooter’s documentation (Webhooks).
    </p>`;
  return renderPage({ base, title: 'Webhooks', account, content, hasErrors: problems.length > 0 });
}

function attemptsText(entry: DeliveryLogEntry): Markup {
  if (entry.attempts.length === 0) return html`None yet`;
  return html`<ol class="attempt-list">
    ${entry.attempts.map(
      (attempt) =>
        html`<li>
          ${when(attempt.at)}:
          ${attempt.httpStatus !== null ? `HTTP ${attempt.httpStatus}` : (attempt.error ?? 'no answer')}
        </li>`,
    )}
  </ol>`;
}

/** One endpoint's deliveries, newest first, each with its attempts and Resend. */
export function renderDeliveryLog(state: {
  base: string;
  account: PageAccount;
  endpoint: WebhookRow;
  deliveries: DeliveryLogEntry[];
  olderHref: string | null;
  newestHref: string | null;
  notice?: string | null;
}): string {
  const { base, account, endpoint, deliveries } = state;
  const content = html`<h1 tabindex="-1">Delivery log</h1>
    <p>
      Webhook <code>${endpoint.url}</code>, events ${endpoint.events.join(', ')}, added
      ${when(endpoint.createdAt)}.
    </p>
    ${state.notice ? html`<div class="notice" role="status" tabindex="-1" autofocus><p>${state.notice}</p></div>` : null}
    ${
      deliveries.length === 0
        ? html`<p>Nothing has been sent to it yet.</p>`
        : html`<div
            class="audit-table-wrap delivery-table-wrap"
            role="region"
            aria-labelledby="log-caption"
            tabindex="0"
          >
            <table class="audit-table delivery-table">
              <caption id="log-caption" class="visually-hidden">
                Deliveries, newest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Event</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Status</th>
                  <th scope="col">Send again</th>
                </tr>
              </thead>
              <tbody>
                ${deliveries.map(
                  (entry) =>
                    html`<tr>
                      <th scope="row">${when(entry.createdAt)}</th>
                      <td><code>${entry.event}</code></td>
                      <td>${attemptsText(entry)}</td>
                      <td>${STATUS_TEXT[entry.status] ?? entry.status}</td>
                      <td>
                        <form
                          method="post"
                          action="${base}admin/webhooks/${endpoint.id}/deliveries/${entry.id}/resend"
                        >
                          <button type="submit" class="page-button page-button--secondary">
                            Resend<span class="visually-hidden">
                              the ${entry.event} delivery of
                              ${entry.createdAt.slice(0, 19).replace('T', ' ')} UTC</span
                            >
                          </button>
                        </form>
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
    ${
      state.olderHref || state.newestHref
        ? html`<nav class="pager" aria-label="More deliveries">
            ${state.newestHref ? html`<a href="${state.newestHref}">Newest deliveries</a>` : null}
            ${state.olderHref ? html`<a href="${state.olderHref}">Older deliveries</a>` : null}
          </nav>`
        : null
    }
    <p>
      A delivery cut short by a restart stays Pending: send it again. Resend sends the same body,
      signed afresh.
    </p>
    <p><a href="${base}admin/webhooks">All webhooks</a></p>`;
  return renderPage({ base, title: 'Delivery log', account, content, wide: true });
}

/** "Remove this webhook?", with the consequences, before anything is removed. */
export function renderRemoveWebhook(state: {
  base: string;
  account: PageAccount;
  endpoint: WebhookRow;
}): string {
  const { base, account, endpoint } = state;
  const content = html`<h1 tabindex="-1">Remove this webhook?</h1>
    <p>
      <code>${endpoint.url}</code> (events ${endpoint.events.join(', ')}) is sent nothing more, and
      its delivery log is deleted with it. Adding it again gives it a new secret.
    </p>
    <form method="post" action="${base}admin/webhooks/${endpoint.id}/remove" class="page-form">
      <div class="button-row">
        <button type="submit" class="page-button">Remove webhook</button>
        <a href="${base}admin/webhooks">Cancel: keep it</a>
      </div>
    </form>`;
  return renderPage({ base, title: 'Remove this webhook?', account, content });
}
