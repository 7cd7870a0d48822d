import { unconfirmedSteps, type Replay } from '../../engine/replay-trail';
import type { Tree } from '../../engine/tree-schema';
import { OUTCOME_CAPTIONS } from '../../components/outcome-captions';

export type SummaryFormat = 'text' | 'markdown';

/**
 * The text an admin pastes into a ticket: the troubleshooter, when, every question
 * asked with the answer given (unconfirmed ones marked, with how to confirm), where the
 * walk stands or its result, and the link to this step. Plain text or Markdown.
 */
export function buildTicketSummary({
  tree,
  replay,
  url,
  now,
  format,
  fixTried = false,
}: {
  tree: Tree;
  replay: Replay;
  url: string;
  now: Date;
  format: SummaryFormat;
  /** For the escalation after "Did this solve it?" → No: the fix was tried and did not help. */
  fixTried?: boolean;
}): string {
  const md = format === 'markdown';
  const lines: string[] = [];
  const heading = (text: string) => lines.push('', md ? `**${text}**` : text);
  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(
    now,
  );

  lines.push(md ? `### ${tree.title}` : tree.title, `Troubleshooter summary, ${when}`);

  heading('Answers');
  if (replay.steps.length === 0) lines.push('None yet.');
  for (const [position, step] of replay.steps.entries()) {
    const unconfirmed = step.answer.unsure === true;
    const answer = unconfirmed ? `${step.answer.label} (NOT CONFIRMED)` : step.answer.label;
    lines.push(
      md
        ? `${position + 1}. ${step.question.prompt} **${answer}**`
        : `${position + 1}. ${step.question.prompt}`,
    );
    if (!md) lines.push(`   ${answer}`);
    if (unconfirmed && step.question.help) {
      lines.push(`   How to confirm: ${step.question.help.join(' ')}`);
    }
  }

  const node = replay.node;
  if (node.kind === 'question') {
    heading('Now at');
    lines.push(`Question ${replay.steps.length + 1}: ${node.prompt}`);
  } else {
    const unconfirmed = unconfirmedSteps(replay.steps).length;
    heading(
      `Result: ${OUTCOME_CAPTIONS[node.type]}${unconfirmed > 0 ? ' (assumes unconfirmed checks)' : ''}`,
    );
    lines.push(node.title);
    if (unconfirmed > 0) {
      lines.push(
        unconfirmed === 1
          ? 'This result assumes the check marked NOT CONFIRMED holds: confirm it before acting on it.'
          : `This result assumes the ${unconfirmed} checks marked NOT CONFIRMED hold: confirm each before acting on it.`,
      );
    }
    if (tree.article && node.type !== 'ruled-out') {
      lines.push(`Article: ${tree.article.id}, ${tree.article.title}`);
    }
    lines.push(node.cause ? `Cause: ${node.cause}` : node.summary);
    for (const section of node.sections ?? []) {
      const list = section.steps ?? section.items;
      if (!list) continue;
      heading(section.heading);
      list.forEach((item, index) =>
        lines.push(section.steps ? `${index + 1}. ${item}` : `- ${item}`),
      );
    }
  }

  if (fixTried && node.kind === 'outcome') {
    heading('Escalated');
    lines.push('The fix above was tried and did not solve the problem.');
  }

  heading('Link');
  lines.push(md ? `<${url}>` : url);
  return `${lines.join('\n')}\n`;
}
