import { expect, test } from 'vitest';
import shippedTree from '../../public/trees/q164887.json';
import shippedIndex from '../../public/trees/index.json';
import printerV1 from '../testing/fixtures/trees/printer.v1.json';
import { makePrinterTree } from '../testing/printer-tree';
import { validateTree, validateTreeIndex } from './validate-tree';

function problemsOf(input: unknown) {
  const result = validateTree(input);
  if (result.ok) throw new Error('expected the tree to be rejected');
  return result.problems;
}

/** A copy of the test tree as plain JSON, to break on purpose. */
function brokenTree(edit: (tree: ReturnType<typeof makePrinterTree>) => void): unknown {
  const tree = structuredClone(makePrinterTree());
  edit(tree);
  return tree;
}

test('accepts the shipped Q164887 tree and index', () => {
  const tree = validateTree(shippedTree);
  expect(tree.ok && tree.value.id).toBe('q164887');
  const index = validateTreeIndex(shippedIndex);
  expect(index.ok && index.value.trees.map((entry) => entry.id)).toEqual(['q164887']);
});

test('accepts a valid tree and returns it unchanged', () => {
  // Against the file as written, not a validated copy: a dropped field would show.
  const result = validateTree(structuredClone(printerV1));
  expect(result).toEqual({ ok: true, value: printerV1 });
});

test.each([[null], [42], ['tree'], [[]], [true]])('rejects %j at the root', (input) => {
  expect(problemsOf(input)).toEqual([
    { path: '$', message: `must be an object, not ${JSON.stringify(input)}` },
  ]);
});

test('reports a wrong field type with its JSON path', () => {
  const problems = problemsOf(
    brokenTree((tree) => {
      (tree.nodes[0] as { prompt: unknown }).prompt = 7;
    }),
  );
  expect(problems).toEqual([{ path: '$.nodes[0].prompt', message: 'must be a string, not 7' }]);
});

test('reports a missing field, an unknown field and a bad node kind', () => {
  const problems = problemsOf(
    brokenTree((tree) => {
      delete (tree as { title?: string }).title;
      (tree as unknown as Record<string, unknown>).titel = 'typo';
      (tree.nodes[2] as { kind: string }).kind = 'answer';
    }),
  );
  expect(problems).toEqual(
    expect.arrayContaining([
      { path: '$.title', message: 'is required' },
      { path: '$.titel', message: 'is not a known field' },
      { path: '$.nodes[2].kind', message: 'kind must be "question" or "outcome"' },
    ]),
  );
});

test('reports ids and slugs that are not lower-case words with hyphens', () => {
  const problems = problemsOf(
    brokenTree((tree) => {
      tree.nodes[1]!.id = 'Paper Tray';
      const first = tree.nodes[0]!;
      if (first.kind === 'question') first.answers[0]!.slug = 'yes!';
    }),
  );
  expect(problems).toContainEqual({
    path: '$.nodes[1].id',
    message: 'must use only lower-case letters, digits and hyphens',
  });
  expect(problems).toContainEqual({
    path: '$.nodes[0].answers[0].slug',
    message: 'must use only lower-case letters, digits and hyphens',
  });
});

test('reports an empty text and a question with one answer', () => {
  const problems = problemsOf(
    brokenTree((tree) => {
      const paper = tree.nodes[1]!;
      if (paper.kind === 'question') {
        paper.prompt = '   ';
        paper.answers = paper.answers.slice(0, 1);
      }
    }),
  );
  expect(problems).toContainEqual({ path: '$.nodes[1].prompt', message: 'must not be empty' });
  expect(problems).toContainEqual({
    path: '$.nodes[1].answers',
    message: 'a question needs at least two answers',
  });
});

test('reports a duplicate node id, a missing start and a dangling answer', () => {
  const problems = problemsOf(
    brokenTree((tree) => {
      tree.start = 'nowhere';
      tree.nodes[3]!.id = 'switch-on';
      const paper = tree.nodes[1]!;
      if (paper.kind === 'question') paper.answers[1]!.next = 'missing-node';
    }),
  );
  expect(problems).toEqual(
    expect.arrayContaining([
      { path: '$.nodes[3].id', message: 'duplicate node id "switch-on" (also used by $.nodes[2])' },
      { path: '$.start', message: 'start node "nowhere" does not exist' },
      {
        path: '$.nodes[1].answers[1].next',
        message: 'answer "no-paper" of question "paper" points to missing node "missing-node"',
      },
    ]),
  );
});

test('reports a repeated answer slug and a "not sure" answer without help', () => {
  const problems = problemsOf(
    brokenTree((tree) => {
      const power = tree.nodes[0]!;
      if (power.kind === 'question') delete power.help;
      const paper = tree.nodes[1]!;
      if (paper.kind === 'question') paper.answers[1]!.slug = 'paper';
    }),
  );
  expect(problems).toEqual(
    expect.arrayContaining([
      {
        path: '$.nodes[1].answers[1].slug',
        message: 'answer slug "paper" is used twice in question "paper"',
      },
      {
        path: '$.nodes[0].help',
        message:
          'question "power" has a "not sure" answer ("power-unsure") but no help on how to check',
      },
    ]),
  );
});

test('reports a loop and names the nodes in it', () => {
  const problems = problemsOf(
    brokenTree((tree) => {
      const paper = tree.nodes[1]!;
      if (paper.kind === 'question') paper.answers[1]!.next = 'power';
    }),
  );
  expect(problems).toContainEqual({
    path: '$.nodes[1]',
    message: 'answers form a loop: power → paper → power',
  });
});

test('reports a node that cannot be reached from the start', () => {
  const problems = problemsOf(
    brokenTree((tree) => {
      const paper = tree.nodes[1]!;
      if (paper.kind === 'question') paper.answers[1]!.next = 'call-support';
    }),
  );
  expect(problems).toEqual([
    {
      path: '$.nodes[3]',
      message: 'node "add-paper" cannot be reached from the start node "power"',
    },
  ]);
});

test('rejects an index entry with a malformed article id', () => {
  const result = validateTreeIndex({
    trees: [{ id: 'x', title: 'X', description: 'Y', article: 'KB164887' }],
  });
  expect(result).toEqual({
    ok: false,
    problems: [{ path: '$.trees[0].article', message: 'must look like Q164887' }],
  });
});
