import { validateTree } from '../engine/validate-tree';
import type { Tree } from '../engine/tree-schema';

const WORDS =
  'client server job service pack upgrade restart status failed log network printer'.split(' ');

/**
 * A tree of `questions` questions and as many outcomes (200 nodes for 100), built the same
 * way every time: each question has a "Yes" to the next question, a "Not sure" to the same,
 * a "No" to an outcome of its own and, every third question, a shortcut three questions on,
 * so arrows also skip ranks. Texts are a few dozen characters, like the shipped tree's.
 */
export function makeLargeTree(questions = 100): Tree {
  const word = (index: number) => WORDS[index % WORDS.length];
  const nodes: unknown[] = [];
  for (let index = 0; index < questions; index += 1) {
    const next = index + 1 < questions ? `q${index + 1}` : `end${index}`;
    const answers = [
      { slug: 'yes', label: `Yes, the ${word(index)} is ${word(index + 3)}`, next },
      { slug: 'unsure', label: 'Not sure', next, unsure: true },
      { slug: 'no', label: `No, another ${word(index + 5)}`, next: `out${index}` },
    ];
    if (index % 3 === 0 && index + 3 < questions) {
      answers.push({ slug: 'skip', label: 'It has been checked already', next: `q${index + 3}` });
    }
    nodes.push({
      kind: 'question',
      id: `q${index}`,
      prompt: `Does the ${word(index)} ${word(index + 1)} show the ${word(index + 2)} after a restart?`,
      help: ['Look at the log.'],
      answers,
    });
    nodes.push({
      kind: 'outcome',
      id: `out${index}`,
      type: 'ruled-out',
      title: `The ${word(index + 4)} is not ${word(index + 6)}`,
      summary: 'S',
    });
  }
  // The last question's "Yes" and "Not sure" lead to its "No" outcome too, which keeps the
  // count at exactly two nodes a question.
  const last = nodes[nodes.length - 1] as { id: string };
  for (const node of nodes as { answers?: { next: string }[] }[]) {
    for (const answer of node.answers ?? []) {
      if (answer.next === `end${questions - 1}`) answer.next = last.id;
    }
  }
  const result = validateTree({
    id: 'large',
    version: 1,
    title: 'Large',
    description: 'A generated tree for the layout benchmark.',
    start: 'q0',
    nodes,
  });
  if (!result.ok) throw new Error(`the large tree is invalid: ${JSON.stringify(result.problems)}`);
  return result.value;
}
