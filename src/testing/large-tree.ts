import { validateTree } from '../engine/validate-tree';
import type { Tree } from '../engine/tree-schema';
// One generator for every large tree: the scale benchmark's (plain JavaScript, so that Node
// runs it without a build), validated here for the tests and benchmarks that need a Tree.
import { chainTree } from '../../scripts/scale-trees.mjs';

/**
 * A chain of `questions` questions with two nodes each (the question and its "No" outcome),
 * shortcuts every third question so arrows also skip ranks: for the map's layout benchmark.
 */
export function makeLargeTree(questions = 100): Tree {
  const result = validateTree(chainTree('large', questions));
  if (!result.ok) throw new Error(`the large tree is invalid: ${JSON.stringify(result.problems)}`);
  return result.value;
}
