import type { Tree, TreeNode } from './tree-schema';

/**
 * Two copies of one draft saved apart (two tabs, two people): what differs between them, part
 * by part, so that a person can keep each part from either side and lose nothing. A part is
 * one of the tree's own fields (title, description, …) or one question or outcome, by id.
 */
export type DraftPart = `field:${string}` | `node:${string}`;

export type DraftDifference = {
  part: DraftPart;
  /** What the part is, in the author's words ("Title", "Question “Is it on?”"). */
  label: string;
  /** Each side as a person reads it; undefined when that side has no such question. */
  mine: string | undefined;
  theirs: string | undefined;
  /** The side that changed it since both started (from the common base), else mine. */
  suggested: 'mine' | 'theirs';
  /** Both sides changed it since the base: the person has to choose. */
  both: boolean;
};

export type Choice = 'mine' | 'theirs';

const FIELD_LABELS: Record<string, string> = {
  id: 'Id',
  title: 'Title',
  description: 'Description',
  article: 'Knowledge Base article',
  start: 'First question',
};

/**
 * Fields that are not the author's to choose: `$schema` is the file's, and `version` follows
 * the published version a copy is based on (the higher of the two is kept: mergeDrafts).
 */
const NOT_PARTS = new Set(['$schema', 'version']);

/** Objects with their keys in one order: a copy read back from the database has its own. */
const sortedKeys = (_key: string, value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : value;
const same = (a: unknown, b: unknown) =>
  JSON.stringify(a, sortedKeys) === JSON.stringify(b, sortedKeys);

type Fields = Omit<Tree, 'nodes'>;
const fieldsOf = ({ nodes: _nodes, ...fields }: Tree): Record<string, unknown> => fields;

function nodeTitle(node: TreeNode): string {
  return node.kind === 'question'
    ? `Question “${node.prompt || node.id}”`
    : `Outcome “${node.title || node.id}”`;
}

/** A question or outcome as text, one line a field, so that two can be read side by side. */
export function describeNode(node: TreeNode): string {
  if (node.kind === 'question') {
    return [
      `Question: ${node.prompt}`,
      ...(node.intro ? [`Introduction: ${node.intro}`] : []),
      ...(node.help ?? []).map((line) => `How to check: ${line}`),
      ...node.answers.map(
        (answer, index) =>
          `Answer ${index + 1}: ${answer.label} (address ${answer.slug}) leads to ${answer.next || 'nothing yet'}`,
      ),
    ].join('\n');
  }
  return [
    `Outcome: ${node.title}`,
    `Summary: ${node.summary}`,
    ...(node.cause ? [`Cause: ${node.cause}`] : []),
    ...(node.sections ?? []).map(
      (section) =>
        `Section “${section.heading}”: ${[
          ...(section.paragraphs ?? []),
          ...(section.steps ?? []),
          ...(section.items ?? []),
        ].join(' / ')}`,
    ),
  ].join('\n');
}

function fieldText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value === 'object' && value && 'id' in value && 'title' in value) {
    const article = value as { id: string; title: string };
    return `${article.id}: ${article.title}`;
  }
  return JSON.stringify(value);
}

function suggestion(mine: unknown, theirs: unknown, base: unknown, hasBase: boolean) {
  if (!hasBase) return { suggested: 'mine' as const, both: true };
  const mineChanged = !same(mine, base);
  const theirsChanged = !same(theirs, base);
  return {
    suggested: theirsChanged && !mineChanged ? ('theirs' as const) : ('mine' as const),
    both: mineChanged && theirsChanged,
  };
}

/**
 * Every part in which `mine` and `theirs` differ, tree fields first, then questions and
 * outcomes in the order of `theirs` (with those only in `mine` after). `base` is the copy both
 * started from, when known: a part only one side changed is suggested from that side.
 */
export function draftDifferences(mine: Tree, theirs: Tree, base?: Tree): DraftDifference[] {
  const differences: DraftDifference[] = [];
  const [mineFields, theirFields, baseFields] = [mine, theirs, base].map((tree) =>
    tree ? fieldsOf(tree) : undefined,
  );
  const keys = new Set([...Object.keys(mineFields ?? {}), ...Object.keys(theirFields ?? {})]);
  for (const key of keys) {
    if (NOT_PARTS.has(key)) continue;
    const [a, b] = [mineFields?.[key], theirFields?.[key]];
    if (same(a, b)) continue;
    differences.push({
      part: `field:${key}`,
      label: FIELD_LABELS[key] ?? key,
      mine: fieldText(a),
      theirs: fieldText(b),
      ...suggestion(a, b, baseFields?.[key], base !== undefined),
    });
  }
  const mineNodes = new Map(mine.nodes.map((node) => [node.id, node]));
  const theirNodes = new Map(theirs.nodes.map((node) => [node.id, node]));
  const baseNodes = new Map(base?.nodes.map((node) => [node.id, node]));
  const ids = [...new Set([...theirNodes.keys(), ...mineNodes.keys()])];
  for (const id of ids) {
    const [a, b] = [mineNodes.get(id), theirNodes.get(id)];
    if (same(a, b)) continue;
    const shown = (a ?? b) as TreeNode;
    differences.push({
      part: `node:${id}`,
      label: nodeTitle(shown),
      mine: a ? describeNode(a) : undefined,
      theirs: b ? describeNode(b) : undefined,
      ...suggestion(a, b, baseNodes.get(id), base !== undefined),
    });
  }
  return differences;
}

/**
 * One tree from both sides: each differing part from the side chosen for it (a part missing
 * on the chosen side is left out), every other part as both have it. Questions and outcomes
 * keep the order of `theirs`, with those kept only from `mine` after them.
 */
export function mergeDrafts(mine: Tree, theirs: Tree, choices: Record<string, Choice>): Tree {
  const pick = <T>(part: string, a: T, b: T): T => (choices[part] === 'theirs' ? b : a);
  const mineFields = fieldsOf(mine);
  const theirFields = fieldsOf(theirs);
  const fields: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(mineFields), ...Object.keys(theirFields)])) {
    const value = pick(`field:${key}`, mineFields[key], theirFields[key]);
    if (value !== undefined) fields[key] = value;
  }
  const mineNodes = new Map(mine.nodes.map((node) => [node.id, node]));
  const theirNodes = new Map(theirs.nodes.map((node) => [node.id, node]));
  const nodes: TreeNode[] = [];
  for (const id of new Set([...theirNodes.keys(), ...mineNodes.keys()])) {
    const node = pick(`node:${id}`, mineNodes.get(id), theirNodes.get(id));
    if (node) nodes.push(node);
  }
  return { ...(fields as Fields), version: Math.max(mine.version, theirs.version), nodes };
}

/**
 * Whether two copies hold the same troubleshooter as an author reads it: no part to choose
 * between them (the version number aside). A draft that is the same as a published version
 * is that version, not a change to it (docs/decisions/0061-a-publish-settles-its-drafts.md).
 */
export function sameContent(a: Tree, b: Tree): boolean {
  return draftDifferences(a, b).length === 0;
}

/** A copy brought up to date with a later one: the merged tree, and the parts both changed. */
export type UpToDate = {
  tree: Tree;
  conflicts: DraftDifference[];
  /** The parts the merged tree takes from `theirs` alone (to say what came in). */
  fromTheirs: DraftDifference[];
};

/**
 * `mine` brought up to date with `theirs`, both made from `base` (a three-way merge, by the
 * comparison's own rules): each part only one side changed since the base comes from that
 * side, so neither side's change is undone. A part both changed, differently, is a conflict
 * that a person settles (in the editor's comparison): until then the tree holds it as `theirs`
 * has it, so that it shows what merges cleanly. Without a base every differing part is a
 * conflict. Used by the review of a submission whose base is
 * older than the live version (docs/decisions/0063-a-submission-brought-up-to-date.md), and
 * by a draft's save that another copy overtook (mergeWithoutAsking).
 */
export function bringUpToDate(mine: Tree, theirs: Tree, base: Tree | undefined): UpToDate {
  const differences = draftDifferences(mine, theirs, base);
  const tree = mergeDrafts(
    mine,
    theirs,
    Object.fromEntries(
      differences.map((difference) => [
        difference.part,
        difference.both ? 'theirs' : difference.suggested,
      ]),
    ),
  );
  return {
    tree,
    conflicts: differences.filter((difference) => difference.both),
    fromTheirs: differences.filter(
      (difference) => !difference.both && difference.suggested === 'theirs',
    ),
  };
}

/**
 * Two copies that both changed `base`, but never the same part: one tree with each side's
 * changes, and the parts taken from `theirs`. Undefined when a part was changed on both
 * sides: then a person chooses (DraftConflict). Without a base nothing tells one side's
 * change from the other's, so there is no merge without asking either
 * (docs/decisions/0065-drafts-merge-changes-to-different-parts.md).
 */
export function mergeWithoutAsking(
  mine: Tree,
  theirs: Tree,
  base: Tree | undefined,
): { tree: Tree; fromTheirs: DraftDifference[] } | undefined {
  if (!base) return undefined;
  const { tree, conflicts, fromTheirs } = bringUpToDate(mine, theirs, base);
  return conflicts.length === 0 ? { tree, fromTheirs } : undefined;
}
