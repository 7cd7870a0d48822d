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
