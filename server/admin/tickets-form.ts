// The helpdesk page's form (server/pages/tickets-page.ts): read what was posted, check it by
// the engine's rules (src/engine/ticket-links.ts, the same ones config.json and the JSON API
// use), each problem said beside its field; and the example address the page shows.
import { replayTrail } from '../../src/engine/replay-trail';
import {
  buildTicketLink,
  readTicketSettings,
  TICKET_SYSTEMS,
  type TicketFields,
  type TicketSettings,
  type TicketSystem,
} from '../../src/engine/ticket-links';
import type { Tree } from '../../src/engine/tree-schema';
import { firstTrails } from '../../src/engine/tree-walks';
import type { TicketExample, TicketsFormErrors, TicketsFormValues } from '../pages/tickets-page';

const LABEL_LIMIT = 80;

/** The most each text field takes (the route's schema and the page's `maxlength`). */
export const TICKET_FIELD_LIMITS = {
  url: 4000,
  email: 4000,
  template: 4000,
  label: LABEL_LIMIT,
} as const;

/** The posted form, as strings; anything missing is empty, an unknown system is kept for its error. */
export function ticketsFormFromBody(body: Record<string, string | undefined>): TicketsFormValues {
  const system = (body.system ?? '').trim();
  return {
    system: (TICKET_SYSTEMS as readonly string[]).includes(system) ? (system as TicketSystem) : '',
    url: body.url ?? '',
    email: body.email ?? '',
    template: body.template ?? '',
    label: body.label ?? '',
  };
}

/** The stored setting as the form shows it. */
export function ticketsToForm(settings: TicketSettings | undefined | null): TicketsFormValues {
  return {
    system: settings?.system ?? '',
    url: settings && 'url' in settings ? settings.url : '',
    email: settings && 'email' in settings ? settings.email : '',
    template: settings && 'template' in settings ? settings.template : '',
    label: settings?.label ?? '',
  };
}

/**
 * The setting the form describes (null: no helpdesk), or each problem beside its field. The
 * engine decides what is allowed; the page says it in its own words.
 */
export function readTicketsForm(
  values: TicketsFormValues,
  postedSystem: string,
): { settings: TicketSettings | null } | { errors: TicketsFormErrors } {
  const errors: TicketsFormErrors = {};
  if (values.system === '' && postedSystem.trim() !== '') {
    errors.system = 'Choose one of the systems listed.';
  }
  if (values.label.trim().length > LABEL_LIMIT) {
    errors.label = `The button text is ${values.label.trim().length} characters long: keep it to ${LABEL_LIMIT}.`;
  }
  if (values.system === '') return Object.keys(errors).length > 0 ? { errors } : { settings: null };
  const raw: Record<string, string> = { system: values.system };
  if (values.label.trim() !== '') raw.label = values.label.trim();
  if (values.system === 'email') raw.email = values.email.trim();
  else if (values.system === 'template') raw.template = values.template.trim();
  else raw.url = values.url.trim();
  const read = readTicketSettings(raw);
  if ('problem' in read) {
    if (values.system === 'email') {
      errors.email = values.email.trim()
        ? 'Enter an e-mail address such as helpdesk@example.com, with nothing after it (no ?, & or other parameters).'
        : 'Enter the helpdesk’s e-mail address, such as helpdesk@example.com.';
    } else if (values.system === 'template') {
      errors.template = /\{(subject|description)\}/.test(values.template)
        ? 'The template must be an address starting https:// or mailto:, without a user name or password.'
        : values.template.trim()
          ? 'The template must use {subject} or {description}, so that the ticket gets the text.'
          : 'Enter the address template, such as https://helpdesk.example/new?title={subject}&body={description}.';
    } else {
      errors.url = values.url.trim()
        ? 'Only an address starting https:// is allowed (no http:, javascript: or others, no user name or password).'
        : 'Enter the helpdesk’s address, starting https://.';
    }
  }
  if (Object.keys(errors).length > 0 || 'problem' in read) return { errors };
  return { settings: read.settings };
}

/** The walk the example follows: Q164887's escalation if it is published, or the first escalation found. */
function exampleWalk(tree: Tree): readonly string[] | undefined {
  const trails = firstTrails(tree);
  const escalation = tree.nodes.find(
    (node) => node.kind === 'outcome' && node.type === 'escalate' && trails.has(node.id),
  );
  const outcome = tree.nodes.find((node) => node.kind === 'outcome' && trails.has(node.id));
  const target = escalation ?? outcome;
  return target ? trails.get(target.id) : undefined;
}

/**
 * The ticket fields of an example walk on `tree` (an escalation, with ticket INC0012345), as
 * the wizard fills them in: the subject, a ticket text like the one Copy for ticket gives, the
 * step's link.
 */
export function exampleTicketFields(tree: Tree, siteUrl: string): TicketFields | undefined {
  const trail = exampleWalk(tree);
  if (!trail) return undefined;
  const replay = replayTrail(tree, trail);
  if (replay.node.kind !== 'outcome') return undefined;
  const caption = replay.node.type === 'escalate' ? 'Escalate' : 'Result';
  const link = `${siteUrl}${[tree.id, ...trail].join('/')}?v=${tree.version}&ticket=INC0012345`;
  const description = [
    tree.title,
    `Troubleshooter summary, ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'long', timeZone: 'UTC' }).format(new Date())}`,
    'Ticket: INC0012345',
    '',
    'Answers',
    ...replay.steps.map(
      (step, index) => `${index + 1}. ${step.question.prompt}\n   ${step.answer.label}`,
    ),
    '',
    `Result: ${caption}`,
    replay.node.title,
    '',
    'Link to this result',
    link,
  ].join('\n');
  return {
    subject: `${tree.title}: ${caption}`,
    description,
    link,
    troubleshooter: tree.title,
    outcome: replay.node.title,
    ticket: 'INC0012345',
  };
}

/** The address a setting opens for the example walk, with its parameters decoded. */
export function ticketExample(
  settings: TicketSettings,
  tree: Tree | undefined,
  siteUrl: string,
): TicketExample | null {
  const fields = tree ? exampleTicketFields(tree, siteUrl) : undefined;
  if (!fields) return null;
  const link = buildTicketLink(settings, fields);
  if (!link) return null;
  const url = new URL(link.href);
  return {
    walk: `${fields.troubleshooter}: ${fields.outcome}`,
    href: link.href,
    parameters: [...url.searchParams].map(([name, value]) => ({ name, value })),
    cut: link.cut,
  };
}
