import { expect, test } from 'vitest';
import shipped from '../../../public/trees/q164887.json';
import { replayTrail } from '../../engine/replay-trail';
import { validateTree } from '../../engine/validate-tree';
import { buildTicketSummary, ticketSubject } from './ticket-summary';
import type { Tree } from '../../engine/tree-schema';

const result = validateTree(shipped);
if (!result.ok) throw new Error('shipped tree is invalid');
const tree = result.value;
const now = new Date(Date.UTC(2026, 10, 23, 14, 5));
const timeZone = 'UTC';
const url =
  'https://intranet.example/q164887/sms-1-2/os-upgrade/repeats/failed/pcm-unsure/no-service-pack';

test('the diagnosis summary lists every question and answer, the article, the cause, the fix and the link', () => {
  const replay = replayTrail(tree, [
    'sms-1-2',
    'os-upgrade',
    'repeats',
    'failed',
    'pcm-unsure',
    'no-service-pack',
  ]);
  const text = buildTicketSummary({ tree, replay, url, now, format: 'text', timeZone });
  expect(text).toBe(`Windows NT upgrade job runs again at every restart (SMS 1.2)
Troubleshooter summary, 23 Nov 2026, 14:05:00 UTC

Answers
1. Is the client managed by Systems Management Server 1.2?
   Yes, SMS 1.2
2. Is the job a Windows NT upgrade that restarts the client?
   Yes, an NT upgrade that restarts the client
3. Does the same job start again each time the client starts?
   Yes, it starts again at every restart
4. Is the job recorded as failed rather than completed?
   Yes, it is recorded as failed
5. Does Package Command Manager run on the client as a Windows NT service?
   Not sure (NOT CONFIRMED)
   How to confirm: On the client, check whether the program Pcmsvc32.exe is running, or whether a Package Command Manager service is started, with whatever tool you normally use to see a Windows NT computer's programs and services. If no Pcmsvc32.exe process and no Package Command Manager service is running on the client, answer No.
6. Is the latest SMS 1.2 service pack installed yet?
   No, not yet

Result: Diagnosis (assumes unconfirmed checks)
This is the known SMS 1.2 problem in article Q164887
This result assumes the check marked NOT CONFIRMED holds: confirm it before acting on it.
Article: Q164887, SMS: Upgrading Windows NT with PCM Service May Constantly Repeat
Cause: Started by the PCM service, Ntencap.exe never receives the shut-down message it waits for, so it marks the mandatory job failed and the service runs it again at its next start.

How to fix it
1. Get the latest SMS 1.2 U.S. service pack: search the Microsoft Knowledge Base for the word SERVPACK to find out how to obtain it.
2. Install the service pack, following the instructions that come with it, and record the change on the ticket.

Link
${url}
`);
});

test('the Markdown summary marks up the same content', () => {
  const replay = replayTrail(tree, ['other-version']);
  const markdown = buildTicketSummary({ tree, replay, url, now, format: 'markdown' });
  expect(markdown).toContain('### Windows NT upgrade job runs again at every restart (SMS 1.2)');
  expect(markdown).toContain(
    '1. Is the client managed by Systems Management Server 1.2? **No, another version or another product**',
  );
  expect(markdown).toContain('**Result: Not this problem**');
  // A ticket has no Change link: the page's "what to look at next" stays behind the link.
  expect(markdown).not.toContain('change your first answer');
  expect(markdown).not.toContain('Article:');
  expect(markdown).toContain(`<${url}>`);
});

test('progress on a question says where the walk stands', () => {
  const text = buildTicketSummary({
    tree,
    replay: replayTrail(tree, ['sms-1-2']),
    url,
    now,
    format: 'text',
  });
  expect(text).toContain(
    'Now at\nQuestion 2: Is the job a Windows NT upgrade that restarts the client?',
  );
  expect(text).not.toContain('Result:');
});

test('"Did this solve it?" and its answer go into the ticket once given', () => {
  const replay = replayTrail(tree, [
    'sms-1-2',
    'os-upgrade',
    'repeats',
    'failed',
    'service',
    'no-service-pack',
  ]);
  const ticket = buildTicketSummary({ tree, replay, url, now, format: 'text' });
  const no = buildTicketSummary({ tree, replay, url, now, format: 'text', solved: false });
  const yes = buildTicketSummary({ tree, replay, url, now, format: 'text', solved: true });
  expect(ticket).toContain('Result: Diagnosis\n');
  expect(ticket).not.toContain('Did this solve it?');
  expect(no).toContain(
    'Did this solve it?\nNo: the fix was tried and did not solve the problem, so it is escalated.\n\nLink',
  );
  expect(yes).toContain('Did this solve it?\nYes.\n');
});

test('each kind of result reads right pasted into a ticket: nothing "below", no Change', () => {
  const walks = [
    ['sms-1-2', 'os-upgrade', 'repeats', 'failed', 'service', 'no-service-pack'],
    ['sms-1-2', 'os-upgrade', 'repeats', 'failed', 'service', 'service-pack-installed'],
    ['other-version'],
  ];
  const kinds = new Set<string>();
  for (const walk of walks) {
    const replay = replayTrail(tree, walk);
    if (replay.node.kind !== 'outcome') throw new Error(`${walk.join('/')} is no result`);
    kinds.add(replay.node.type);
    for (const format of ['text', 'markdown'] as const) {
      const text = buildTicketSummary({ tree, replay, url, now, format, solved: false });
      expect(text).not.toMatch(/\bbelow\b/i);
      expect(text).not.toMatch(/change your/i);
      expect(text).toMatch(/\d{2}:\d{2}:\d{2} \S+/);
    }
  }
  expect([...kinds].sort()).toEqual(['diagnosis', 'escalate', 'ruled-out']);
});

test('the ticket and client the walk is for are in the ticket text', () => {
  const replay = replayTrail(tree, ['other-version']);
  const text = buildTicketSummary({
    tree,
    replay,
    url,
    now,
    format: 'text',
    context: { ticket: 'INC0012345', client: 'WS-0042' },
  });
  expect(text).toContain('\nTicket: INC0012345\nClient: WS-0042\n');
  expect(ticketSubject(tree, replay)).toBe(
    'Windows NT upgrade job runs again at every restart (SMS 1.2): Not this problem',
  );
});

test('Markdown and link syntax from a tree is escaped in Markdown and flattened in plain text', () => {
  const hostile: Tree = structuredClone(tree);
  const first = hostile.nodes.find((node) => node.id === hostile.start);
  if (first?.kind !== 'question') throw new Error('no first question');
  const answer = first.answers.find((candidate) => candidate.slug === 'other-version');
  if (!answer) throw new Error('no answer');
  answer.label = 'No\n\n**Link**\n[Reset your password here](http://evil.example/login)';
  const replay = replayTrail(hostile, ['other-version']);
  const markdown = buildTicketSummary({ tree: hostile, replay, url, now, format: 'markdown' });
  expect(markdown).toContain(
    '**No \\*\\*Link\\*\\* \\[Reset your password here\\](http://evil.example/login)**',
  );
  expect(markdown).not.toContain('[Reset your password here](');
  const text = buildTicketSummary({ tree: hostile, replay, url, now, format: 'text' });
  expect(text).toContain(
    '\n   No **Link** [Reset your password here](http://evil.example/login)\n',
  );
  // The label cannot start a line of its own, such as a fake heading.
  expect(text).not.toMatch(/^\*\*Link\*\*$/m);
});

test('tree text that starts a line in the ticket cannot start a heading, quote, list or rule in Markdown', () => {
  const hostile: Tree = structuredClone(tree);
  const replay = replayTrail(hostile, ['other-version']);
  const end = replay.node;
  if (end.kind !== 'outcome') throw new Error('not an outcome');
  for (const [title, escaped] of [
    ['# Reset your password', '\\# Reset your password'],
    ['> Quoted from IT', '\\> Quoted from IT'],
    ['- listed', '\\- listed'],
    ['+ listed', '\\+ listed'],
    ['===', '\\==='],
    ['1. Click here', '1\\. Click here'],
    ['2) Click here', '2\\) Click here'],
  ]) {
    end.title = title ?? '';
    const markdown = buildTicketSummary({ tree: hostile, replay, url, now, format: 'markdown' });
    expect(markdown.split('\n'), title).toContain(escaped);
    // Plain text keeps the words as they are.
    const text = buildTicketSummary({ tree: hostile, replay, url, now, format: 'text' });
    expect(text.split('\n'), title).toContain(title);
  }
});
