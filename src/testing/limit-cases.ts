import { LIST_LIMITS, TEXT_LIMITS, TREE_LIMITS, utf8Length } from '../engine/tree-limits';

// The inputs of issue 27's table test, as the text of a file `t.json`: each hostile input the
// attack review found, and every limit at its value and one beyond. `refusedAt` is the JSON
// path the rulebook must name; without it, the file must be accepted. Each limit is tried one
// under, at, and one over its value.

export type LimitCase = { name: string; text: string; refusedAt?: string };

type Json = Record<string, unknown>;
type Node = Json & { id: string };

const question = (id: string, answers: Json[], fields: Json = {}): Node => ({
  kind: 'question',
  id,
  prompt: 'P',
  ...fields,
  answers,
});
const outcome = (id: string, fields: Json = {}): Node => ({
  kind: 'outcome',
  id,
  type: 'diagnosis',
  title: 'O',
  summary: 'S',
  ...fields,
});

function tree(nodes: Node[], fields: Json = {}): Json {
  return { id: 't', version: 1, title: 'T', description: 'D', start: 'q', ...fields, nodes };
}

/** The smallest tree: a question with two answers to one outcome. */
function small(questionFields: Json = {}, outcomeFields: Json = {}, treeFields: Json = {}) {
  return tree(
    [
      question(
        'q',
        [
          { slug: 'a', label: 'A', next: 'o' },
          { slug: 'b', label: 'B', next: 'o' },
        ],
        questionFields,
      ),
      outcome('o', outcomeFields),
    ],
    treeFields,
  );
}

/** A line of questions, `q` first: each "a" answer goes on, each "b" to the outcome. */
function line(questions: number, slugs: (index: number) => string = () => 'a') {
  const id = (index: number) => (index === 0 ? 'q' : `q${index}`);
  const nodes = Array.from({ length: questions }, (_, index) =>
    question(id(index), [
      { slug: slugs(index), label: 'A', next: index + 1 < questions ? id(index + 1) : 'o' },
      { slug: 'b', label: 'B', next: 'o' },
    ]),
  );
  return tree([...nodes, outcome('o')]);
}

/** `count` nodes, each question with up to ten answers, breadth first, within every walk limit. */
function manyNodes(count: number) {
  const nodes: Node[] = [question('q', [])];
  const id = (index: number) => (index === 0 ? 'q' : `n${index}`);
  for (let parent = 0; nodes.length < count; parent += 1) {
    const answers = (nodes[parent] as unknown as { answers: Json[] }).answers;
    while (answers.length < TREE_LIMITS.answers && nodes.length < count) {
      answers.push({ slug: `a${answers.length}`, label: 'A', next: id(nodes.length) });
      nodes.push(question(id(nodes.length), []));
    }
  }
  // Questions without answers become outcomes; one with a single answer gets a second.
  return tree(
    nodes.map((node) => {
      const answers = node.answers as Json[];
      if (answers.length === 0) return outcome(node.id);
      if (answers.length === 1) answers.push({ slug: 'z', label: 'Z', next: answers[0]?.next });
      return node;
    }),
  );
}

/** The smallest tree with its outcome grown to make the walk exactly `bytes` long. */
function walkOf(bytes: number) {
  const json = small({}, { sections: [{ heading: 'H', paragraphs: [] as string[] }] });
  const nodes = json.nodes as Node[];
  const end = nodes[1] as unknown as { sections: { paragraphs: string[] }[] };
  const walk = () => nodes.reduce((sum, node) => sum + utf8Length(JSON.stringify(node)), 0);
  // Paragraphs of x, a section of them at a time, the last one as long as the room left.
  while (walk() < bytes) {
    let list = end.sections.at(-1)?.paragraphs ?? [];
    if (list.length === LIST_LIMITS.entries) {
      list = [];
      end.sections.push({ heading: 'H', paragraphs: list } as { paragraphs: string[] });
    }
    list.push('x');
    const room = bytes - walk();
    list[list.length - 1] = 'x'.repeat(Math.min(TEXT_LIMITS.entry, room + 1));
  }
  return json;
}

/** A line whose deepest address (`/t/<slug>/…?v=1`) is exactly `length` characters. */
function addressOf(length: number) {
  const questions = 32;
  const segments = length - '/t?v=1'.length;
  const base = Math.floor(segments / questions);
  const extra = segments % questions;
  // Each segment is "/" and a slug; the slug's first letter keeps it apart from "b".
  return line(questions, (index) => 'a'.repeat(base - 1 + (index < extra ? 1 : 0)));
}

const text = (json: unknown) => JSON.stringify(json);
const x = (length: number) => 'x'.repeat(length);

function atAndBeyond(
  name: string,
  limit: number,
  make: (value: number) => unknown,
  refusedAt: string,
): LimitCase[] {
  return [
    { name: `${name} at ${limit - 1}`, text: text(make(limit - 1)) },
    { name: `${name} at ${limit}`, text: text(make(limit)) },
    { name: `${name} at ${limit + 1}`, text: text(make(limit + 1)), refusedAt },
  ];
}

/** A text field set to `value` in the smallest tree. */
const textField: Record<keyof typeof TEXT_LIMITS, [string, (value: string) => unknown]> = {
  title: ['$.nodes[1].title', (value) => small({}, { title: value })],
  treeTitle: ['$.title', (value) => small({}, {}, { title: value })],
  description: ['$.description', (value) => small({}, {}, { description: value })],
  articleId: [
    '$.article.id',
    (value) =>
      small({}, {}, { article: { id: `Q${value.replace(/x/g, '1').slice(1)}`, title: 'A' } }),
  ],
  articleTitle: [
    '$.article.title',
    (value) => small({}, {}, { article: { id: 'Q1', title: value } }),
  ],
  prompt: ['$.nodes[0].prompt', (value) => small({ prompt: value })],
  intro: ['$.nodes[0].intro', (value) => small({ intro: value })],
  help: ['$.nodes[0].help[0]', (value) => small({ help: [value] })],
  label: [
    '$.nodes[0].answers[0].label',
    (value) =>
      tree([
        question('q', [
          { slug: 'a', label: value, next: 'o' },
          { slug: 'b', label: 'B', next: 'o' },
        ]),
        outcome('o'),
      ]),
  ],
  fact: [
    '$.nodes[0].answers[0].fact',
    (value) =>
      tree([
        question('q', [
          { slug: 'a', label: 'A', next: 'o', fact: value },
          { slug: 'b', label: 'B', next: 'o' },
        ]),
        outcome('o'),
      ]),
  ],
  summary: ['$.nodes[1].summary', (value) => small({}, { summary: value })],
  cause: ['$.nodes[1].cause', (value) => small({}, { cause: value })],
  heading: [
    '$.nodes[1].sections[0].heading',
    (value) => small({}, { sections: [{ heading: value }] }),
  ],
  entry: [
    '$.nodes[1].sections[0].items[0]',
    (value) => small({}, { sections: [{ heading: 'H', items: [value] }] }),
  ],
  $schema: ['$.$schema', (value) => small({}, {}, { $schema: value })],
};

export function limitCases(): LimitCase[] {
  const cases: LimitCase[] = [{ name: 'the smallest tree', text: text(small()) }];

  // Each limit at its value and one beyond.
  const smallText = text(small());
  cases.push(
    {
      name: `fileBytes at ${TREE_LIMITS.fileBytes - 1}`,
      text: smallText.padEnd(TREE_LIMITS.fileBytes - 1, ' '),
    },
    {
      name: `fileBytes at ${TREE_LIMITS.fileBytes}`,
      text: smallText.padEnd(TREE_LIMITS.fileBytes, ' '),
    },
    {
      name: `fileBytes at ${TREE_LIMITS.fileBytes + 1}`,
      text: smallText.padEnd(TREE_LIMITS.fileBytes + 1, ' '),
      refusedAt: '$',
    },
    ...atAndBeyond('nodes', TREE_LIMITS.nodes, manyNodes, '$.nodes'),
    ...atAndBeyond(
      'answers',
      TREE_LIMITS.answers,
      (count) =>
        tree([
          question(
            'q',
            Array.from({ length: count }, (_, index) => ({
              slug: `a${index}`,
              label: 'A',
              next: 'o',
            })),
          ),
          outcome('o'),
        ]),
      '$.nodes[0].answers',
    ),
    ...atAndBeyond(
      'walkQuestions',
      TREE_LIMITS.walkQuestions,
      line,
      `$.nodes[${TREE_LIMITS.walkQuestions}]`,
    ),
    ...atAndBeyond('walkBytes', TREE_LIMITS.walkBytes, walkOf, '$.nodes[1]'),
    ...atAndBeyond('stepAddress', TREE_LIMITS.stepAddress, addressOf, '$.nodes[32]'),
    ...atAndBeyond(
      'idLength',
      TREE_LIMITS.idLength,
      (length) =>
        tree([
          question('q', [
            { slug: x(length), label: 'A', next: 'o' },
            { slug: 'b', label: 'B', next: 'o' },
          ]),
          outcome('o'),
        ]),
      '$.nodes[0].answers[0].slug',
    ),
  );
  for (const [field, [refusedAt, make]] of Object.entries(textField)) {
    const limit = TEXT_LIMITS[field as keyof typeof TEXT_LIMITS];
    cases.push(...atAndBeyond(field, limit, (length) => make(x(length)), refusedAt));
  }
  cases.push(
    ...atAndBeyond(
      'list help',
      LIST_LIMITS.help,
      (count) => small({ help: Array(count).fill('h') }),
      '$.nodes[0].help',
    ),
    ...atAndBeyond(
      'list sections',
      LIST_LIMITS.sections,
      (count) => small({}, { sections: Array(count).fill({ heading: 'H' }) }),
      '$.nodes[1].sections',
    ),
    ...atAndBeyond(
      'list entries',
      LIST_LIMITS.entries,
      (count) => small({}, { sections: [{ heading: 'H', steps: Array(count).fill('s') }] }),
      '$.nodes[1].sections[0].steps',
    ),
  );

  // The attack review's inputs (issue 27).
  const smallJson = smallText.slice(1);
  cases.push(
    { name: 'a line of 2,100 questions', text: text(line(2100)), refusedAt: '$.nodes' },
    {
      name: 'a line of 1,400 questions',
      text: text(line(1400)),
      refusedAt: `$.nodes[${TREE_LIMITS.walkQuestions}]`,
    },
    // The line that passed with a warning and then ran the prerender out of memory.
    { name: 'a line of 1,500 questions', text: text(line(1500)), refusedAt: '$.nodes' },
    { name: 'a line of 10,000 questions', text: text(line(10_000)), refusedAt: '$.nodes' },
    { name: 'a line of 20,000 questions (2.3 MB)', text: text(line(20_000)), refusedAt: '$' },
    {
      name: '2.1 MB of very long strings',
      text: text(small({ help: Array(10).fill(x(210_000)) })), // 2.1 MB
      refusedAt: '$',
    },
    {
      // Under the file's limit: refused by the field's own, before the editor lays it out.
      name: '1.9 MB of very long strings',
      text: text(small({ help: Array(10).fill(x(190_000)) })),
      refusedAt: '$.nodes[0].help[0]',
    },
    {
      name: 'a slug of 5,000 characters',
      text: text(textField.label[1]('A')).replace('"slug":"a"', `"slug":"${x(5000)}"`),
      refusedAt: '$.nodes[0].answers[0].slug',
    },
    {
      name: 'a prompt of zero-width characters',
      text: text(small({ prompt: '\u200b\u200c\u200d\u2060\ufeff' })),
      refusedAt: '$.nodes[0].prompt',
    },
    {
      name: 'a label of bidi controls',
      text: text(textField.label[1]('\u202e\u2066\u2069\u200f')),
      refusedAt: '$.nodes[0].answers[0].label',
    },
    {
      name: 'a title of wide spaces',
      text: text(small({}, {}, { title: '\u00a0\u3000\u2003' })),
      refusedAt: '$.title',
    },
    {
      name: 'a label with line breaks and Markdown',
      text: text(textField.label[1]('Yes\n**Link**\n[Reset](http://evil.example/login)')),
      refusedAt: '$.nodes[0].answers[0].label',
    },
    {
      name: 'a prompt with a tab',
      text: text(small({ prompt: 'Is\tit?' })),
      refusedAt: '$.nodes[0].prompt',
    },
    { name: 'a summary with line breaks', text: text(small({}, { summary: 'One.\nTwo.' })) },
    { name: 'a key written twice', text: `{"title":"Other",${smallJson}`, refusedAt: '$.title' },
    {
      name: 'a key written twice in an answer',
      text: smallText.replace('"label":"B"', '"label":"B","label":"C"'),
      refusedAt: '$.nodes[0].answers[1].label',
    },
    {
      name: 'version 1e21',
      text: smallText.replace('"version":1', '"version":1e21'),
      refusedAt: '$.version',
    },
    {
      name: 'version 9007199254740993',
      text: smallText.replace('"version":1', '"version":9007199254740993'),
      refusedAt: '$.version',
    },
    {
      name: 'version 9007199254740991',
      text: smallText.replace('"version":1', '"version":9007199254740991'),
    },
    { name: 'a byte-order mark', text: `\ufeff${smallText}` },
    {
      name: 'lists nested 100,000 deep',
      text: `${smallText.slice(0, -1)},"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      refusedAt: '$.x',
    },
    { name: 'not JSON (truncated)', text: smallText.slice(0, 40), refusedAt: '$' },
  );
  return cases;
}
