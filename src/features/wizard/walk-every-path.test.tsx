import { screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { enumeratePaths } from '../../engine/tree-paths';
import { getNode } from '../../engine/tree-lookup';
import { answerList, renderApp } from '../../testing/render-app';
import { shippedTrees } from '../../testing/shipped-trees';

/**
 * Generated from the shipped tree files: every path from the start to an outcome is
 * walked by clicking, so a new branch is tested the day it is written.
 */
for (const tree of shippedTrees()) {
  describe(`every path of ${tree.id}`, () => {
    test.each(enumeratePaths(tree).map((path) => [path.trail.join('/'), path] as const))(
      '%s',
      async (_name, path) => {
        const { user, router } = renderApp(`/${tree.id}`);
        let nodeId = tree.start;
        for (const slug of path.trail) {
          const question = getNode(tree, nodeId);
          if (question?.kind !== 'question') throw new Error(`${nodeId} is not a question`);
          await screen.findByRole('heading', { level: 1, name: question.prompt });
          const answer = question.answers.find((candidate) => candidate.slug === slug)!;
          await user.click(answerList().getByRole('link', { name: answer.label }));
          nodeId = answer.next;
        }
        expect(
          await screen.findByRole('heading', { level: 1, name: path.outcome.title }),
        ).toBeInTheDocument();
        expect(router.state.location.pathname).toBe(`/${tree.id}/${path.trail.join('/')}`);
        expect(screen.getAllByRole('link', { name: /^Change your answer to/ })).toHaveLength(
          path.trail.length,
        );
      },
    );
  });
}
