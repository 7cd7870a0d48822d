import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseTrail, parseVersion, paths } from '../lib/paths';
import { frameMessage, parseFrameMessage, parseHostMessage } from '../features/embed/protocol';
import { shippedTrees } from './shipped-trees';
import { makePrinterTree } from './printer-tree';
import { replayTrail } from '../engine/replay-trail';
import { allStepTrails, countPaths, enumeratePaths, mostQuestionsFrom } from '../engine/tree-paths';
import type { QuestionNode, Tree } from '../engine/tree-schema';
import { firstTrails } from '../engine/tree-walks';
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

// Oracles of their own: the properties below do not trust the engine's graph. Each is
// computed here another way (plain loops over the file, no shared code), so a graph check
// that stops finding problems, or a walk that loses a trail, fails a property.

type RawNode = { kind: string; id: string; answers?: { slug: string; next: string }[] };
type RawTree = { id: string; start: string; nodes: RawNode[] };

const answersOf = (tree: RawTree, id: string) =>
  tree.nodes.find((node) => node.id === id)?.answers ?? [];

/** Reachable ids: keep adding the targets of every reached node until nothing changes. */
function reachableByFixpoint(tree: RawTree): Set<string> {
  const ids = new Set(tree.nodes.map((node) => node.id));
  const reached = new Set(ids.has(tree.start) ? [tree.start] : []);
  for (let size = -1; size !== reached.size;) {
    size = reached.size;
    for (const id of [...reached])
      for (const answer of answersOf(tree, id)) if (ids.has(answer.next)) reached.add(answer.next);
  }
  return reached;
}

/** Whether a walk can loop: peel off reached nodes that lead nowhere still left; a loop never peels. */
function hasLoopByPeeling(tree: RawTree): boolean {
  const left = reachableByFixpoint(tree);
  for (let size = -1; size !== left.size;) {
    size = left.size;
    for (const id of [...left])
      if (!answersOf(tree, id).some((answer) => left.has(answer.next))) left.delete(id);
  }
  return left.size > 0;
}

/** Every step trail and the node it leads to, by an explicit stack (the engine recurses). */
function trailsByStack(tree: RawTree): { trail: string[]; id: string }[] {
  const found: { trail: string[]; id: string }[] = [];
  const stack = [{ trail: [] as string[], id: tree.start }];
  for (let step = stack.pop(); step; step = stack.pop()) {
    found.push(step);
    const { trail, id } = step;
    for (const answer of [...answersOf(tree, id)].reverse())
      stack.push({ trail: [...trail, answer.slug], id: answer.next });
  }
  return found;
}

/**
 * Small trees in the file format, with answers pointing anywhere (loops, unreachable
 * nodes) or, with `forward`, only to later nodes (no loops; the first answer goes to the
 * next node, so most nodes are reached).
 */
function rawTrees({ forward }: { forward: boolean }): fc.Arbitrary<RawTree> {
  return fc.integer({ min: 2, max: 8 }).chain((size) =>
    fc
      .array(
        fc.record({
          question: fc.boolean(),
          targets: fc.array(fc.nat({ max: size - 1 }), { minLength: 2, maxLength: 3 }),
        }),
        { minLength: size, maxLength: size },
      )
      .map((specs): RawTree => {
        const id = (index: number) => `n${index}`;
        const nodes = specs.map(({ question, targets }, index) => {
          const later = size - 1 - index;
          if (!question || (forward && later === 0))
            return { kind: 'outcome', id: id(index), type: 'diagnosis', title: 'T', summary: 'S' };
          const next = (target: number, position: number) =>
            forward ? (position === 0 ? index + 1 : index + 1 + (target % later)) : target;
          return {
            kind: 'question',
            id: id(index),
            prompt: `Q${index}?`,
            answers: targets.map((target, position) => ({
              slug: `a${position}`,
              label: `A${position}`,
              next: id(next(target, position)),
            })),
          };
        });
        return {
          id: 'generated',
          version: 1,
          title: 'T',
          description: 'D',
          start: 'n0',
          nodes,
        } as RawTree;
      }),
  );
}

const loopPattern = /^answers form a loop: (.+)$/;

test('the graph checks report exactly the unreachable nodes and loops a second computation finds', () => {
  fc.assert(
    fc.property(rawTrees({ forward: false }), (raw) => {
      const result = validateTree(raw);
      const problems = result.ok ? [] : result.problems;
      const reached = reachableByFixpoint(raw);
      const unreachable = raw.nodes.flatMap((node, index) =>
        reached.has(node.id) ? [] : [`$.nodes[${index}]`],
      );
      expect(
        problems
          .filter((problem) => problem.message.includes('cannot be reached'))
          .map((p) => p.path),
      ).toEqual(unreachable);
      const loops = problems.flatMap((problem) => {
        const ids = loopPattern.exec(problem.message)?.[1]?.split(' → ');
        return ids ? [ids] : [];
      });
      expect(loops.length > 0).toBe(hasLoopByPeeling(raw));
      for (const loop of loops) {
        // A real loop: closed, reached, and every step an answer of the file.
        expect(loop.at(0)).toBe(loop.at(-1));
        for (const [index, id] of loop.slice(0, -1).entries()) {
          expect(reached.has(id)).toBe(true);
          expect(answersOf(raw, id).map((answer) => answer.next)).toContain(loop[index + 1]);
        }
      }
      expect(problems).toHaveLength(unreachable.length + loops.length);
      expect(result.ok).toBe(unreachable.length === 0 && loops.length === 0);
    }),
    RUNS,
  );
});

test('an accepted tree has the step trails, counts and first trails a second walk finds', () => {
  fc.assert(
    fc.property(rawTrees({ forward: true }), (raw) => {
      expect(hasLoopByPeeling(raw)).toBe(false);
      const result = validateTree(raw);
      expect(result.ok).toBe(reachableByFixpoint(raw).size === raw.nodes.length);
      if (!result.ok) return;
      const tree = result.value;
      const expected = trailsByStack(raw);
      expect(allStepTrails(tree)).toEqual(expected.map((step) => step.trail));
      const outcomes = expected.filter((step) => answersOf(raw, step.id).length === 0);
      expect(countPaths(tree)).toBe(outcomes.length);
      expect(enumeratePaths(tree).map((path) => [path.trail, path.outcome.id])).toEqual(
        outcomes.map((step) => [step.trail, step.id]),
      );
      expect(mostQuestionsFrom(tree, tree.start)).toBe(
        Math.max(...outcomes.map((step) => step.trail.length)),
      );
      const shortest = new Map<string, number>();
      for (const { trail, id } of expected) {
        shortest.set(id, Math.min(trail.length, shortest.get(id) ?? Infinity));
        const replay = replayTrail(tree, trail);
        expect(replay.problem).toBeUndefined();
        expect(replay.node.id).toBe(id);
      }
      const first = firstTrails(tree);
      expect([...first.keys()].sort()).toEqual([...shortest.keys()].sort());
      for (const [id, trail] of first) {
        expect(trail).toHaveLength(shortest.get(id)!);
        expect(replayTrail(tree, trail).node.id).toBe(id);
      }
    }),
    RUNS,
  );
});

/** A step of a real tree: a question, the trail to it, and where one of its answers is. */
function questionSteps(tree: Tree) {
  return (allStepTrails(tree) ?? []).flatMap((trail) => {
    const replay = replayTrail(tree, trail);
    return replay.node.kind === 'question' ? [{ trail, replay }] : [];
  });
}

test('a defect put into a real tree is reported where it was put', () => {
  const cases = trees.map((tree) => ({ tree, steps: questionSteps(tree) }));
  const defect = fc.constantFrom(...cases).chain(({ tree, steps }) =>
    fc.record({
      tree: fc.constant(tree),
      step: fc.constantFrom(...steps),
      answer: fc.nat(),
      other: fc.nat({ max: tree.nodes.length - 1 }),
      kind: fc.constantFrom('loop', 'dangling', 'orphan', 'duplicate'),
    }),
  );
  fc.assert(
    fc.property(defect, ({ tree, step, answer, other, kind }) => {
      const broken = structuredClone(tree);
      const question = step.replay.node as QuestionNode;
      const nodeIndex = tree.nodes.findIndex((node) => node.id === question.id);
      const answerIndex = answer % question.answers.length;
      const changed = (broken.nodes[nodeIndex] as QuestionNode).answers[answerIndex]!;
      const problemsOf = () => {
        const result = validateTree(broken);
        return result.ok ? [] : result.problems;
      };

      if (kind === 'loop') {
        // Back to a question asked on the way here, or to this one.
        const asked = [...step.replay.steps.map((done) => done.question.id), question.id];
        changed.next = asked[answer % asked.length]!;
        const loop = problemsOf().find((problem) => loopPattern.test(problem.message));
        expect(loop?.message).toContain(`${question.id} → ${changed.next}`);
      } else if (kind === 'dangling') {
        changed.next = 'nowhere';
        expect(problemsOf()).toContainEqual({
          path: `$.nodes[${nodeIndex}].answers[${answerIndex}].next`,
          message: `answer "${changed.slug}" of question "${question.id}" points to missing node "nowhere"`,
        });
      } else if (kind === 'orphan') {
        broken.nodes.push({ ...broken.nodes[other]!, id: 'orphan' });
        expect(problemsOf()).toEqual([
          {
            path: `$.nodes[${tree.nodes.length}]`,
            message: `node "orphan" cannot be reached from the start node "${tree.start}"`,
          },
        ]);
      } else {
        fc.pre(other !== nodeIndex);
        broken.nodes[other]!.id = question.id;
        expect(problemsOf()).toContainEqual({
          path: `$.nodes[${Math.max(other, nodeIndex)}].id`,
          message: `duplicate node id "${question.id}" (also used by $.nodes[${Math.min(other, nodeIndex)}])`,
        });
      }
    }),
    RUNS,
  );
});

test('the validator never throws, and what it accepts has no loop and reaches every node', () => {
  fc.assert(
    fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (value) => {
      const result = validateTree(value);
      if (!result.ok) {
        expect(result.problems.length).toBeGreaterThan(0);
        return;
      }
      const raw = result.value as RawTree;
      expect(reachableByFixpoint(raw).size).toBe(raw.nodes.length);
      expect(hasLoopByPeeling(raw)).toBe(false);
    }),
    RUNS,
  );
});

test('a tree with one answer sent anywhere is accepted exactly when a second computation finds it sound', () => {
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
        const raw = tree as RawTree;
        const resolves = raw.nodes.every((node) =>
          (node.answers ?? []).every((answer) => ids.includes(answer.next)),
        );
        const sound =
          resolves && reachableByFixpoint(raw).size === raw.nodes.length && !hasLoopByPeeling(raw);
        const result = validateTree(tree);
        expect(result.ok).toBe(sound);
        if (!result.ok)
          expect(result.problems.every((problem) => problem.path.startsWith('$'))).toBe(true);
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
