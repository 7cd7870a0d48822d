import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseTrail, parseVersion, paths } from '../lib/paths';
import { frameMessage, parseFrameMessage, parseHostMessage } from '../features/embed/protocol';
import { shippedTrees } from './shipped-trees';
import { makePrinterTree } from './printer-tree';
import { checkTreeGraph } from '../engine/graph-checks';
import { replayTrail } from '../engine/replay-trail';
import { allStepTrails } from '../engine/tree-paths';
import type { Tree } from '../engine/tree-schema';
import { validateTree } from '../engine/validate-tree';

// At least 1,000 runs per property (issue #8); fast-check shrinks any failure it finds.
const RUNS = { numRuns: 1000 };

const trees: Tree[] = [...shippedTrees(), makePrinterTree()];

test('any path and query decode to a screen: a question, an outcome, or a clear problem', () => {
  const tree = trees[0]!;
  const segment = fc.oneof(
    fc.constantFrom(
      ...tree.nodes.flatMap((node) =>
        node.kind === 'question' ? node.answers.map((a) => a.slug) : [],
      ),
    ),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
  );
  fc.assert(
    fc.property(
      fc.oneof(
        fc.webPath(),
        fc.array(segment, { maxLength: 30 }).map((parts) => parts.join('/')),
      ),
      fc.webQueryParameters(),
      (splat, query) => {
        const replay = replayTrail(tree, parseTrail(splat));
        expect(['question', 'outcome']).toContain(replay.node.kind);
        if (replay.problem)
          expect(['unknown-answer', 'past-outcome']).toContain(replay.problem.reason);
        const version = parseVersion(`?${query}`);
        expect(version === undefined || (Number.isInteger(version) && version > 0)).toBe(true);
      },
    ),
    RUNS,
  );
});

test('every valid trail of every tree survives encoding into a URL and back', () => {
  for (const tree of trees) {
    for (const trail of allStepTrails(tree) ?? []) {
      const href = paths.step.getHref(tree.id, trail, tree.version);
      const url = new URL(href, 'https://intranet.example');
      const [, treeId, ...rest] = url.pathname.split('/');
      expect(treeId).toBe(tree.id);
      expect(parseTrail(rest.join('/'))).toEqual(trail);
      expect(parseVersion(url.search)).toBe(trail.length > 0 ? tree.version : undefined);
      expect(replayTrail(tree, parseTrail(rest.join('/'))).problem).toBeUndefined();
    }
  }
});

test('the validator never throws, and any tree it accepts passes the graph checks', () => {
  fc.assert(
    fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (value) => {
      const result = validateTree(value);
      if (result.ok) expect(checkTreeGraph(result.value)).toEqual([]);
      else expect(result.problems.length).toBeGreaterThan(0);
    }),
    RUNS,
  );
});

test('trees mutated at random are accepted only when their graph is sound', () => {
  const base = trees[1]!;
  const ids = base.nodes.map((node) => node.id);
  fc.assert(
    fc.property(
      fc.nat({ max: base.nodes.length - 1 }),
      fc.constantFrom(...ids, 'nowhere', 'Bad Id'),
      (index, next) => {
        const tree = structuredClone(base);
        const node = tree.nodes[index];
        if (node?.kind === 'question' && node.answers[0]) node.answers[0].next = next;
        const result = validateTree(tree);
        if (result.ok) expect(checkTreeGraph(result.value)).toEqual([]);
        else expect(result.problems.every((problem) => problem.path.startsWith('$'))).toBe(true);
      },
    ),
    RUNS,
  );
});

test('both sides of the embed ignore any payload that is not exactly the protocol', () => {
  fc.assert(
    fc.property(fc.anything(), (data) => {
      const frame = parseFrameMessage(data);
      if (frame) expect(parseFrameMessage(structuredClone(frame))).toEqual(frame);
      const host = parseHostMessage(data);
      if (host) expect(host.type).toBe('restart');
    }),
    RUNS,
  );
  // Near misses: the right envelope with random fields.
  fc.assert(
    fc.property(
      fc.record({
        type: fc.constantFrom('ready', 'step', 'outcome', 'resize', 'feedback', 'restart', 'other'),
      }),
      fc.dictionary(fc.string(), fc.anything()),
      (head, fields) => {
        const data = {
          ...fields,
          protocol: 'troubleshooter-embed',
          version: 1,
          frameId: 't1-abc',
          ...head,
        };
        const frame = parseFrameMessage(data);
        const host = parseHostMessage(data);
        // Whatever is accepted is of a kind that side knows, and only that.
        if (frame) expect(['ready', 'step', 'outcome', 'resize', 'feedback']).toContain(head.type);
        if (host) expect(head.type).toBe('restart');
      },
    ),
    RUNS,
  );
});

const typeOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

test('a message the frame sends, with any one field missing or of another type, is ignored', () => {
  const answers = [{ question: 'Q?', answer: 'Yes', unconfirmed: false }];
  const messages = [
    frameMessage('t1-abc', { type: 'ready', tree: 'q164887', title: 'T' }),
    frameMessage('t1-abc', { type: 'resize', height: 300 }),
    frameMessage('t1-abc', {
      type: 'step',
      tree: 'q164887',
      stepId: 'repeats',
      question: 'Q?',
      answers,
      url: 'u',
    }),
    frameMessage('t1-abc', {
      type: 'outcome',
      tree: 'q164887',
      outcomeId: 'diagnosis',
      kind: 'diagnosis',
      title: 'T',
      article: 'Q164887',
      answers,
      url: 'u',
    }),
    frameMessage('t1-abc', {
      type: 'feedback',
      tree: 'q164887',
      outcomeId: 'diagnosis',
      solved: true,
      url: 'u',
    }),
  ];
  for (const message of messages) expect(parseFrameMessage(message)).toEqual(message);
  fc.assert(
    fc.property(
      fc.constantFrom(...messages),
      fc.nat(),
      fc.option(fc.anything(), { nil: undefined }),
      (message, pick, value) => {
        const keys = Object.keys(message);
        const key = keys[pick % keys.length]!;
        const original = (message as Record<string, unknown>)[key];
        // `article` may also be null.
        fc.pre(typeOf(value) !== typeOf(original) && !(key === 'article' && value === null));
        const fields = Object.fromEntries(
          Object.entries(message)
            .map(([name, field]) => [name, name === key ? value : field])
            .filter(([, field]) => field !== undefined),
        );
        expect(parseFrameMessage(fields)).toBeUndefined();
      },
    ),
    RUNS,
  );
});
