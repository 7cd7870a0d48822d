import { describe, expect, test } from 'vitest';
import { parseTrail, parseVersion, paths } from '../lib/paths';
import { replayTrail } from '../engine/replay-trail';
import { getNode } from '../engine/tree-lookup';
import { allStepTrails, countPaths, enumeratePaths, mostQuestionsFrom } from '../engine/tree-paths';
import type { Tree, TreeNode } from '../engine/tree-schema';
import { firstTrails } from '../engine/tree-walks';
import { shippedTrees } from './shipped-trees';

/**
 * Generated from the shipped tree files: every path from the start to an outcome is
 * walked answer by answer through the engine, each step opened from its URL as a fresh
 * page would, so a new branch is tested the day it is written. The browser walks every
 * path once more by clicking (e2e/walk-every-path.spec.ts); every step page is rendered
 * by the real routes in the prerender's test (src/prerender/prerender-site.test.ts).
 */

/** What a fresh page does with a step URL: read the trail and version, replay the trail. */
function openStep(tree: Tree, href: string) {
  const url = new URL(href, 'https://intranet.example');
  const [, treeId, ...rest] = url.pathname.split('/');
  expect(treeId).toBe(tree.id);
  return {
    replay: replayTrail(tree, parseTrail(rest.join('/'))),
    version: parseVersion(url.search),
  };
}

for (const tree of shippedTrees()) {
  const walks = enumeratePaths(tree);
  const longest = mostQuestionsFrom(tree, tree.start);

  describe(`every path of ${tree.id}`, () => {
    test.each(walks.map((walk) => [walk.trail.join('/'), walk] as const))('%s', (_name, walk) => {
      let node: TreeNode | undefined = getNode(tree, tree.start);
      for (const [index, slug] of walk.trail.entries()) {
        const trail = walk.trail.slice(0, index);
        const { replay, version } = openStep(
          tree,
          paths.step.getHref(tree.id, trail, tree.version),
        );
        expect(replay.problem).toBeUndefined();
        expect(replay.node).toBe(node);
        expect(version).toBe(index > 0 ? tree.version : undefined);
        if (node?.kind !== 'question')
          throw new Error(`step ${index} of ${walk.trail.join('/')} is not a question`);
        // "Question N of at most M" never promises fewer questions than are still to come.
        expect(index + mostQuestionsFrom(tree, node.id)).toBeLessThanOrEqual(longest);
        const answer = node.answers.find((candidate) => candidate.slug === slug);
        expect(answer).toBeDefined();
        node = getNode(tree, answer!.next);
      }

      expect(node).toBe(walk.outcome);
      const { replay } = openStep(tree, paths.step.getHref(tree.id, walk.trail, tree.version));
      expect(replay.problem).toBeUndefined();
      expect(replay.node).toBe(walk.outcome);
      // The outcome lists every answer, each with the trail of its Change link.
      expect(replay.steps.map((step) => [step.answer.slug, step.trailBefore])).toEqual(
        walk.trail.map((slug, index) => [slug, walk.trail.slice(0, index)]),
      );
      expect(replayTrail(tree, [...walk.trail, 'more']).problem).toEqual({
        reason: 'past-outcome',
        index: walk.trail.length,
        slug: 'more',
      });
    });

    test('the walks, steps, counts and map links agree with the graph', () => {
      expect(walks).toHaveLength(countPaths(tree));
      expect(new Set(walks.map((walk) => walk.trail.join('/'))).size).toBe(walks.length);
      // The step URLs are exactly the beginnings of the walks, each once.
      const steps = allStepTrails(tree)!.map((trail) => trail.join('/'));
      const beginnings = new Set(
        walks.flatMap((walk) =>
          walk.trail.map((_, index) => walk.trail.slice(0, index + 1).join('/')).concat(''),
        ),
      );
      expect(steps).toHaveLength(beginnings.size);
      expect(new Set(steps)).toEqual(beginnings);
      expect(longest).toBe(Math.max(...walks.map((walk) => walk.trail.length)));
      // Every node is some step, and the map links each to a walk that opens it.
      const opened = new Set(steps.map((trail) => replayTrail(tree, parseTrail(trail)).node.id));
      expect([...opened].sort()).toEqual(tree.nodes.map((node) => node.id).sort());
      const links = firstTrails(tree);
      expect([...links.keys()].sort()).toEqual([...opened].sort());
      for (const [id, trail] of links) expect(replayTrail(tree, trail).node.id).toBe(id);
    });
  });
}
