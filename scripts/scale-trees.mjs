// Tree files of given shapes, in the shipped format, for `npm run bench:scale`. Plain
// JavaScript rather than src/testing/large-tree.ts: the bench runs under Node 20, which
// cannot import TypeScript. The "chain" shape is the same as makeLargeTree's, so the map's
// benchmark and this one measure the same kind of tree. Every tree is validated by the
// prerender like a real one; scripts/scale-trees.test.ts checks the shapes and step counts.

const WORDS =
  'client server job service pack upgrade restart status failed log network printer'.split(' ');
const word = (index) => WORDS[index % WORDS.length];

function outcome(id, index) {
  return {
    kind: 'outcome',
    id,
    type: 'ruled-out',
    title: `The ${word(index + 4)} is not ${word(index + 6)}`,
    summary: `The ${word(index)} was checked and is not the cause.`,
  };
}

function question(id, index, answers) {
  return {
    kind: 'question',
    id,
    prompt: `Does the ${word(index)} ${word(index + 1)} show the ${word(index + 2)} after a restart?`,
    help: ['Look at the log.'],
    answers,
  };
}

// Titles and descriptions differ from tree to tree as real ones do: repeated text would
// gzip far better than a real list of troubleshooters, and flatter the page budget.
const VOCABULARY = (
  'account adapter agent backup boot cache certificate client cluster console database ' +
  'deployment device disk domain driver email firewall folder group inventory license ' +
  'mailbox memory modem monitor mount network package password patch policy port printer ' +
  'profile proxy queue registry relay replica restore router schedule script server ' +
  'service session share spooler storage switch sync task terminal token update user ' +
  'volume wireless workstation'
).split(' ');

/** Deterministic words for a seed (a small linear congruential generator). */
function words(seed, count) {
  let state = (seed * 2654435761) >>> 0;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    // The high bits: an LCG's low bits repeat with a short period.
    return VOCABULARY[(state >>> 16) % VOCABULARY.length];
  });
}

function seedOf(id) {
  return [...id].reduce((hash, char) => (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0, 7);
}

function tree(id, title, nodes) {
  const [a, b, c, d, e, f, g] = words(seedOf(id), 7);
  return {
    id,
    version: 1,
    // Within the rulebook's 80 bytes (src/engine/tree-limits.ts).
    title: `${title}: ${a} ${b} fails after the ${c} changes`.slice(0, 80).trim(),
    description: `The ${d} stops answering when the ${e} is moved; the ${f} logs show ${g} errors (${id}).`,
    start: nodes[0].id,
    nodes,
  };
}

/**
 * makeLargeTree's shape: each question has "Yes" and "Not sure" to the next question, "No"
 * to an outcome of its own and, every third question, a shortcut three on. Nodes grow
 * linearly, steps (distinct trails) about twice per question: 2 questions give 10 steps,
 * 10 give 4,190, 500 give more than any limit.
 */
export function chainTree(id, questions, title = `Chain of ${questions} questions`) {
  const nodes = [];
  for (let index = 0; index < questions; index += 1) {
    const next = index + 1 < questions ? `q${index + 1}` : `out${index}`;
    const answers = [
      { slug: 'yes', label: `Yes, the ${word(index)} is ${word(index + 3)}`, next },
      { slug: 'unsure', label: 'Not sure', next, unsure: true },
      { slug: 'no', label: `No, another ${word(index + 5)}`, next: `out${index}` },
    ];
    if (index % 3 === 0 && index + 3 < questions) {
      answers.push({ slug: 'skip', label: 'It has been checked already', next: `q${index + 3}` });
    }
    nodes.push(question(`q${index}`, index, answers), outcome(`out${index}`, index));
  }
  return tree(id, title, nodes);
}

/** A line of questions, each with "Yes" onwards and "No" to an outcome: 2n + 1 steps, as many nodes. */
export function deepTree(id, questions, title = `Line of ${questions} questions`) {
  const nodes = [];
  for (let index = 0; index < questions; index += 1) {
    const next = index + 1 < questions ? `q${index + 1}` : 'end';
    nodes.push(
      question(`q${index}`, index, [
        { slug: 'yes', label: `Yes, the ${word(index)} is ${word(index + 3)}`, next },
        { slug: 'no', label: `No, another ${word(index + 5)}`, next: `out${index}` },
      ]),
      outcome(`out${index}`, index),
    );
  }
  nodes.push(outcome('end', questions));
  return tree(id, title, nodes);
}

/**
 * A full tree, nothing shared: every question has `branching` answers, each to a question
 * of its own, down to `depth` levels of questions, then outcomes. Steps equal nodes.
 */
export function bushyTree(id, branching, depth, title = `Bush ${branching} wide, ${depth} deep`) {
  const nodes = [];
  let count = 0;
  const add = (level) => {
    const index = count;
    count += 1;
    const nodeId = `n${index}`;
    if (level === depth) {
      nodes.push(outcome(nodeId, index));
      return nodeId;
    }
    const node = question(nodeId, index, []);
    nodes.push(node);
    for (let answer = 0; answer < branching; answer += 1) {
      node.answers.push({
        slug: `a${answer}`,
        label: `Answer ${answer + 1}`,
        next: add(level + 1),
      });
    }
    return nodeId;
  };
  add(0);
  return tree(id, title, nodes);
}

/** The index.json entry for a tree: the fields the list shows. */
export function indexEntry(tree) {
  return { id: tree.id, title: tree.title, description: tree.description };
}

// Ordinary prose has a larger vocabulary than the titles above: the words of the Q164887
// article, the list's vocabulary and common words, so that a generated tree gzips about as
// well as written text does (templated text of a few dozen words would gzip far better).
const PROSE = [
  ...VOCABULARY,
  ...(
    'actually additional again applies article attempts base cause chance command complete ' +
    'computers confirmed context corrected detect down failed following however information ' +
    'issue jobs knowledge last latest layout management manager mandatory marked message ' +
    'modified never next operating product query receive receives repeat requiring restart ' +
    'restarting result running same shut shutting symptoms system technology therefore time ' +
    'title type unable under upgrade upgrades upgrading utility version waits without word ' +
    'able about after almost already always another answer anyone around asked before began ' +
    'behind below between both brief busy careful certain change checked clear closed common ' +
    'correct daily default different during each early either empty enough entire every ' +
    'expected extra fails fast few final first fixed found full given good half hard having ' +
    'hidden higher holds hour instead kept known large later least less local long lost lower ' +
    'main many minute missing month most much near need newer night normal often older ' +
    'only open other owner past pending plain quick quiet rather ready recent remote right ' +
    'second seen several short shown since single slow small some soon stale still stopped ' +
    'strange sudden total twice until usual valid various very week while whole wrong yearly'
  ).split(' '),
];

/** `count` words of prose for `seed`, deterministic (words() over the larger vocabulary). */
function prose(seed, count) {
  // Mixed (murmur3's finaliser), so that neighbouring seeds start far apart.
  let state = seed >>> 0;
  state = Math.imul(state ^ (state >>> 16), 0x85ebca6b) >>> 0;
  state = Math.imul(state ^ (state >>> 13), 0xc2b2ae35) >>> 0;
  state = (state ^ (state >>> 16)) >>> 0;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return PROSE[(state >>> 16) % PROSE.length];
  }).join(' ');
}

/** A sentence of `count` words for `seed`, capitalised, ending with a full stop. */
function sentence(seed, count) {
  const text = prose(seed, count);
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

const OUTCOME_KINDS = ['diagnosis', 'escalate', 'ruled-out'];

/**
 * A full two-answer tree, nothing shared, with text of ordinary length: `depth` levels of
 * questions (2^depth − 1 of them), then an outcome under every answer of the last level. Each
 * field is about as long as its counterpart in the shipped Q164887 tree (prompts of 50–70
 * characters, labels of 20–35, two or three help paragraphs of about 100, facts of about 50,
 * outcome titles of about 45, with a summary, a cause and two or three sections of two or
 * three paragraphs), in words that vary from node to node, as real text does. depth 9 is
 * 511 questions and 512 outcomes, 1,023 nodes and steps.
 */
export function fullTree(id, depth, title = `Full tree of ${2 ** depth - 1} questions`) {
  const nodes = [];
  let count = 0;
  const add = (level) => {
    const index = count;
    count += 1;
    const nodeId = `n${index}`;
    // A seed per field: neighbouring nodes' hashes differ only in their last digits.
    const seed = (field) => seedOf(`${id}-${nodeId}-${field}`);
    if (level === depth) {
      nodes.push({
        kind: 'outcome',
        id: nodeId,
        type: OUTCOME_KINDS[index % OUTCOME_KINDS.length],
        title: `The ${prose(seed('title'), 4)} stops the ${prose(seed('job'), 1)} job`,
        summary: `${sentence(seed('summary'), 12)} ${sentence(seed('summary2'), 12)}`,
        cause: sentence(seed('cause'), 22),
        sections: Array.from({ length: 2 + (index % 2) }, (_, section) => ({
          heading: sentence(seed(`heading${section}`), 3).slice(0, -1),
          paragraphs: Array.from({ length: 2 + ((index + section) % 2) }, (_, paragraph) =>
            sentence(seed(`paragraph${section}.${paragraph}`), 16),
          ),
        })),
      });
      return nodeId;
    }
    const node = {
      kind: 'question',
      id: nodeId,
      prompt: `Does the ${prose(seed('what'), 3)} report ${prose(seed('report'), 2)} after the ${prose(seed('after'), 2)}?`,
      ...(index % 3 === 0
        ? { intro: `${sentence(seed('intro'), 10)} ${sentence(seed('intro2'), 10)}` }
        : {}),
      help: Array.from({ length: 2 + (index % 2) }, (_, paragraph) =>
        sentence(seed(`help${paragraph}`), 15),
      ),
      answers: [],
    };
    nodes.push(node);
    node.answers.push(
      {
        slug: 'yes',
        label: `Yes, ${prose(seed('yes'), 3)} ${index % 2 ? 'shows it' : 'is seen'}`,
        next: add(level + 1),
        fact: sentence(seed('yes-fact'), 8),
      },
      {
        slug: 'no',
        label: `No, ${prose(seed('no'), 3)} is clean`,
        next: add(level + 1),
        fact: sentence(seed('no-fact'), 8),
      },
    );
    return nodeId;
  };
  add(0);
  return tree(id, title, nodes);
}

// The largest trees the rulebook accepts (src/engine/tree-limits.ts), for the limits scenarios
// of `npm run bench:scale`: each page kind at its worst. Text here is random printable ASCII,
// quotes, ampersands and angle brackets included: it gzips worst of all text (ordinary prose
// gzips 2–3 times better) and grows most when escaped in HTML and in the page's JSON.
const PRINTABLE = Array.from({ length: 95 }, (_, code) => String.fromCharCode(32 + code)).join('');
const SLUG_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789-';

/** `length` random characters of `alphabet` for `seed`, the first a letter. */
export function noise(seed, length, alphabet = PRINTABLE) {
  let state = seedOf(String(seed));
  let text = 'x';
  while (text.length < length) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    text += alphabet[(state >>> 16) % alphabet.length];
  }
  return text.slice(0, length);
}

/** Bytes of a node as the rulebook counts them for a walk (UTF-8 of its JSON). */
const nodeBytes = (node) => Buffer.byteLength(JSON.stringify(node));

/**
 * A line of questions whose one long walk (every first answer) is as large as the rulebook
 * allows, `limits.walkBytes` bytes, with the most text a page shows: prompts, labels and facts
 * at their longest, then the rest of the walk's bytes in the last node, the outcome
 * (`lastNode: 'outcome'`) or the last question's help (`'question'`). Second answers lead to a
 * small shared outcome.
 */
export function walkBytesTree(id, limits, lastNode = 'outcome', answers = 2, unsure = false) {
  const { walkBytes, text } = limits;
  const stop = { kind: 'outcome', id: 'stop', type: 'escalate', title: 'S', summary: 'S' };
  const question = (index, next) => ({
    kind: 'question',
    id: `q${index}`,
    prompt: noise(`${id}p${index}`, text.prompt),
    // A "Not sure" answer: its outcome lists the question with its help, how to confirm it.
    ...(unsure ? { help: [noise(`${id}h${index}`, text.help)] } : {}),
    answers: [
      {
        slug: 'a',
        label: noise(`${id}a${index}`, text.label),
        next,
        fact: noise(`${id}f${index}`, text.fact),
        ...(unsure ? { unsure: true } : {}),
      },
      ...Array.from({ length: answers - 1 }, (_, other) => ({
        slug: `b${other}`,
        label: noise(`${id}b${index}.${other}`, text.label),
        next: 'stop',
      })),
    ],
  });
  const end = { kind: 'outcome', id: 'end', type: 'diagnosis', title: 'End', summary: 'x' };
  const questions = [];
  const total = () => [...questions, end].reduce((sum, node) => sum + nodeBytes(node), 0);
  // Questions while a full one still fits beside the end.
  for (;;) {
    questions.push(question(questions.length, 'end'));
    if (questions.length > 1) questions.at(-2).answers[0].next = `q${questions.length - 1}`;
    if (total() > walkBytes - 200) {
      questions.pop();
      if (questions.length > 0) questions.at(-1).answers[0].next = 'end';
      break;
    }
  }
  // The rest, in the chosen node, a paragraph at a time and then a character at a time.
  const target = lastNode === 'outcome' ? end : questions.at(-1);
  const list = lastNode === 'outcome' ? [] : (target.help ??= []);
  if (lastNode === 'outcome') target.sections = [{ heading: 'Fix', paragraphs: list }];
  const grow = (field, limit) => {
    const before = total();
    if (before >= walkBytes) return;
    const room = Math.min(limit, walkBytes - before);
    field(noise(`${id}-${list.length}`, room));
    // Escapes make a character count more than one byte: trim until the walk fits.
    while (total() > walkBytes) field((text) => text.slice(0, -1));
  };
  if (lastNode === 'outcome') {
    end.summary = '';
    grow(
      (value) => (end.summary = typeof value === 'function' ? value(end.summary) : value),
      text.summary,
    );
  }
  while (
    total() < walkBytes - 10 &&
    list.length < (lastNode === 'outcome' ? limits.lists.entries : limits.lists.help)
  ) {
    list.push('');
    const at = list.length - 1;
    grow(
      (value) => (list[at] = typeof value === 'function' ? value(list[at]) : value),
      lastNode === 'outcome' ? text.entry : text.help,
    );
    if (list[at] === '') list.pop();
  }
  if (list.length === 0 && lastNode === 'outcome') delete target.sections;
  if (list.length === 0 && lastNode !== 'outcome') delete target.help;
  return tree(id, `Walk of ${walkBytes} bytes to a ${lastNode}`, [...questions, end, stop]);
}

/**
 * The longest walk the rulebook allows: `limits.walkQuestions` questions in a line, answer
 * slugs as long as the step address limit allows at the deepest step, and the rest of the
 * walk's bytes in the prompts, spread evenly.
 */
export function deepestTree(id, limits, slugLength = undefined) {
  const { walkQuestions, walkBytes, stepAddress } = limits;
  slugLength ??= Math.floor((stepAddress - `/${id}?v=1`.length) / walkQuestions) - 1;
  const slug = (index, which) => `${which}${noise(`${id}s${index}`, slugLength - 1, SLUG_CHARS)}`;
  const stop = { kind: 'outcome', id: 's', type: 'escalate', title: 'S', summary: 'S' };
  const end = { kind: 'outcome', id: 'e', type: 'escalate', title: 'E', summary: 'E' };
  const questions = Array.from({ length: walkQuestions }, (_, index) => ({
    kind: 'question',
    id: `q${index}`,
    prompt: 'P',
    answers: [
      {
        slug: slug(index, 'a'),
        label: 'A',
        next: index + 1 < walkQuestions ? `q${index + 1}` : 'e',
      },
      { slug: slug(index, 'b'), label: 'B', next: 's' },
    ],
  }));
  const total = () => [...questions, end].reduce((sum, node) => sum + nodeBytes(node), 0);
  const spare = walkBytes - total();
  // Slugs as long as the walk's bytes allow too.
  if (spare < 0 && slugLength > 1) return deepestTree(id, limits, slugLength - 1);
  if (spare < 0)
    throw new Error(`deepestTree: ${walkQuestions} questions need ${-spare} bytes more`);
  questions.forEach((question, index) => {
    const share = Math.floor(spare / walkQuestions) + (index < spare % walkQuestions ? 1 : 0);
    question.prompt = noise(`${id}p${index}`, share + 1, PRINTABLE.replace(/["\\]/g, ''));
  });
  return tree(id, `Line of ${walkQuestions} questions`, [...questions, end, stop]);
}

/**
 * A small tree whose title and description are as long as the rulebook allows, in text that
 * gzips worst: the list of troubleshooters shows both for each of its 50 a page.
 */
export function longTitleTree(id, limits) {
  const nodes = [
    {
      kind: 'question',
      id: 'q',
      prompt: 'Is it on?',
      answers: [
        { slug: 'yes', label: 'Yes', next: 'done' },
        { slug: 'no', label: 'No', next: 'done' },
      ],
    },
    { kind: 'outcome', id: 'done', type: 'ruled-out', title: 'Done', summary: 'Done.' },
  ];
  return {
    id,
    version: 1,
    title: noise(`${id}t`, limits.text.treeTitle),
    description: noise(`${id}d`, limits.text.description),
    start: 'q',
    nodes,
  };
}

/**
 * As many nodes as the rulebook allows (`limits.nodes`), each question with as many answers
 * as allowed, breadth first, with prompts and labels of random text as long as the file's
 * size limit leaves room for: the map's list at its largest, split into parts.
 */
export function mostNodesTree(id, limits) {
  const nodes = [];
  const queue = [];
  const question = (index) => ({ kind: 'question', id: `n${index}`, prompt: '', answers: [] });
  nodes.push(question(0));
  queue.push(nodes[0]);
  while (nodes.length < limits.nodes && queue.length > 0) {
    const parent = queue.shift();
    while (parent.answers.length < limits.answers && nodes.length < limits.nodes) {
      const child = question(nodes.length);
      parent.answers.push({ slug: `a${parent.answers.length}`, label: '', next: child.id });
      nodes.push(child);
      queue.push(child);
    }
  }
  // Questions left without two answers become outcomes.
  for (const [index, node] of nodes.entries()) {
    if (node.answers.length >= 2) continue;
    nodes[index] = { kind: 'outcome', id: node.id, type: 'ruled-out', title: '', summary: 'S' };
    const parent = nodes.find((other) => other.answers?.some((answer) => answer.next === node.id));
    if (parent && node.answers.length === 1)
      parent.answers.find((a) => a.next === node.id).next = node.id;
  }
  // Text: the same share of the file's room for every name the map shows.
  const fill = (share) => {
    for (const node of nodes) {
      if (node.kind === 'question') {
        node.prompt = noise(`${id}${node.id}`, Math.min(limits.text.prompt, share));
        for (const answer of node.answers)
          answer.label = noise(
            `${id}${node.id}${answer.slug}`,
            Math.min(limits.text.label, Math.ceil(share / 2)),
          );
      } else node.title = noise(`${id}${node.id}`, Math.min(limits.text.title, share));
    }
  };
  let share = limits.text.prompt;
  const built = () => tree(id, `Most nodes: ${nodes.length}`, nodes);
  fill(share);
  while (Buffer.byteLength(JSON.stringify(built())) > limits.fileBytes * 0.98 && share > 1) {
    share = Math.floor(share * 0.9);
    fill(share);
  }
  return built();
}
