// @vitest-environment node
import { expect, test } from 'vitest';
import { allStepTrails } from '../src/engine/tree-paths';
import { validateTreeFile } from '../src/engine/validate-tree';
import { bushyTree, chainTree, deepTree, fullTree } from './scale-trees.mjs';

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
  expect(steps(deepTree('deep', 100))).toBe(201);
  expect(steps(bushyTree('bushy', 6, 3))).toBe(259);
  expect(steps(chainTree('q500', 500), 5000)).toBeUndefined();
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
