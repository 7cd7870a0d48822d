/**
 * "Open a ticket": the address of a helpdesk's new-ticket form with the subject and the
 * ticket text filled in, built with each system's documented prefill parameters
 * (docs/tickets.md cites them). Pure: the app, the server's settings check and the tests
 * share it.
 */

export const TICKET_SYSTEMS = [
  'servicenow',
  'zendesk',
  'jira',
  'freshdesk',
  'email',
  'template',
] as const;
export type TicketSystem = (typeof TICKET_SYSTEMS)[number];

/** The setting (config.json `tickets`, or the server's settings), checked by readTicketSettings. */
export type TicketSettings =
  | { system: Exclude<TicketSystem, 'email' | 'template'>; url: string; label?: string }
  | { system: 'email'; email: string; label?: string }
  | { system: 'template'; template: string; label?: string };

/** What goes into a ticket: the placeholders of a template, by name. */
export type TicketFields = {
  subject: string;
  description: string;
  link: string;
  troubleshooter: string;
  outcome: string;
  ticket: string;
};

export const TEMPLATE_PLACEHOLDERS = [
  'subject',
  'description',
  'link',
  'troubleshooter',
  'outcome',
  'ticket',
] as const satisfies readonly (keyof TicketFields)[];

export const SYSTEM_NAMES: Record<TicketSystem, string> = {
  servicenow: 'ServiceNow',
  zendesk: 'Zendesk',
  jira: 'Jira Service Management',
  freshdesk: 'Freshdesk',
  email: 'e-mail',
  template: 'the helpdesk',
};

/**
 * The longest subject and description each system's form takes, and the longest address
 * we build: field limits from the systems' documentation (docs/tickets.md), an address
 * kept under 8,000 characters (what proxies and the systems' web servers accept), under
 * 2,000 for mailto: (what Windows hands a mail program), and at most 2,048 for Zendesk,
 * whose Help Center form ignores every `tf_` parameter of a longer address.
 */
export const TICKET_LIMITS: Record<TicketSystem, { subject: number; url: number }> = {
  servicenow: { subject: 160, url: 8000 },
  zendesk: { subject: 150, url: 2048 },
  jira: { subject: 255, url: 8000 },
  freshdesk: { subject: 255, url: 8000 },
  email: { subject: 150, url: 2000 },
  template: { subject: 255, url: 8000 },
};

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])$/;

/**
 * Only https: (http: on this machine's own loopback address, which browsers treat as
 * secure, for trying a stand-in form) and mailto:. Anything else is refused.
 */
export function isAllowedTicketUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return url.hostname !== '';
  if (url.protocol === 'http:') return LOOPBACK.test(url.hostname);
  return false;
}

const EMAIL = /^[^\s@<>?&,;:/"]+@[^\s@<>?&,;:/"]+\.[^\s@<>?&,;:/"]+$/;

/** Reads a `tickets` setting; anything not exactly right is a reason, not a guess. */
export function readTicketSettings(
  value: unknown,
): { settings: TicketSettings } | { problem: string } {
  if (typeof value !== 'object' || value === null) {
    return { problem: 'tickets must be an object with a "system".' };
  }
  const raw = value as Record<string, unknown>;
  const system = raw.system;
  if (!(TICKET_SYSTEMS as readonly unknown[]).includes(system)) {
    return { problem: `tickets.system must be one of ${TICKET_SYSTEMS.join(', ')}.` };
  }
  const label =
    typeof raw.label === 'string' && raw.label.trim() !== '' && raw.label.length <= 80
      ? { label: raw.label.trim() }
      : {};
  if (system === 'email') {
    const email = typeof raw.email === 'string' ? raw.email.trim() : '';
    return EMAIL.test(email)
      ? { settings: { system, email, ...label } }
      : { problem: 'tickets.email must be an e-mail address such as helpdesk@example.com.' };
  }
  if (system === 'template') {
    const template = typeof raw.template === 'string' ? raw.template.trim() : '';
    const sample = fillTemplate(template, emptyFields());
    if (!isAllowedTicketUrl(sample) && !sample.startsWith('mailto:')) {
      return { problem: 'tickets.template must be an https: or mailto: address.' };
    }
    if (!/\{(subject|description)\}/.test(template)) {
      return { problem: 'tickets.template must use {subject} or {description}.' };
    }
    return { settings: { system, template, ...label } };
  }
  const url = typeof raw.url === 'string' ? raw.url.trim() : '';
  if (!isAllowedTicketUrl(url)) {
    return {
      problem: `tickets.url must be an https: address (the ${SYSTEM_NAMES[system as TicketSystem]} site).`,
    };
  }
  return {
    settings: { system: system as 'servicenow' | 'zendesk' | 'jira' | 'freshdesk', url, ...label },
  };
}

function emptyFields(): TicketFields {
  return { subject: '', description: '', link: '', troubleshooter: '', outcome: '', ticket: '' };
}

function fillTemplate(template: string, fields: TicketFields): string {
  return template.replace(
    /\{(subject|description|link|troubleshooter|outcome|ticket)\}/g,
    (_, name) => encodeURIComponent(fields[name as keyof TicketFields]),
  );
}

/** `base` with `path` added, without doubling or losing a slash. */
function under(base: string, path: string): URL {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${path}`;
  return url;
}

/** The address for these fields, uncut. */
function addressFor(settings: TicketSettings, fields: TicketFields): string {
  const { subject, description } = fields;
  switch (settings.system) {
    case 'servicenow': {
      // A new record is sys_id=-1; sysparm_query sets its fields, terms joined by ^ (a ^ in
      // a value is written ^^, as ServiceNow's encoded queries escape it).
      const url = under(settings.url, 'incident.do');
      const value = (text: string) => text.replace(/\^/g, '^^');
      url.search = `sys_id=-1&sysparm_query=${encodeURIComponent(
        `short_description=${value(subject)}^description=${value(description)}`,
      )}`;
      return url.href;
    }
    case 'zendesk': {
      const url = under(settings.url, 'hc/requests/new');
      url.search = `tf_subject=${encodeURIComponent(subject)}&tf_description=${encodeURIComponent(description)}`;
      return url.href;
    }
    case 'jira': {
      // The portal's create-request form for one request type: the setting is its address.
      const url = new URL(settings.url);
      url.search = `summary=${encodeURIComponent(subject)}&description=${encodeURIComponent(description)}`;
      return url.href;
    }
    case 'freshdesk': {
      const url = under(settings.url, 'support/tickets/new');
      url.search = `${encodeURIComponent('helpdesk_ticket[subject]')}=${encodeURIComponent(subject)}&${encodeURIComponent('helpdesk_ticket[description]')}=${encodeURIComponent(description)}`;
      return url.href;
    }
    case 'email':
      // RFC 6068: line breaks in a body are CRLF, percent-encoded.
      return `mailto:${settings.email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(
        description.replace(/\r?\n/g, '\r\n'),
      )}`;
    case 'template':
      return fillTemplate(settings.template, fields);
  }
}

export type TicketLink = {
  href: string;
  /** The description was cut to fit the system's limit (and says so at its end). */
  cut: boolean;
};

const cutNote = (system: TicketSystem, link: string) =>
  `\n\n[Cut to fit ${SYSTEM_NAMES[system]}: the whole summary is at ${link}]`;

/**
 * The new-ticket address, its subject cut to the system's field limit and its description
 * cut until the whole address fits, ending with a note saying so and where the rest is.
 * Undefined when the settings' address is not allowed.
 */
export function buildTicketLink(
  settings: TicketSettings,
  fields: TicketFields,
): TicketLink | undefined {
  const limits = TICKET_LIMITS[settings.system];
  const subject =
    fields.subject.length > limits.subject
      ? `${fields.subject.slice(0, limits.subject - 1)}…`
      : fields.subject;
  const full = addressFor(settings, { ...fields, subject });
  const check = (href: string) =>
    href.startsWith('mailto:') || isAllowedTicketUrl(href) ? href : undefined;
  if (full.length <= limits.url) {
    const href = check(full);
    return href ? { href, cut: false } : undefined;
  }
  // Binary search for the longest description that fits with the note.
  const note = cutNote(settings.system, fields.link);
  let low = 0;
  let high = fields.description.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const candidate = addressFor(settings, {
      ...fields,
      subject,
      description: fields.description.slice(0, middle) + note,
    });
    if (candidate.length <= limits.url) low = middle;
    else high = middle - 1;
  }
  const href = check(
    addressFor(settings, {
      ...fields,
      subject,
      description: fields.description.slice(0, low) + note,
    }),
  );
  return href ? { href, cut: true } : undefined;
}
