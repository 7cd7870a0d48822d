import * as v from 'valibot';
import { ID_PATTERN } from './ids';
import {
  formatCount,
  isBlank,
  lineProblem,
  LIST_LIMITS,
  paragraphProblem,
  TEXT_LIMITS,
  TREE_LIMITS,
} from './tree-limits';

/**
 * The shape of a tree file, as data. Types are inferred from this schema so the
 * validator and the TypeScript types cannot drift apart. Rules that need more than
 * one field at a time (references, duplicates, cycles) live in validate-tree.ts.
 */

const id = v.pipe(
  v.string(),
  v.maxLength(
    TREE_LIMITS.idLength,
    `must have at most ${TREE_LIMITS.idLength} characters (it is part of addresses and file names)`,
  ),
  v.regex(ID_PATTERN, 'must use only lower-case letters, digits and hyphens'),
);

type TextField = keyof typeof TEXT_LIMITS;

/**
 * A text a person reads, of at most its field's length, that shows something: text made only
 * of spaces, zero-width or direction characters would be an invisible heading or answer. A
 * one-line text (a title, a prompt, a label) has no line break; paragraphs may have them.
 */
function text(field: TextField, lines: 'one line' | 'paragraphs' = 'one line') {
  const limit = TEXT_LIMITS[field];
  return v.pipe(
    v.string(),
    v.maxLength(limit, `must have at most ${formatCount(limit)} characters`),
    v.check((value) => !isBlank(value), 'must not be empty'),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const problem = (lines === 'one line' ? lineProblem : paragraphProblem)(dataset.value);
      if (problem) addIssue({ message: problem });
    }),
  );
}

/** A tree's title or description: limited in bytes too, for the list's page budget. */
function listText(field: 'treeTitle' | 'description') {
  const limit = TEXT_LIMITS[field];
  return v.pipe(
    text(field),
    v.maxBytes(
      limit,
      `must have at most ${limit} bytes (as many letters of English, a third as many of Chinese)`,
    ),
  );
}

function textList(field: TextField, entries: number) {
  return v.pipe(
    v.array(text(field, 'paragraphs')),
    v.minLength(1, 'must have at least one entry'),
    v.maxLength(entries, `must have at most ${entries} entries`),
  );
}

const answerSchema = v.strictObject({
  slug: id,
  label: text('label'),
  next: id,
  /** "Not sure": the walk goes on as if confirmed, and the outcome lists it as unconfirmed. */
  unsure: v.optional(v.boolean()),
  /** What this answer establishes, in a sentence, for the outcome's summary. */
  fact: v.optional(text('fact')),
});

const questionSchema = v.strictObject({
  kind: v.literal('question'),
  id,
  prompt: text('prompt'),
  intro: v.optional(text('intro', 'paragraphs')),
  /** "How do I check?": short paragraphs. */
  help: v.optional(textList('help', LIST_LIMITS.help)),
  answers: v.pipe(
    v.array(answerSchema),
    v.minLength(2, 'a question needs at least two answers'),
    v.maxLength(TREE_LIMITS.answers, `a question may have at most ${TREE_LIMITS.answers} answers`),
  ),
});

const sectionSchema = v.strictObject({
  heading: text('heading'),
  paragraphs: v.optional(textList('entry', LIST_LIMITS.entries)),
  steps: v.optional(textList('entry', LIST_LIMITS.entries)),
  items: v.optional(textList('entry', LIST_LIMITS.entries)),
});

export const OUTCOME_TYPES = ['diagnosis', 'escalate', 'ruled-out'] as const;

const outcomeSchema = v.strictObject({
  kind: v.literal('outcome'),
  id,
  type: v.picklist(OUTCOME_TYPES, `must be one of: ${OUTCOME_TYPES.join(', ')}`),
  title: text('title'),
  summary: text('summary', 'paragraphs'),
  /** The cause in one sentence, for ticket summaries. */
  cause: v.optional(text('cause')),
  sections: v.optional(
    v.pipe(
      v.array(sectionSchema),
      v.maxLength(LIST_LIMITS.sections, `must have at most ${LIST_LIMITS.sections} sections`),
    ),
  ),
});

/** A Knowledge Base article number, in trees and in the index. */
const articleId = v.pipe(
  v.string(),
  v.maxLength(TEXT_LIMITS.articleId, `must have at most ${TEXT_LIMITS.articleId} characters`),
  v.regex(/^Q[0-9]+$/, 'must look like Q164887'),
);

const articleSchema = v.strictObject({ id: articleId, title: text('articleTitle') });

export const treeSchema = v.strictObject({
  $schema: v.optional(v.pipe(v.string(), v.maxLength(TEXT_LIMITS.$schema))),
  id,
  version: v.pipe(
    v.number(),
    v.integer('must be a whole number'),
    v.minValue(1, 'must be 1 or more'),
    // Above 2^53 a number in JSON is no longer the number written (9007199254740993 reads
    // as …992), and links carry the version as text.
    v.maxValue(Number.MAX_SAFE_INTEGER, 'must be at most 9007199254740991'),
  ),
  title: listText('treeTitle'),
  description: listText('description'),
  article: v.optional(articleSchema),
  start: id,
  nodes: v.pipe(
    v.array(
      v.variant('kind', [questionSchema, outcomeSchema], 'kind must be "question" or "outcome"'),
    ),
    v.minLength(1, 'must have at least one node'),
    v.maxLength(
      TREE_LIMITS.nodes,
      `a tree may have at most ${formatCount(TREE_LIMITS.nodes)} nodes`,
    ),
  ),
});

export const treeIndexSchema = v.strictObject({
  $schema: v.optional(v.string()),
  trees: v.array(
    v.strictObject({
      id,
      title: listText('treeTitle'),
      description: listText('description'),
      article: v.optional(articleId),
    }),
  ),
});

export type Tree = v.InferOutput<typeof treeSchema>;
export type TreeNode = Tree['nodes'][number];
export type QuestionNode = Extract<TreeNode, { kind: 'question' }>;
export type OutcomeNode = Extract<TreeNode, { kind: 'outcome' }>;
export type Answer = QuestionNode['answers'][number];
export type OutcomeType = OutcomeNode['type'];
export type OutcomeSection = NonNullable<OutcomeNode['sections']>[number];
export type TreeIndex = v.InferOutput<typeof treeIndexSchema>;
export type TreeIndexEntry = TreeIndex['trees'][number];
