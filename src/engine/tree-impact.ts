import { leadsWhereItDid } from './leads-where-it-did';
import { migrateTrail, type MigrationNotice } from './migrate-trail';
import { replayTrail } from './replay-trail';
import { allStepTrails } from './tree-paths';
import type { Answer, Tree, TreeNode } from './tree-schema';

export type NodeRef = { id: string; kind: TreeNode['kind']; label: string };
export type AnswerRef = { question: string; slug: string; label: string };

/** What a draft adds, removes and changes against the deployed tree, node by node. */
export type ChangeSummary = {
  nodesAdded: NodeRef[];
  nodesRemoved: NodeRef[];
  /** Same id, other content (its answers aside, which are listed by themselves). */
  nodesChanged: NodeRef[];
  answersAdded: AnswerRef[];
  answersRemoved: AnswerRef[];
  /** Same slug in the same question, another label, target, fact or "not sure". */
  answersChanged: AnswerRef[];
  /**
   * The same answer under another slug (its address in step links): one gone and one new
   * in the same question, alike but for the slug. Listed apart from added and removed, as
   * that is what a knowledge manager did; links that used the old slug no longer find it.
   */
  answersRenamed: (AnswerRef & { from: string })[];
  /** The tree's own fields (title, description, article, start). */
  treeChanged: string[];
};

/**
 * Where a step link of the deployed version leads in the draft, read as the link is
 * (its slugs from the start):
 * - `unchanged`: it leads where it did (`leadsWhereItDid`, the rule the step page follows:
 *   such a link shows its step with no notice);
 * - `elsewhere`: it fits, but leads to another question or outcome, or by other questions;
 * - `invalid`: an answer on it is no longer offered, or it goes past an outcome.
 */
export type TrailImpact = {
  trail: readonly string[];
  before: NodeRef;
  status: 'unchanged' | 'elsewhere' | 'invalid';
  /** Where it leads now (`elsewhere`), or where its valid part stops (`invalid`). */
  now: NodeRef;
  /**
   * What a person opening this link gets once the draft is published with its version
   * raised and the deployed file archived: the answers kept and, for the rest, why
   * (migrate-trail.ts, the same code the step page runs).
   */
  migration: { trail: string[]; notices: MigrationNotice[] };
};

export type TreeImpact = {
  summary: ChangeSummary;
  trails: TrailImpact[];
  /** A shared link would lead somewhere else: publishing needs the next version. */
  versionMustRise: boolean;
};

function nodeRef(node: TreeNode): NodeRef {
  return {
    id: node.id,
    kind: node.kind,
    label: node.kind === 'question' ? node.prompt : node.title,
  };
}

/** The same JSON value, whatever the order of its keys. */
function same(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || !left || !right) return false;
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  const a = left as Record<string, unknown>;
  const b = right as Record<string, unknown>;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => same(a[key], b[key]));
}

function withoutAnswers(node: TreeNode): unknown {
  if (node.kind !== 'question') return node;
  const { answers: _answers, ...rest } = node;
  return rest;
}

export function summariseChanges(deployed: Tree, draft: Tree): ChangeSummary {
  const before = new Map(deployed.nodes.map((node) => [node.id, node]));
  const after = new Map(draft.nodes.map((node) => [node.id, node]));
  const summary: ChangeSummary = {
    nodesAdded: [],
    nodesRemoved: [],
    nodesChanged: [],
    answersAdded: [],
    answersRemoved: [],
    answersChanged: [],
    answersRenamed: [],
    treeChanged: (['title', 'description', 'article', 'start'] as const).filter(
      (field) => !same(deployed[field], draft[field]),
    ),
  };
  const answerRef = (question: string, answer: Answer): AnswerRef => ({
    question,
    slug: answer.slug,
    label: answer.label,
  });
  for (const node of draft.nodes) {
    const old = before.get(node.id);
    if (!old || old.kind !== node.kind) {
      summary.nodesAdded.push(nodeRef(node));
      if (old) summary.nodesRemoved.push(nodeRef(old));
      continue;
    }
    if (!same(withoutAnswers(old), withoutAnswers(node))) summary.nodesChanged.push(nodeRef(node));
    if (node.kind !== 'question' || old.kind !== 'question') continue;
    const oldAnswers = new Map(old.answers.map((answer) => [answer.slug, answer]));
    const newSlugs = new Set(node.answers.map((answer) => answer.slug));
    const gone = old.answers.filter((answer) => !newSlugs.has(answer.slug));
    for (const answer of node.answers) {
      const was = oldAnswers.get(answer.slug);
      if (was) {
        if (!same(was, answer)) summary.answersChanged.push(answerRef(node.prompt, answer));
        continue;
      }
      const renamed = gone.findIndex((candidate) =>
        same({ ...candidate, slug: answer.slug }, answer),
      );
      if (renamed < 0) {
        summary.answersAdded.push(answerRef(node.prompt, answer));
        continue;
      }
      const [from] = gone.splice(renamed, 1);
      summary.answersRenamed.push({ ...answerRef(node.prompt, answer), from: from?.slug ?? '' });
    }
    for (const answer of gone) summary.answersRemoved.push(answerRef(old.prompt, answer));
  }
  for (const node of deployed.nodes) {
    if (!after.has(node.id)) summary.nodesRemoved.push(nodeRef(node));
  }
  return summary;
}

/**
 * What a draft does to the links already shared: for every step trail of the deployed
 * version, where it leads in the draft, and what the step page would tell a person who
 * opens it after publishing. Both trees must be walkable (checkDraft's `walkable`).
 */
export function treeImpact(deployed: Tree, draft: Tree): TreeImpact {
  const trails = (allStepTrails(deployed) ?? []).map((trail): TrailImpact => {
    const before = nodeRef(replayTrail(deployed, trail).node);
    const replay = replayTrail(draft, trail);
    const now = nodeRef(replay.node);
    const status = replay.problem
      ? 'invalid'
      : leadsWhereItDid(deployed, draft, trail)
        ? 'unchanged'
        : 'elsewhere';
    return { trail, before, status, now, migration: migrateTrail(deployed, draft, trail) };
  });
  return {
    summary: summariseChanges(deployed, draft),
    trails,
    versionMustRise: trails.some((trail) => trail.status !== 'unchanged'),
  };
}
