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
    title: `${title}: ${a} ${b} fails after the ${c} changes`,
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
