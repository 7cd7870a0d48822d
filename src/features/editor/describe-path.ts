import { problemNodeIndex } from '../../engine/check-draft';
import type { Tree } from '../../engine/tree-schema';
import { nodeLabel } from './node-forms';

/** The tree's own fields and an answer's, as the form labels them. */
const FIELD_WORDS: Record<string, string> = {
  id: 'id',
  title: 'title',
  description: 'description',
  version: 'version',
  article: 'article',
  start: 'first question',
  prompt: 'question',
  intro: 'introduction',
  help: 'how to check',
  label: 'label',
  slug: 'address',
  next: 'leads to',
  fact: 'what it establishes',
  summary: 'summary',
  cause: 'cause',
  sections: 'sections',
  heading: 'heading',
  paragraphs: 'paragraphs',
  steps: 'steps',
  items: 'items',
  type: 'kind of outcome',
};

const words = (field: string) => FIELD_WORDS[field] ?? field;

/** "Question “Is it on?”, answer 2, leads to": where a problem's path is, in words. */
export function describePath(tree: Tree, path: string): string {
  const index = problemNodeIndex(path);
  const node = index === undefined ? undefined : tree.nodes[index];
  if (!node) {
    if (path === '$.start') return 'First question';
    // Its field too: "Troubleshooter" alone, twice, would not say which one is empty.
    const field = /^\$\.(\w+)(?:\.(\w+))?/.exec(path);
    return field
      ? `Troubleshooter, ${field
          .slice(1)
          .filter((part): part is string => Boolean(part))
          .map(words)
          .join(' ')}`
      : 'Troubleshooter';
  }
  const answer = /answers\[(\d+)\](?:\.(\w+))?/.exec(path);
  const field = answer ? answer[2] : /\.(\w+)(?:\[\d+\])?$/.exec(path)?.[1];
  return [
    `${node.kind === 'question' ? 'Question' : 'Outcome'} “${nodeLabel(node)}”`,
    answer ? `answer ${Number(answer[1]) + 1}` : undefined,
    field && field !== 'answers' ? words(field) : undefined,
  ]
    .filter(Boolean)
    .join(', ');
}

/** The JSON path and its parents, nearest first: the field, then what holds it. */
export function pathAndParents(path: string): string[] {
  const list = [path];
  for (let current = path; ;) {
    const parent = current.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    if (parent === current || parent === '$') break;
    list.push(parent);
    current = parent;
  }
  return list;
}

/** A question or outcome named as the author knows it. */
function named(tree: Tree, id: string): string {
  const node = tree.nodes.find((candidate) => candidate.id === id);
  return node ? `“${nodeLabel(node)}”` : `“${id}”`;
}

/**
 * A finding of the rulebook (written for tree files and `check:trees`) in the author's words:
 * no "node", "next" or "start node", and questions named by their wording.
 */
export function authorMessage(tree: Tree, path: string, message: string): string {
  let match: RegExpExecArray | null;
  if (/\.next$/.test(path)) {
    const next = /"([^"]*)"$/.exec(message)?.[1] ?? '';
    if (/points to missing node/.test(message) || /lower-case/.test(message)) {
      return next
        ? `leads to “${next}”, which is not in this troubleshooter`
        : 'leads nowhere yet: choose where it leads';
    }
  }
  if ((match = /^start node "(.*)" does not exist$/.exec(message))) {
    return match[1]
      ? `“${match[1]}” is not in this troubleshooter: choose the first question`
      : 'choose the first question';
  }
  if ((match = /^node "(.*)" cannot be reached from the start node/.exec(message))) {
    return 'no answer leads here yet: point an answer at it, or remove it';
  }
  if ((match = /^duplicate node id "(.*)" \(also used by \$\.nodes\[(\d+)\]\)$/.exec(message))) {
    const other = tree.nodes[Number(match[2])];
    return `the id “${match[1]}” is also used by ${other ? `“${nodeLabel(other)}”` : 'another question or outcome'}: ids must differ`;
  }
  if ((match = /^answer slug "(.*)" is used twice/.exec(message))) {
    return `the address “${match[1]}” is used by another answer of this question`;
  }
  if ((match = /^answers form a loop: (.*)$/.exec(message))) {
    const steps = (match[1] ?? '').split(' → ').map((id) => named(tree, id));
    return `answers lead round in a loop: ${steps.join(' → ')}`;
  }
  if (/has a "not sure" answer/.test(message)) {
    return 'has a “Not sure” answer, so it needs “How do I check?” help';
  }
  if (/must use only lower-case letters, digits and hyphens/.test(message)) {
    return 'may use only lower-case letters (a–z), digits and hyphens';
  }
  return message;
}
