import { expect, test } from 'vitest';
import shipped from '../../public/trees/q164887.json';
import { replayTrail } from './replay-trail';
import { validateTree } from './validate-tree';
import {
  buildTicketLink,
  isAllowedTicketUrl,
  readTicketSettings,
  TICKET_LIMITS,
  type TicketFields,
  type TicketSettings,
} from './ticket-links';

const result = validateTree(shipped);
if (!result.ok) throw new Error('shipped tree is invalid');
const tree = result.value;

// The Q164887 escalation: every symptom matches, the service pack is already installed.
const replay = replayTrail(tree, [
  'sms-1-2',
  'os-upgrade',
  'repeats',
  'failed',
  'service',
  'service-pack-installed',
]);
if (replay.node.kind !== 'outcome' || replay.node.type !== 'escalate') {
  throw new Error('the walk does not end at the escalation');
}
const link =
  'https://intranet.example/q164887/sms-1-2/os-upgrade/repeats/failed/service/service-pack-installed?v=1&ticket=INC0012345';
const fields: TicketFields = {
  subject: `${tree.title}: Escalate`,
  description: [
    tree.title,
    'Ticket: INC0012345',
    '',
    'Result: Escalate',
    replay.node.title,
    `Cause ^ & = ? # % + "quotes"`,
    '',
    'Link',
    link,
  ].join('\n'),
  link,
  troubleshooter: tree.title,
  outcome: replay.node.title,
  ticket: 'INC0012345',
};

function settings(value: unknown): TicketSettings {
  const read = readTicketSettings(value);
  if ('problem' in read) throw new Error(read.problem);
  return read.settings;
}

function open(value: unknown, input: TicketFields = fields) {
  const built = buildTicketLink(settings(value), input);
  if (!built) throw new Error('no link');
  return { ...built, url: new URL(built.href) };
}

test('ServiceNow: a new incident (sys_id=-1) with short_description and description in sysparm_query', () => {
  const { url, cut } = open({ system: 'servicenow', url: 'https://acme.service-now.com/' });
  expect(cut).toBe(false);
  expect(url.origin).toBe('https://acme.service-now.com');
  expect(url.pathname).toBe('/incident.do');
  expect(url.searchParams.get('sys_id')).toBe('-1');
  // Encoded query: field=value terms joined by ^, a ^ in a value doubled.
  const query = url.searchParams.get('sysparm_query') ?? '';
  const terms = query.split(/(?<!\^)\^(?!\^)/);
  expect(terms).toHaveLength(2);
  expect(terms[0]).toBe(`short_description=${fields.subject}`);
  expect(terms[1]?.replace(/\^\^/g, '^')).toBe(`description=${fields.description}`);
  expect([...url.searchParams.keys()]).toEqual(['sys_id', 'sysparm_query']);
});

test('Zendesk: the Help Center request form with tf_subject and tf_description, in 2,048 characters', () => {
  const { url, cut } = open({ system: 'zendesk', url: 'https://acme.zendesk.com' });
  expect(url.href.startsWith('https://acme.zendesk.com/hc/requests/new?')).toBe(true);
  expect(url.searchParams.get('tf_subject')).toBe(fields.subject);
  expect([...url.searchParams.keys()]).toEqual(['tf_subject', 'tf_description']);
  // The Help Center's form reads no tf_ parameter from a longer address (docs/tickets.md);
  // a longer text is cut to fit, saying so (the next test but one).
  expect(url.href.length).toBeLessThanOrEqual(2048);
  expect(cut).toBe(false);
  expect(url.searchParams.get('tf_description')).toBe(fields.description);
});

test("Jira Service Management: the portal's create-request form with summary and description", () => {
  const portal = 'https://acme.atlassian.net/servicedesk/customer/portal/2/create/17';
  const { url } = open({ system: 'jira', url: portal });
  expect(`${url.origin}${url.pathname}`).toBe(portal);
  expect(url.searchParams.get('summary')).toBe(fields.subject);
  expect(url.searchParams.get('description')).toBe(fields.description);
  expect([...url.searchParams.keys()]).toEqual(['summary', 'description']);
});

test('Freshdesk: the support portal form with helpdesk_ticket[subject] and [description]', () => {
  const { url } = open({ system: 'freshdesk', url: 'https://acme.freshdesk.com' });
  expect(url.href.startsWith('https://acme.freshdesk.com/support/tickets/new?')).toBe(true);
  expect(url.searchParams.get('helpdesk_ticket[subject]')).toBe(fields.subject);
  expect(url.searchParams.get('helpdesk_ticket[description]')).toBe(fields.description);
  expect([...url.searchParams.keys()]).toEqual([
    'helpdesk_ticket[subject]',
    'helpdesk_ticket[description]',
  ]);
});

test('e-mail: mailto with subject and body only, line breaks as CRLF (RFC 6068)', () => {
  const { href, url } = open({ system: 'email', email: 'service-desk@acme.example' });
  expect(url.protocol).toBe('mailto:');
  expect(url.pathname).toBe('service-desk@acme.example');
  expect(href).toMatch(/^mailto:service-desk@acme\.example\?subject=[^&]*&body=[^&]*$/);
  expect(href).not.toMatch(/[ \n]/);
  expect(url.searchParams.get('subject')).toBe(fields.subject);
  expect(url.searchParams.get('body')).toBe(fields.description.replace(/\n/g, '\r\n'));
});

test('a template fills every placeholder, encoded', () => {
  const { url } = open({
    system: 'template',
    template:
      'https://helpdesk.acme.example/new?title={subject}&body={description}&ref={link}&tree={troubleshooter}&result={outcome}&parent={ticket}',
  });
  expect(url.searchParams.get('title')).toBe(fields.subject);
  expect(url.searchParams.get('body')).toBe(fields.description);
  expect(url.searchParams.get('ref')).toBe(link);
  expect(url.searchParams.get('tree')).toBe(tree.title);
  expect(url.searchParams.get('result')).toBe(fields.outcome);
  expect(url.searchParams.get('parent')).toBe('INC0012345');
});

test('long texts are cut at the system limit, saying so and keeping the link', () => {
  const long = { ...fields, subject: 'S'.repeat(400), description: 'line of text\n'.repeat(2000) };
  for (const system of ['servicenow', 'zendesk', 'jira', 'freshdesk'] as const) {
    const { href, cut, url } = open({ system, url: 'https://acme.example/x' }, long);
    expect(cut).toBe(true);
    expect(href.length).toBeLessThanOrEqual(TICKET_LIMITS[system].url);
    expect(href.length).toBeGreaterThan(TICKET_LIMITS[system].url - 100);
    const text = decodeURIComponent(href);
    expect(text).toContain(`the whole summary is at ${link}]`);
    expect(url.href).toBe(href);
  }
  const mail = open({ system: 'email', email: 'desk@acme.example' }, long);
  expect(mail.cut).toBe(true);
  expect(mail.href.length).toBeLessThanOrEqual(2000);
  expect(mail.url.searchParams.get('subject')).toHaveLength(TICKET_LIMITS.email.subject);
  expect(mail.url.searchParams.get('subject')?.endsWith('…')).toBe(true);
});

test('only https: and mailto: addresses (http: only on this machine, to try a stand-in)', () => {
  expect(isAllowedTicketUrl('https://acme.service-now.com')).toBe(true);
  expect(isAllowedTicketUrl('http://acme.service-now.com')).toBe(false);
  expect(isAllowedTicketUrl('http://127.0.0.1:5501/helpdesk.html')).toBe(true);
  expect(isAllowedTicketUrl('javascript:alert(1)')).toBe(false);
  expect(isAllowedTicketUrl('data:text/html,hi')).toBe(false);
  expect(isAllowedTicketUrl('https://user:pass@acme.example')).toBe(false);
  for (const bad of [
    { system: 'servicenow', url: 'http://acme.service-now.com' },
    { system: 'zendesk', url: 'javascript:alert(1)//' },
    { system: 'email', email: 'desk@acme.example?bcc=spy@evil.example' },
    { system: 'template', template: 'javascript:alert({subject})' },
    { system: 'template', template: 'https://acme.example/new' },
    { system: 'jira' },
    { system: 'remedy', url: 'https://acme.example' },
    'servicenow',
  ]) {
    expect(readTicketSettings(bad)).toHaveProperty('problem');
  }
});
