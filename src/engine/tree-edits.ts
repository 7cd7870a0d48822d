import { suggestId } from './slugs';
import type {
  Answer,
  OutcomeNode,
  OutcomeSection,
  QuestionNode,
  Tree,
  TreeNode,
} from './tree-schema';

// The tree editor's edits, each a pure function from a tree to a new tree: the draft is
// never changed in place, so every state the editor was in can be kept for undo
// (edit-history.ts) and compared with the deployed tree (tree-impact.ts). A draft has the
// shape of a tree but may break its rules (an empty prompt, an answer leading nowhere):
// the validator says so, and the author fixes it when they choose.

/**
 * A copy without the keys whose value is blank or an empty list: optional fields left
 * empty are left out of the file, as a person writing it would.
 */
function withoutBlanks<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(
      ([, field]) =>
        field !== undefined && field !== '' && !(Array.isArray(field) && !field.length),
    ),
  ) as T;
}

// The order of fields in a file, as the shipped trees and docs/authoring.md write them.
const TREE_KEYS = ['$schema', 'id', 'version', 'title', 'description', 'article', 'start', 'nodes'];
const QUESTION_KEYS = ['kind', 'id', 'prompt', 'intro', 'help', 'answers'];
const ANSWER_KEYS = ['slug', 'label', 'next', 'unsure', 'fact'];
const OUTCOME_KEYS = ['kind', 'id', 'type', 'title', 'summary', 'cause', 'sections'];
const SECTION_KEYS = ['heading', 'paragraphs', 'steps', 'items'];

function ordered<T extends object>(value: T, keys: readonly string[]): T {
  const record = value as Record<string, unknown>;
  const known = keys.filter((key) => key in record);
  const rest = Object.keys(record).filter((key) => !keys.includes(key));
  return Object.fromEntries([...known, ...rest].map((key) => [key, record[key]])) as T;
}

/** The tree with its fields in the order of the shipped files, for writing it out. */
export function inFileOrder(tree: Tree): Tree {
  return ordered(
    {
      ...tree,
      ...(tree.article ? { article: ordered(tree.article, ['id', 'title']) } : {}),
      nodes: tree.nodes.map((node) =>
        node.kind === 'question'
          ? ordered(
              { ...node, answers: node.answers.map((answer) => ordered(answer, ANSWER_KEYS)) },
              QUESTION_KEYS,
            )
          : ordered(
              node.sections
                ? {
                    ...node,
                    sections: node.sections.map((section) => ordered(section, SECTION_KEYS)),
                  }
                : node,
              OUTCOME_KEYS,
            ),
      ),
    },
    TREE_KEYS,
  );
}

/**
 * A tree file's text, formatted as the shipped trees are (two-space JSON, fields in their
 * usual order, a final newline), so that a downloaded file diffs cleanly against the one
 * it replaces.
 */
export function formatTreeFile(tree: Tree): string {
  return `${JSON.stringify(inFileOrder(tree), null, 2)}\n`;
}

/** Moves the item at `from` by `delta` places (-1 up, 1 down); out of range, no change. */
export function moveItem<T>(list: readonly T[], from: number, delta: number): T[] {
  const to = from + delta;
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

export function removeItem<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, position) => position !== index);
}

export function replaceItem<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((current, position) => (position === index ? item : current));
}

export function nodeIds(tree: Tree): string[] {
  return tree.nodes.map((node) => node.id);
}

/** A new troubleshooter to start from: one question whose two answers end in two outcomes. */
export function newTree(id = 'new-troubleshooter'): Tree {
  return {
    id,
    version: 1,
    title: '',
    description: '',
    start: 'first-question',
    nodes: [
      {
        kind: 'question',
        id: 'first-question',
        prompt: '',
        answers: [
          { slug: 'yes', label: 'Yes', next: 'first-outcome' },
          { slug: 'no', label: 'No', next: 'second-outcome' },
        ],
      },
      { kind: 'outcome', id: 'first-outcome', type: 'diagnosis', title: '', summary: '' },
      { kind: 'outcome', id: 'second-outcome', type: 'ruled-out', title: '', summary: '' },
    ],
  };
}

export type TreeFields = {
  id: string;
  version: number;
  title: string;
  description: string;
  start: string;
  article: Tree['article'] | undefined;
};

/** Changes the tree's own fields; an article with neither id nor title is left out. */
export function setTreeFields(tree: Tree, fields: Partial<TreeFields>): Tree {
  const next = { ...tree, ...fields } as Tree;
  if ('article' in fields && (!fields.article || (!fields.article.id && !fields.article.title))) {
    delete next.article;
  }
  return next;
}

/**
 * Adds a question or an outcome after the node at `after` (at the end without it), with an
 * id that no node has. Returns the tree and the new node's id, to select it.
 */
export function addNode(
  tree: Tree,
  kind: TreeNode['kind'],
  after?: number,
): { tree: Tree; id: string } {
  const id = suggestId(kind === 'question' ? 'new-question' : 'new-outcome', nodeIds(tree));
  const node: TreeNode =
    kind === 'question'
      ? {
          kind,
          id,
          prompt: '',
          answers: [
            { slug: 'yes', label: 'Yes', next: '' },
            { slug: 'no', label: 'No', next: '' },
          ],
        }
      : { kind, id, type: 'diagnosis', title: '', summary: '' };
  const at = after === undefined ? tree.nodes.length : after + 1;
  const nodes = [...tree.nodes];
  nodes.splice(at, 0, node);
  return { tree: { ...tree, nodes }, id };
}

/**
 * Removes a node. Answers that led to it are left pointing at its id, for the checks to
 * name: the author decides where each should go instead.
 */
export function removeNode(tree: Tree, id: string): Tree {
  return { ...tree, nodes: tree.nodes.filter((node) => node.id !== id) };
}

export function moveNode(tree: Tree, id: string, delta: number): Tree {
  const from = tree.nodes.findIndex((node) => node.id === id);
  return { ...tree, nodes: moveItem(tree.nodes, from, delta) };
}

/**
 * Gives the node at `index` a new id and follows it to the start and every answer that
 * led to it, unless another node has the old id too (then the references stay with that
 * one). Node ids are not in step URLs (those are answer slugs), but links of an earlier
 * version are read question by question id (migrate-trail.ts), so the impact view reports
 * a renamed question as removed and added.
 */
export function renameNode(tree: Tree, index: number, to: string): Tree {
  const from = tree.nodes[index]?.id;
  if (from === undefined || from === to) return tree;
  const shared = tree.nodes.some((node, position) => position !== index && node.id === from);
  const follow = (id: string) => (!shared && id === from ? to : id);
  return {
    ...tree,
    start: follow(tree.start),
    nodes: tree.nodes.map((node, position) => {
      const renamed = position === index ? { ...node, id: to } : node;
      if (renamed.kind !== 'question') return renamed;
      return {
        ...renamed,
        answers: renamed.answers.map((answer) =>
          follow(answer.next) === answer.next ? answer : { ...answer, next: to },
        ),
      };
    }),
  };
}

type QuestionFields = Omit<QuestionNode, 'kind' | 'id' | 'answers'>;
type OutcomeFields = Omit<OutcomeNode, 'kind' | 'id'>;

function mapNode(tree: Tree, id: string, change: (node: TreeNode) => TreeNode): Tree {
  return { ...tree, nodes: tree.nodes.map((node) => (node.id === id ? change(node) : node)) };
}

/** Changes a question's prompt, intro or help; blank optional fields are left out. */
export function setQuestionFields(tree: Tree, id: string, fields: Partial<QuestionFields>): Tree {
  return mapNode(tree, id, (node) =>
    node.kind === 'question'
      ? {
          ...withoutBlanks({ ...node, ...fields }),
          prompt: fields.prompt ?? node.prompt,
          answers: node.answers,
        }
      : node,
  );
}

/** Changes an outcome's type, title, summary, cause or sections; blank optional fields are left out. */
export function setOutcomeFields(tree: Tree, id: string, fields: Partial<OutcomeFields>): Tree {
  return mapNode(tree, id, (node) =>
    node.kind === 'outcome'
      ? {
          ...withoutBlanks({ ...node, ...fields }),
          title: fields.title ?? node.title,
          summary: fields.summary ?? node.summary,
        }
      : node,
  );
}

function mapAnswers(tree: Tree, id: string, change: (answers: Answer[]) => Answer[]): Tree {
  return mapNode(tree, id, (node) =>
    node.kind === 'question' ? { ...node, answers: change(node.answers) } : node,
  );
}

/** Adds an answer at the end of a question, with a slug no other answer of it has. */
export function addAnswer(tree: Tree, questionId: string, next = ''): Tree {
  return mapAnswers(tree, questionId, (answers) => [
    ...answers,
    {
      slug: suggestId(
        'new-answer',
        answers.map((answer) => answer.slug),
      ),
      label: '',
      next,
    },
  ]);
}

export function removeAnswer(tree: Tree, questionId: string, index: number): Tree {
  return mapAnswers(tree, questionId, (answers) => removeItem(answers, index));
}

export function moveAnswer(tree: Tree, questionId: string, index: number, delta: number): Tree {
  return mapAnswers(tree, questionId, (answers) => moveItem(answers, index, delta));
}

type AnswerFields = Omit<Answer, 'unsure' | 'fact'> & { unsure: boolean; fact: string };

/**
 * Changes an answer. `followLabel`: the slug was suggested from the label and is not yet
 * in a shared link (the answer is new in this draft), so a new label suggests it again.
 * `unsure: false` and a blank fact are left out of the file.
 */
export function setAnswerFields(
  tree: Tree,
  questionId: string,
  index: number,
  fields: Partial<AnswerFields>,
  followLabel = false,
): Tree {
  return mapAnswers(tree, questionId, (answers) => {
    const answer = answers[index];
    if (!answer) return answers;
    const next: Answer = withoutBlanks({ ...answer, ...fields });
    if (next.unsure === false) delete next.unsure;
    if (fields.label !== undefined && followLabel) {
      const others = answers.filter((_, position) => position !== index).map((a) => a.slug);
      next.slug = suggestId(fields.label, others, 'answer');
    }
    return replaceItem(answers, index, next);
  });
}

/**
 * Whether a slug or id still follows its label: it is what the label would suggest, or a
 * placeholder the editor gave it. Only then does a new label change it.
 */
export function followsLabel(id: string, label: string, taken: Iterable<string>): boolean {
  return (
    /^new-(answer|question|outcome)(-\d+)?$/.test(id) ||
    id ===
      suggestId(
        label,
        [...taken].filter((other) => other !== id),
        id,
      )
  );
}

/**
 * Points an answer at a question or outcome made for it on the spot, placed after the
 * question it belongs to. Returns the new node's id, to select it.
 */
export function answerToNewNode(
  tree: Tree,
  questionId: string,
  index: number,
  kind: TreeNode['kind'],
): { tree: Tree; id: string } {
  const position = tree.nodes.findIndex((node) => node.id === questionId);
  const added = addNode(tree, kind, position === -1 ? undefined : position);
  return { tree: setAnswerFields(added.tree, questionId, index, { next: added.id }), id: added.id };
}

export function addSection(tree: Tree, outcomeId: string): Tree {
  return mapNode(tree, outcomeId, (node) =>
    node.kind === 'outcome'
      ? { ...node, sections: [...(node.sections ?? []), { heading: '' }] }
      : node,
  );
}

/** Changes a section; a list left empty is left out, and no sections leaves out the field. */
export function setSections(
  tree: Tree,
  outcomeId: string,
  change: (sections: OutcomeSection[]) => OutcomeSection[],
): Tree {
  return mapNode(tree, outcomeId, (node) => {
    if (node.kind !== 'outcome') return node;
    const sections = change(node.sections ?? []).map((section) => withoutBlanks(section));
    const next: OutcomeNode = { ...node, sections };
    if (sections.length === 0) delete next.sections;
    // A section's heading is required: an empty one stays, for the checks to name.
    next.sections?.forEach((section) => (section.heading ??= ''));
    return next;
  });
}
