import { expect, test } from 'vitest';
import { shippedTrees } from './shipped-trees';

/**
 * One order on every question of a shipped tree: Yes, then Not sure, then No. A helpdesk
 * admin who clicks out of habit must not get the other outcome on one question.
 */
const rank = (label: string) =>
  label.startsWith('Yes') ? 0 : label === 'Not sure' ? 1 : label.startsWith('No') ? 2 : -1;

test.each(shippedTrees().map((tree) => [tree.id, tree] as const))(
  '%s lists Yes first, then Not sure, then No',
  (_id, tree) => {
    for (const node of tree.nodes) {
      if (node.kind !== 'question') continue;
      const ranks = node.answers.map((answer) => rank(answer.label));
      if (ranks.includes(-1)) continue;
      expect(ranks, node.id).toEqual([...ranks].sort((a, b) => a - b));
    }
  },
);
