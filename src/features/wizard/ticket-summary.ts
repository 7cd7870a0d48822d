import { unconfirmedSteps, type Replay } from '../../engine/replay-trail';
import type { Tree } from '../../engine/tree-schema';
import { OUTCOME_CAPTIONS } from '../../components/outcome-captions';
import type { WalkContext } from '../../lib/walk-context';

export type SummaryFormat = 'text' | 'markdown';

/**
 * Tree text as ticket text: on one line (a label with line breaks cannot start a heading or
 * a fake "Link" section), and in Markdown with every character that Markdown reads as syntax
 * escaped, so that `**bold**` or `[text](http://…)` from a tree is pasted as those
 * characters, never as a working link (issue 27).
 */
export function ticketText(text: string, format: SummaryFormat): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (format !== 'markdown') return line;
  // The characters that make syntax anywhere in a line: emphasis, code, links and images (no
  // `[`, no link), raw HTML and entities, tables, strikethrough. And where the text starts a
  // line (an outcome's title or summary does), what would start a block: a heading, a quote,
  // a list item or a rule (`# `, `> `, `- `, `+ `, `=`, `1. `, `1) `).
  return line
    .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
    .replace(/^[#>+=-]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** The subject of a ticket opened from this step: the troubleshooter and where the walk ended. */
export function ticketSubject(tree: Tree, replay: Replay): string {
  const node = replay.node;
  const where = node.kind === 'outcome' ? OUTCOME_CAPTIONS[node.type] : 'Not finished';
  return ticketText(`${tree.title}: ${where}`, 'text');
}

/**
 * The text an admin pastes into a ticket, written for a ticket rather than a page: the
 * troubleshooter, the ticket and client it is for, when (with the time zone), every question
 * asked with the answer given (unconfirmed ones marked, with how to confirm), where the walk
 * stands or its result in words that read right pasted (a ticket has no "below" and no
 * Change link), "Did this solve it?" and its answer, and the link to this step. Plain text or
 * Markdown; tree text is always text (ticketText).
 */
export function buildTicketSummary({
  tree,
  replay,
  url,
  now,
  format,
  solved,
  context = {},
  timeZone,
}: {
  tree: Tree;
  replay: Replay;
  url: string;
  now: Date;
  format: SummaryFormat;
  /** The answer to "Did this solve it?", once given. */
  solved?: boolean | undefined;
  context?: WalkContext;
  /** For tests; the browser's own zone otherwise. */
  timeZone?: string;
}): string {
  const md = format === 'markdown';
  const t = (text: string) => ticketText(text, format);
  const lines: string[] = [];
  const heading = (text: string) => lines.push('', md ? `**${text}**` : text);
  const when = new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'long',
    ...(timeZone ? { timeZone } : {}),
  }).format(now);

  lines.push(md ? `### ${t(tree.title)}` : t(tree.title), `Troubleshooter summary, ${when}`);
  if (context.ticket) lines.push(`Ticket: ${t(context.ticket)}`);
  if (context.client) lines.push(`Client: ${t(context.client)}`);

  heading('Answers');
  if (replay.steps.length === 0) lines.push('None yet.');
  for (const [position, step] of replay.steps.entries()) {
    const unconfirmed = step.answer.unsure === true;
    const answer = `${t(step.answer.label)}${unconfirmed ? ' (NOT CONFIRMED)' : ''}`;
    lines.push(
      md
        ? `${position + 1}. ${t(step.question.prompt)} **${answer}**`
        : `${position + 1}. ${t(step.question.prompt)}`,
    );
    if (!md) lines.push(`   ${answer}`);
    if (unconfirmed && step.question.help) {
      lines.push(`   How to confirm: ${t(step.question.help.join(' '))}`);
    }
  }

  const node = replay.node;
  if (node.kind === 'question') {
    heading('Now at');
    lines.push(`Question ${replay.steps.length + 1}: ${t(node.prompt)}`);
  } else {
    const unconfirmed = unconfirmedSteps(replay.steps).length;
    heading(
      `Result: ${OUTCOME_CAPTIONS[node.type]}${unconfirmed > 0 ? ' (assumes unconfirmed checks)' : ''}`,
    );
    lines.push(t(node.title));
    if (unconfirmed > 0) {
      lines.push(
        unconfirmed === 1
          ? 'This result assumes the check marked NOT CONFIRMED holds: confirm it before acting on it.'
          : `This result assumes the ${unconfirmed} checks marked NOT CONFIRMED hold: confirm each before acting on it.`,
      );
    }
    const article = tree.article ? `${t(tree.article.id)}, ${t(tree.article.title)}` : undefined;
    const decisive = replay.steps.at(-1);
    switch (node.type) {
      case 'diagnosis':
        if (article) lines.push(`Article: ${article}`);
        lines.push(node.cause ? `Cause: ${t(node.cause)}` : t(node.summary));
        // The fix, as steps to follow; explanations stay on the page behind the link.
        for (const section of node.sections ?? []) {
          if (!section.steps) continue;
          heading(t(section.heading));
          section.steps.forEach((item, index) => lines.push(`${index + 1}. ${t(item)}`));
        }
        break;
      case 'escalate':
        if (article) lines.push(`Article: ${article}`);
        lines.push(node.cause ? `Cause: ${t(node.cause)}` : t(node.summary));
        lines.push(
          'Needs the next line of support: the answers above are the checks already made.',
        );
        break;
      case 'ruled-out':
        lines.push(t(node.summary));
        if (decisive) {
          lines.push(
            `Ruled out by the answer "${t(decisive.answer.label)}" to "${t(decisive.question.prompt)}".`,
          );
        }
        break;
    }
  }

  if (node.kind === 'outcome' && solved !== undefined) {
    heading('Did this solve it?');
    lines.push(
      solved ? 'Yes.' : 'No: the fix was tried and did not solve the problem, so it is escalated.',
    );
  }

  heading('Link');
  lines.push(md ? `<${url}>` : url);
  return `${lines.join('\n')}\n`;
}
