// @vitest-environment node
import { expect, test } from 'vitest';
import { allStepTrails } from '../src/engine/tree-paths';
import { validateTreeFile } from '../src/engine/validate-tree';
import { LIST_LIMITS, TEXT_LIMITS, TREE_LIMITS } from '../src/engine/tree-limits';
import {
  bushyTree,
  chainTree,
  deepestTree,
  deepTree,
  fullTree,
  longTitleTree,
  mostNodesTree,
  walkBytesTree,
} from './scale-trees.mjs';

// The bench's scenarios are described by their step counts; these keep the descriptions true
// and the trees valid by the prerender's own rulebook.
const steps = (json: unknown, limit = Infinity) => {
  const tree = json as { id: string };
  const result = validateTreeFile(`trees/${tree.id}.json`, json);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return allStepTrails(result.value, limit)?.length;
};

test('each shape has the steps the bench says it has', () => {
  expect(steps(chainTree('small-1', 2))).toBe(10);
  expect(steps(chainTree('pages-1', 10))).toBe(4190);
  expect(steps(deepTree('deep', 60))).toBe(121);
  expect(steps(bushyTree('bushy', 6, 3))).toBe(259);
  expect(steps(chainTree('walks', 40), 5000)).toBeUndefined();
  expect(steps(fullTree('q511', 9))).toBe(1023);
});

test('trees of the same shape have titles of their own', () => {
  const titles = new Set(Array.from({ length: 1000 }, (_, i) => chainTree(`small-${i}`, 2).title));
  expect(titles.size).toBeGreaterThan(990);
});

test('the full tree has 511 questions and 512 results, with text that varies from node to node', () => {
  type Node = { kind: string; prompt: string; answers: { label: string }[] };
  const tree = fullTree('q511', 9) as { nodes: Node[] };
  const questions = tree.nodes.filter((node) => node.kind === 'question');
  expect(questions).toHaveLength(511);
  expect(tree.nodes).toHaveLength(1023);
  expect(new Set(questions.map((node) => node.prompt)).size).toBe(511);
  // As long as the shipped tree's prompts (49–71 characters) and labels (8–49).
  for (const node of questions) {
    expect(node.prompt.length).toBeGreaterThan(45);
    expect(node.prompt.length).toBeLessThan(110);
    for (const answer of node.answers) expect(answer.label.length).toBeLessThan(60);
  }
});

const LIMITS = { ...TREE_LIMITS, text: TEXT_LIMITS, lists: LIST_LIMITS };

// The bench's worst cases are only worth their name if the rulebook accepts them and they are
// at its limits: one byte or one question more would be refused.
test('the largest trees the rulebook accepts are accepted, each at its limit', () => {
  type Node = { id: string; kind: string; answers?: { next: string }[] };
  const walkBytes = (json: unknown) => {
    const tree = json as { start: string; nodes: Node[] };
    const byId = new Map(tree.nodes.map((node) => [node.id, node]));
    const memo = new Map<string, number>();
    const from = (id: string): number => {
      const known = memo.get(id);
      if (known !== undefined) return known;
      const node = byId.get(id) as Node;
      const ahead = Math.max(0, ...(node.answers ?? []).map((answer) => from(answer.next)));
      const total = Buffer.byteLength(JSON.stringify(node)) + ahead;
      memo.set(id, total);
      return total;
    };
    return from(tree.start);
  };
  for (const json of [
    walkBytesTree('walk-outcome', LIMITS, 'outcome'),
    walkBytesTree('walk-question', LIMITS, 'question'),
    walkBytesTree('walk-ten-outcome', LIMITS, 'outcome', 10),
    walkBytesTree('walk-unsure', LIMITS, 'outcome', 2, true),
  ]) {
    expect(steps(json)).toBeGreaterThan(0);
    expect(walkBytes(json)).toBeGreaterThan(TREE_LIMITS.walkBytes - 100);
  }
  const deepest = deepestTree('deepest', LIMITS) as { nodes: Node[] };
  expect(steps(deepest)).toBe(2 * TREE_LIMITS.walkQuestions + 1);
  expect(walkBytes(deepest)).toBeGreaterThan(TREE_LIMITS.walkBytes - 200);
  const list = longTitleTree('list-1', LIMITS) as { title: string; description: string };
  expect(steps(list)).toBe(3);
  expect(Buffer.byteLength(list.title)).toBe(TEXT_LIMITS.treeTitle);
  expect(Buffer.byteLength(list.description)).toBe(TEXT_LIMITS.description);
  const most = mostNodesTree('most-nodes', LIMITS) as { nodes: Node[] };
  expect(most.nodes).toHaveLength(TREE_LIMITS.nodes);
  expect(steps(most)).toBe(TREE_LIMITS.nodes);
  // Every name the map shows at its longest: the file stays within its limit anyway.
  expect(Buffer.byteLength(JSON.stringify(most))).toBeLessThanOrEqual(TREE_LIMITS.fileBytes);
  const first = most.nodes[0] as unknown as { prompt: string; answers: { label: string }[] };
  expect(first.prompt).toHaveLength(TEXT_LIMITS.prompt);
  expect(first.answers).toHaveLength(TREE_LIMITS.answers);
});
