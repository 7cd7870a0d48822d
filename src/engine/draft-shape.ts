import * as v from 'valibot';
import { toJsonPath } from './json-path';
import type { Tree } from './tree-schema';

/**
 * The shape of a draft: a tree as the editor holds it while it is being written. Every field
 * has its type, but texts may still be empty, ids half typed and answers unwired: those are
 * the editor's checks to list (check-draft.ts), not reasons to refuse the draft. What fails
 * here (`title: {"en": …}`, `nodes: [null]`) is not a draft the editor can show at all.
 */
const texts = v.optional(v.array(v.string()));

const answer = v.strictObject({
  slug: v.string(),
  label: v.string(),
  next: v.string(),
  unsure: v.optional(v.boolean()),
  fact: v.optional(v.string()),
});

const question = v.strictObject({
  kind: v.literal('question'),
  id: v.string(),
  prompt: v.string(),
  intro: v.optional(v.string()),
  help: texts,
  answers: v.array(answer),
});

const outcome = v.strictObject({
  kind: v.literal('outcome'),
  id: v.string(),
  type: v.picklist(['diagnosis', 'escalate', 'ruled-out']),
  title: v.string(),
  summary: v.string(),
  cause: v.optional(v.string()),
  sections: v.optional(
    v.array(
      v.strictObject({
        heading: v.string(),
        paragraphs: texts,
        steps: texts,
        items: texts,
      }),
    ),
  ),
});

const draftTree = v.strictObject({
  $schema: v.optional(v.string()),
  id: v.string(),
  version: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  title: v.string(),
  description: v.string(),
  article: v.optional(v.strictObject({ id: v.string(), title: v.string() })),
  start: v.string(),
  nodes: v.array(v.variant('kind', [question, outcome])),
});

export type DraftShapeResult = { ok: true; tree: Tree } | { ok: false; problem: string };

/** A stored or sent draft, checked before the editor uses it; the first problem, in words. */
export function readDraftShape(input: unknown): DraftShapeResult {
  const parsed = v.safeParse(draftTree, input, { abortEarly: true });
  if (parsed.success) return { ok: true, tree: parsed.output as Tree };
  const issue = parsed.issues[0];
  const path = toJsonPath(
    (issue.path ?? []).map((item) => (typeof item.key === 'number' ? item.key : String(item.key))),
  );
  const where = path === '$' ? 'the draft' : path.replace(/^\$\.?/, '');
  return {
    ok: false,
    problem:
      issue.received === 'undefined'
        ? `${where} is missing`
        : `${where} should be ${inWords(issue.expected)}, not ${inWords(issue.received)}`,
  };
}

/** Valibot's names for kinds of value, as a person says them. */
function inWords(kind: string | null): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    boolean: 'yes or no',
    Object: 'an object',
    Array: 'a list',
    null: 'empty (null)',
  };
  const bare = (kind ?? '').replace(/^"|"$/g, '');
  return words[bare] ?? (kind ? `“${bare}”` : 'another value');
}
