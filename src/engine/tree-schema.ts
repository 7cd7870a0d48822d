import * as v from 'valibot';
import { ID_PATTERN } from './ids';

/**
 * The shape of a tree file, as data. Types are inferred from this schema so the
 * validator and the TypeScript types cannot drift apart. Rules that need more than
 * one field at a time (references, duplicates, cycles) live in validate-tree.ts.
 */

const id = v.pipe(
  v.string(),
  v.regex(ID_PATTERN, 'must use only lower-case letters, digits and hyphens'),
);

const text = v.pipe(
  v.string(),
  v.check((value) => value.trim().length > 0, 'must not be empty'),
);

const textList = v.pipe(v.array(text), v.minLength(1, 'must have at least one entry'));

const answerSchema = v.strictObject({
  slug: id,
  label: text,
  next: id,
  /** "Not sure": the walk goes on as if confirmed, and the outcome lists it as unconfirmed. */
  unsure: v.optional(v.boolean()),
  /** What this answer establishes, in a sentence, for the outcome's summary. */
  fact: v.optional(text),
});

const questionSchema = v.strictObject({
  kind: v.literal('question'),
  id,
  prompt: text,
  intro: v.optional(text),
  /** "How do I check?": short paragraphs. */
  help: v.optional(textList),
  answers: v.pipe(v.array(answerSchema), v.minLength(2, 'a question needs at least two answers')),
});

const sectionSchema = v.strictObject({
  heading: text,
  paragraphs: v.optional(textList),
  steps: v.optional(textList),
  items: v.optional(textList),
});

export const OUTCOME_TYPES = ['diagnosis', 'escalate', 'ruled-out'] as const;

const outcomeSchema = v.strictObject({
  kind: v.literal('outcome'),
  id,
  type: v.picklist(OUTCOME_TYPES, `must be one of: ${OUTCOME_TYPES.join(', ')}`),
  title: text,
  summary: text,
  /** The cause in one sentence, for ticket summaries. */
  cause: v.optional(text),
  sections: v.optional(v.array(sectionSchema)),
});

/** A Knowledge Base article number, in trees and in the index. */
const articleId = v.pipe(v.string(), v.regex(/^Q[0-9]+$/, 'must look like Q164887'));

const articleSchema = v.strictObject({ id: articleId, title: text });

export const treeSchema = v.strictObject({
  $schema: v.optional(v.string()),
  id,
  version: v.pipe(
    v.number(),
    v.integer('must be a whole number'),
    v.minValue(1, 'must be 1 or more'),
  ),
  title: text,
  description: text,
  article: v.optional(articleSchema),
  start: id,
  nodes: v.pipe(
    v.array(
      v.variant('kind', [questionSchema, outcomeSchema], 'kind must be "question" or "outcome"'),
    ),
    v.minLength(1, 'must have at least one node'),
  ),
});

export const treeIndexSchema = v.strictObject({
  $schema: v.optional(v.string()),
  trees: v.array(
    v.strictObject({
      id,
      title: text,
      description: text,
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
