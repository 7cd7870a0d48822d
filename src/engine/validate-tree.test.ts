import { expect, test } from 'vitest';
import shippedTree from '../../public/trees/q164887.json';
import shippedIndex from '../../public/trees/index.json';
import printerV1 from '../testing/fixtures/trees/printer.v1.json';
import { makePrinterTree } from '../testing/printer-tree';
import {
  checkIndexEntry,
  validateTree,
  validateTreeFile,
  validateTreeIndex,
} from './validate-tree';

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

test('a tree file is named after its id, wherever it is read from', () => {
  expect(validateTreeFile('printer.json', printerV1)).toMatchObject({ ok: true });
  expect(validateTreeFile('public\\trees\\printer.json', printerV1)).toMatchObject({ ok: true });
  expect(validateTreeFile('trees/scanner.json', printerV1)).toEqual({
    ok: false,
    problems: [{ path: '$.id', message: 'is "printer", so the file must be named printer.json' }],
  });
});

test('an archived copy is named after its id and version, compared as written', () => {
  expect(validateTreeFile('trees/printer.v1.json', printerV1)).toMatchObject({ ok: true });
  const archivedAs = (name: string) => {
    const result = validateTreeFile(name, printerV1);
    return result.ok ? [] : result.problems;
  };
  const named = 'so an archived copy must be named printer.v1.json';
  expect(archivedAs('trees/printer.v2.json')).toEqual([
    { path: '$.version', message: `is 1, ${named}` },
  ]);
  // The app asks for exactly printer.v1.json: v01 would never be found.
  expect(archivedAs('trees/printer.v01.json')).toEqual([
    { path: '$.version', message: `is 1, ${named}` },
  ]);
  expect(archivedAs('trees/scanner.v3.json')).toEqual([
    { path: '$.id', message: `is "printer", ${named}` },
    { path: '$.version', message: `is 1, ${named}` },
  ]);
});

test.each([
  ['map', 'the map pages (/map/<tree>)'],
  ['assets', "the build's own files (/assets/, cached for a year)"],
  ['trees', 'the tree files (/trees/)'],
  ['index', 'the list of trees (trees/index.json)'],
  ['edit', 'the tree editor (/edit/<tree>)'],
  ['list', 'the pages of the list of troubleshooters (/list/<n>)'],
  ['search', "the list's search file (trees/search.json)"],
  ['api', "the server's API (/api/, docs/server.md)"],
])('a tree cannot be called "%s"', (id, reason) => {
  const result = validateTreeFile(`${id}.json`, { ...structuredClone(printerV1), id });
  expect(result).toEqual({
    ok: false,
    problems: [{ path: '$.id', message: `"${id}" is reserved for ${reason}; choose another id` }],
  });
});

test('a tree file gets the same shape and graph checks as a tree', () => {
  const tree = brokenTree((tree) => {
    const paper = tree.nodes[1]!;
    if (paper.kind === 'question') paper.answers[1]!.next = 'power';
  });
  const result = validateTreeFile('printer.json', tree);
  expect(result.ok ? [] : result.problems).toEqual(problemsOf(tree));
  expect(validateTreeFile('printer.json', [])).toEqual(validateTree([]));
});

test('an index that lists a tree twice is rejected', () => {
  const entry = { id: 'x', title: 'X', description: 'Y' };
  expect(validateTreeIndex({ trees: [entry, { ...entry, title: 'Again' }] })).toEqual({
    ok: false,
    problems: [{ path: '$.trees[1].id', message: '"x" is listed twice (also at $.trees[0])' }],
  });
});

test('an index entry must say what its tree says, field by field', () => {
  const tree = makePrinterTree();
  const entry = { id: tree.id, title: tree.title, description: tree.description };
  expect(checkIndexEntry(entry, 0, tree)).toEqual([]);
  expect(
    checkIndexEntry(
      { id: 'scanner', title: 'Another title', description: tree.description, article: 'Q1' },
      2,
      tree,
    ),
  ).toEqual([
    { path: '$.trees[2].id', message: 'is "scanner" but printer.json has "printer" at $.id' },
    {
      path: '$.trees[2].title',
      message: `is "Another title" but printer.json has ${JSON.stringify(tree.title)} at $.title`,
    },
    { path: '$.trees[2].article', message: 'is "Q1" but printer.json has no $.article.id' },
  ]);
  const withArticle = { ...tree, article: { id: 'Q164887', title: 'KB' } };
  expect(checkIndexEntry({ ...entry, article: 'Q164887' }, 0, withArticle)).toEqual([]);
});
