import { readTreeShape, validateTree } from '../engine/validate-tree';
import type { Tree } from '../engine/tree-schema';
// One generator for every large tree: the scale benchmark's (plain JavaScript, so that Node
// runs it without a build), validated here for the tests and benchmarks that need a Tree.
import { chainTree } from '../../scripts/scale-trees.mjs';

/**
 * A chain of `questions` questions with two nodes each (the question and its "No" outcome),
 * shortcuts every third question so arrows also skip ranks: for the map's layout benchmark.
 */
export function makeLargeTree(questions = 100): Tree {
  return treeBeyondWalkLimits(chainTree('large', questions));
}

/** A generated tree that may be deeper than the walk limits allow, for stress tests. */
export function treeBeyondWalkLimits(json: unknown): Tree {
  const result = validateTree(json);
  if (result.ok) return result.value;
  // Beyond about 45 questions the chain's walks are longer than the rulebook allows a tree
  // to publish (src/engine/tree-limits.ts); the map's layout and the excerpt cutter are
  // still tested on them, as a stress above anything a published tree can be.
  const others = result.problems.filter((problem) => !WALK_LIMIT.test(problem.message));
  if (others.length > 0) throw new Error(`the large tree is invalid: ${JSON.stringify(others)}`);
  const shape = readTreeShape(json);
  if (!shape.ok) throw new Error('the large tree has no tree shape');
  return shape.value;
}

const WALK_LIMIT = /^(a walk reaches|the nodes of a walk|the address of this step)/;
