import type { MigrationNotice } from './migrate-trail';
import { replayTrail } from './replay-trail';
import type { TrailImpact, TreeImpact } from './tree-impact';
import type { Answer, Tree, TreeNode } from './tree-schema';

/**
 * One change between two versions of a tree, node by node, in a reviewer's words: what was
 * added, removed, reworded (its text) or re-pointed (where an answer leads), and answers
 * whose address (slug) alone changed. `where` names the node; `what` says the change.
 */
export type TreeChange =
  | { kind: 'tree-field'; field: string; before: string; after: string }
  | { kind: 'node-added' | 'node-removed'; node: string; label: string; nodeKind: string }
  /** `was`: its words before, where they changed (a prompt or a title), so a reader sees both. */
  | { kind: 'node-reworded'; node: string; label: string; was?: string; fields: string[] }
  | { kind: 'answer-added' | 'answer-removed'; question: string; answer: string }
  | { kind: 'answer-reworded'; question: string; answer: string; fields: string[] }
  | { kind: 'answer-repointed'; question: string; answer: string; from: string; to: string }
  | { kind: 'answer-renamed'; question: string; answer: string; from: string; to: string };

const text = (value: unknown): string =>
  value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

function label(node: TreeNode | undefined, id: string): string {
  if (!node) return id;
  return node.kind === 'question' ? node.prompt : node.title;
}

/** The fields of two objects whose values differ (nested values compared as JSON). */
function differing(before: object, after: object, leaveOut: string[] = []): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter(
    (key) =>
      !leaveOut.includes(key) &&
      text((before as Record<string, unknown>)[key]) !==
        text((after as Record<string, unknown>)[key]),
  );
}

/** Every change from `before` to `after`, node by node in the order of `after`. */
export function treeChanges(before: Tree, after: Tree): TreeChange[] {
  const changes: TreeChange[] = [];
  for (const field of ['title', 'description', 'article', 'start'] as const) {
    if (text(before[field]) !== text(after[field])) {
      changes.push({
        kind: 'tree-field',
        field,
        before: text(before[field]),
        after: text(after[field]),
      });
    }
  }
  const oldNodes = new Map(before.nodes.map((node) => [node.id, node]));
  const newNodes = new Map(after.nodes.map((node) => [node.id, node]));
  for (const node of after.nodes) {
    const old = oldNodes.get(node.id);
    if (!old || old.kind !== node.kind) {
      if (old)
        changes.push({
          kind: 'node-removed',
          node: old.id,
          label: label(old, old.id),
          nodeKind: old.kind,
        });
      changes.push({
        kind: 'node-added',
        node: node.id,
        label: label(node, node.id),
        nodeKind: node.kind,
      });
      continue;
    }
    const fields = differing(old, node, ['answers']);
    if (fields.length > 0) {
      const before = label(old, old.id);
      const after = label(node, node.id);
      changes.push({
        kind: 'node-reworded',
        node: node.id,
        label: after,
        ...(before !== after ? { was: before } : {}),
        fields,
      });
    }
    if (node.kind !== 'question' || old.kind !== 'question') continue;
    const oldAnswers = new Map(old.answers.map((answer) => [answer.slug, answer]));
    const newSlugs = new Set(node.answers.map((answer) => answer.slug));
    const gone = old.answers.filter((answer) => !newSlugs.has(answer.slug));
    const compare = (was: Answer, answer: Answer) => {
      if (was.next !== answer.next) {
        changes.push({
          kind: 'answer-repointed',
          question: node.prompt,
          answer: answer.label,
          from: label(oldNodes.get(was.next), was.next),
          to: label(newNodes.get(answer.next), answer.next),
        });
      }
      const fields = differing(was, answer, ['slug', 'next']);
      if (fields.length > 0) {
        changes.push({
          kind: 'answer-reworded',
          question: node.prompt,
          answer: answer.label,
          fields,
        });
      }
    };
    for (const answer of node.answers) {
      const was = oldAnswers.get(answer.slug);
      if (was) {
        compare(was, answer);
        continue;
      }
      // The same words under a new slug: its address changed (what migrateTrail keeps).
      const renamed = gone.findIndex((candidate) => candidate.label === answer.label);
      const from = renamed >= 0 ? gone.splice(renamed, 1)[0] : undefined;
      if (!from) {
        changes.push({ kind: 'answer-added', question: node.prompt, answer: answer.label });
        continue;
      }
      changes.push({
        kind: 'answer-renamed',
        question: node.prompt,
        answer: answer.label,
        from: from.slug,
        to: answer.slug,
      });
      compare(from, answer);
    }
    for (const answer of gone) {
      changes.push({ kind: 'answer-removed', question: old.prompt, answer: answer.label });
    }
  }
  for (const node of before.nodes) {
    if (!newNodes.has(node.id)) {
      changes.push({
        kind: 'node-removed',
        node: node.id,
        label: label(node, node.id),
        nodeKind: node.kind,
      });
    }
  }
  return changes;
}

/** Shared links that one cause affects, in a few words, with every link behind it. */
export type ImpactGroup = {
  /** Stable: the cause (kind and where), for keys and tests. */
  key: string;
  kind: 'elsewhere' | MigrationNotice['kind'] | 'invalid';
  /** What was done ("The answer “No” of “Is it on?” now leads elsewhere"). */
  cause: string;
  /** What it does to the links ("these links end somewhere else"). */
  effect: string;
  trails: TrailImpact[];
};

function noticeCause(notice: MigrationNotice): { key: string; cause: string; effect: string } {
  const of = `“${notice.answer}” of “${notice.question}”`;
  switch (notice.kind) {
    case 'answer-renamed':
      return {
        key: `renamed:${notice.question}:${notice.from}`,
        cause: `The address of the answer ${of} changed from ${notice.from} to ${notice.to}`,
        effect: 'still work; the notice says the answer’s address changed',
      };
    case 'answer-removed':
      return {
        key: `answer-removed:${notice.question}:${notice.answer}`,
        cause: `The answer ${of} is no longer offered`,
        effect: 'stop at that question, which asks again',
      };
    case 'question-removed':
      return {
        key: `question-removed:${notice.question}`,
        cause: `The question “${notice.question}” was removed`,
        effect: 'lose that answer; the notice says the question was removed',
      };
    case 'not-asked':
      return {
        key: `not-asked:${notice.question}`,
        cause: `The question “${notice.question}” is no longer asked on these walks`,
        effect: 'lose that answer; the notice says so',
      };
    case 'order-changed':
      return {
        key: `order:${notice.question}`,
        cause: `The question “${notice.question}” is asked at another point`,
        effect: 'keep the answer; the notice says the question moved',
      };
  }
}

/**
 * The answer on a link that leads somewhere else now, if any: the old walk and the walk the
 * link gets after publishing (its migrated trail) side by side, to the first step where the
 * next question or outcome differs. A removed or renamed answer is not such a step: the
 * migrated walk stops there, or goes on to the same place.
 */
function repointedCause(deployed: Tree, draft: Tree, trail: TrailImpact) {
  const before = replayTrail(deployed, trail.trail);
  const after = replayTrail(draft, trail.migration.trail);
  for (const [index, step] of after.steps.entries()) {
    const was = before.steps[index];
    if (!was || was.question.id !== step.question.id) return undefined;
    const nextBefore = before.steps[index + 1]?.question.id ?? before.node.id;
    const nextAfter = after.steps[index + 1]?.question.id ?? after.node.id;
    if (nextBefore !== nextAfter) {
      return {
        key: `elsewhere:${step.question.id}:${was.answer.slug}`,
        cause: `The answer “${step.answer.label}” of “${step.question.prompt}” now leads elsewhere`,
        effect: 'end somewhere else',
      };
    }
  }
  return undefined;
}

/**
 * The step links of the deployed version that a publish changes, grouped by what caused it,
 * largest group first (the readable impact report, issue 24 item 5). Unchanged links are
 * left out; `impact.trails` has them.
 */
export function groupImpact(deployed: Tree, draft: Tree, impact: TreeImpact): ImpactGroup[] {
  const groups = new Map<string, ImpactGroup>();
  for (const trail of impact.trails) {
    // A link that leads where it did (tree-impact.ts) opens with no notice: nothing to say.
    if (trail.status === 'unchanged') continue;
    const notice = trail.migration.notices[0];
    // What changes where the link ends first (a re-pointed answer), then what the notice says.
    const repointed = repointedCause(deployed, draft, trail);
    const found = repointed
      ? { ...repointed, kind: 'elsewhere' as const }
      : notice
        ? { ...noticeCause(notice), kind: notice.kind }
        : {
            key: 'invalid',
            cause: 'An answer on these links no longer fits',
            effect: 'stop where they no longer fit',
            kind: 'invalid' as const,
          };
    const group = groups.get(found.key) ?? { ...found, trails: [] };
    group.trails.push(trail);
    groups.set(found.key, group);
  }
  return [...groups.values()].sort((a, b) => b.trails.length - a.trails.length);
}

/** "1 link" / "16 links". */
export function linkCount(count: number): string {
  return `${count} shared ${count === 1 ? 'link' : 'links'}`;
}
