import fc from 'fast-check';
import { expect, test } from 'vitest';
import { checkDraft } from './check-draft';
import { cutStepExcerpt } from './step-excerpt';
import { TREE_LIMITS } from './tree-limits';
import { allStepTrails, countPaths, enumeratePaths, mostQuestionsFrom } from './tree-paths';
import type { Tree, TreeNode } from './tree-schema';
import { findLoops, firstTrails, walkOrder } from './tree-walks';
import { readTreeShape, validateTree } from './validate-tree';

// Issue 27: every graph walk keeps its own stack, so no tree, however deep, overflows the call
// stack, in the validator, the walks or the excerpt cutter. Trees are generated up to the
// limits and well beyond them (a line of up to 20,000 questions, which a recursive walk of
// about 10,000 frames could not take).

type Shape = { size: number; links: number[][] };

/**
 * A graph of `size` nodes: node i's answers lead to the nodes listed for it (taken modulo the
 * size, so loops and shared nodes occur), a node without answers is an outcome, and one answer
 * alone gets a second to the last node. `line` makes node i lead on to i + 1 first.
 */
function treeOf({ size, links }: Shape, line: boolean): Tree {
  const nodes: TreeNode[] = Array.from({ length: size }, (_, index) => {
    const targets = [
      ...(line && index + 1 < size ? [index + 1] : []),
      ...(links[index] ?? []).map((target) => target % size),
    ].slice(0, TREE_LIMITS.answers);
    if (targets.length === 0 || index === size - 1) {
      return { kind: 'outcome', id: `n${index}`, type: 'ruled-out', title: 'T', summary: 'S' };
    }
    if (targets.length === 1) targets.push(size - 1);
    return {
      kind: 'question',
      id: `n${index}`,
      prompt: 'P',
      answers: targets.map((target, answer) => ({
        slug: `a${answer}`,
        label: 'A',
        next: `n${target}`,
      })),
    };
  });
  const tree: Tree = {
    id: 'generated',
    version: 1,
    title: 'T',
    description: 'D',
    start: 'n0',
    nodes,
  };
  // A tree's shape, but for the node limit, which some are generated beyond.
  const shaped = readTreeShape(tree);
  if (!shaped.ok && shaped.problems.some((problem) => problem.path !== '$.nodes')) {
    throw new Error(JSON.stringify(shaped.problems));
  }
  return tree;
}

const shapes = (maxSize: number, maxLinks: number) =>
  fc.integer({ min: 1, max: maxSize }).chain((size) =>
    fc.record({
      size: fc.constant(size),
      links: fc.array(fc.array(fc.nat(), { maxLength: maxLinks }), {
        maxLength: Math.min(size, 400),
      }),
    }),
  );

/** Everything that walks the graph; none may throw, whatever the tree. */
function walkEverything(tree: Tree) {
  const validated = validateTree(tree);
  findLoops(tree);
  walkOrder(tree);
  checkDraft(tree);
  if (!validated.ok) return validated;
  // A valid tree: the walks that expect one, and the excerpt of its deepest first trail.
  mostQuestionsFrom(tree, tree.start);
  countPaths(tree);
  allStepTrails(tree, 2_000);
  if (countPaths(tree) <= 2_000) enumeratePaths(tree);
  const trails = [...firstTrails(tree).values()];
  const deepest = trails.reduce(
    (longest, trail) => (trail.length > longest.length ? trail : longest),
    [],
  );
  expect(cutStepExcerpt(tree, deepest).tree.nodes.length).toBeGreaterThan(0);
  return validated;
}

test('trees up to the node limit, with loops and shared nodes: no walk throws', () => {
  fc.assert(
    fc.property(shapes(TREE_LIMITS.nodes, TREE_LIMITS.answers), fc.boolean(), (shape, line) => {
      walkEverything(treeOf(shape, line));
    }),
    { numRuns: 60 },
  );
});

test('lines far deeper than any limit are refused, not overflowed', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: TREE_LIMITS.walkQuestions - 5, max: 20_000 }),
      fc.array(fc.array(fc.nat(), { maxLength: 3 }), { maxLength: 50 }),
      (size, links) => {
        const tree = treeOf({ size, links }, true);
        const result = walkEverything(tree);
        // Beyond 100 questions in a line, or 1,500 nodes, the rulebook says so.
        if (size > TREE_LIMITS.walkQuestions + 1) expect(result.ok).toBe(false);
      },
    ),
    { numRuns: 8 },
  );
});

test('the walks of a valid tree at the depth limit, and of a line of 20,000 questions', () => {
  const atLimit = treeOf({ size: TREE_LIMITS.walkQuestions + 1, links: [] }, true);
  expect(validateTree(atLimit).ok).toBe(true);
  expect(mostQuestionsFrom(atLimit, atLimit.start)).toBe(TREE_LIMITS.walkQuestions);
  expect(enumeratePaths(atLimit)).toHaveLength(TREE_LIMITS.walkQuestions + 1);
  const deepest = Array<string>(TREE_LIMITS.walkQuestions).fill('a0');
  expect(cutStepExcerpt(atLimit, deepest).tree.nodes).toHaveLength(TREE_LIMITS.walkQuestions + 1);

  // Beyond the limits: the walks still finish (the validator refuses the tree first).
  const huge = treeOf({ size: 20_000, links: [] }, true);
  expect(mostQuestionsFrom(huge, huge.start)).toBe(19_999);
  expect(countPaths(huge)).toBe(20_000);
  expect(walkOrder(huge)).toHaveLength(20_000);
  expect(findLoops(huge)).toEqual([]);
  expect(allStepTrails(huge, 100)).toBeUndefined();
  expect(validateTree(huge)).toMatchObject({ ok: false, problems: [{ path: '$.nodes' }] });
});
