import fc from 'fast-check';
import { expect, test } from 'vitest';
import { getNode } from '../../engine/tree-lookup';
import type { Tree, TreeNode } from '../../engine/tree-schema';
import { buildOutline, planOutline, type OutlineEntry } from './map-outline';

// Issue 27: every graph walk keeps its own stack. The map's list is built depth first without
// recursion, and lists exactly what the recursive walk it replaced listed.

/** The list as the recursive walk built it: the reference. */
function recursiveOutline(tree: Tree): OutlineEntry {
  const shown = new Set<string>();
  const entry = (id: string, from: OutlineEntry['from']): OutlineEntry => {
    const node = getNode(tree, id);
    if (!node || node.kind === 'outcome') return { id, repeat: false, from };
    if (shown.has(id)) return { id, repeat: true, from };
    shown.add(id);
    const listed: OutlineEntry = { id, repeat: false, from, answers: [] };
    listed.answers = node.answers.map((answer) => ({
      slug: answer.slug,
      label: answer.label,
      entry: entry(answer.next, { question: listed, label: answer.label }),
    }));
    return listed;
  };
  return entry(tree.start, undefined);
}

/** The list as text, one line an entry, so that two lists compare without their cycles. */
function lines(root: OutlineEntry): string[] {
  const out: string[] = [];
  const stack: [OutlineEntry, number, string][] = [[root, 0, '']];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [entry, depth, label] = top;
    out.push(
      `${depth} ${label} ${entry.id}${entry.repeat ? ' (again)' : ''} ${entry.from?.question.id ?? '-'}`,
    );
    for (const answer of [...(entry.answers ?? [])].reverse())
      stack.push([answer.entry, depth + 1, answer.label]);
  }
  return out;
}

function treeOf(size: number, links: number[][], line: boolean): Tree {
  const nodes: TreeNode[] = Array.from({ length: size }, (_, index) => {
    const targets = [
      ...(line && index + 1 < size ? [index + 1] : []),
      ...(links[index] ?? []).map((target) => target % size),
    ].slice(0, 10);
    if (targets.length === 0 || index === size - 1)
      return { kind: 'outcome', id: `n${index}`, type: 'ruled-out', title: 'T', summary: 'S' };
    return {
      kind: 'question',
      id: `n${index}`,
      prompt: `P${index}`,
      answers: targets.map((target, answer) => ({
        slug: `a${answer}`,
        label: `A${answer}`,
        next: `n${target}`,
      })),
    };
  });
  return { id: 'g', version: 1, title: 'T', description: 'D', start: 'n0', nodes };
}

test('the list is the one the recursive walk made, for trees with loops and shared questions', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 300 }),
      fc.array(fc.array(fc.nat(), { maxLength: 4 }), { maxLength: 300 }),
      fc.boolean(),
      (size, links, line) => {
        const tree = treeOf(size, links, line);
        expect(lines(buildOutline(tree))).toEqual(lines(recursiveOutline(tree)));
      },
    ),
    { numRuns: 100 },
  );
});

test('a line of 20,000 questions is listed without overflowing the stack, and a long one planned in parts', () => {
  const tree = treeOf(20_000, [], true);
  expect(() => recursiveOutline(tree)).toThrow(RangeError);
  expect(lines(buildOutline(tree))).toHaveLength(20_000);
  // Planned in parts too (its trails make a longer line slow rather than deep).
  expect(planOutline(treeOf(2_000, [], true)).parts.length).toBeGreaterThan(1);
});
