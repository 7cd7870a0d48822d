// Typing in the editor on a large troubleshooter (issue 24): a tree of 1,490 questions (about
// 2 MB, the most the rulebook allows) opened at /edit/<id> in Chromium, then characters typed into its Title one at a time,
// each timed from the key press to the frame that shows it. Prints the median and the worst
// key; asserts nothing (timings are compared as ratios within one run, docs/performance.md).
//
//   node scripts/bench-editor-typing.mjs [--questions 1490] [--keys 20]
import { chromium } from '@playwright/test';
import { parseArgs } from 'node:util';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';
import { createStaticServer } from './serve-static.mjs';

const { values } = parseArgs({
  options: {
    questions: { type: 'string', default: '1490' },
    keys: { type: 'string', default: '20' },
  },
});
const QUESTIONS = Number(values.questions);
const KEYS = Number(values.keys);

/**
 * The largest tree the rulebook lets the editor open (src/engine/tree-limits.ts: 1,500 nodes,
 * 2 MB, 16,000 bytes a walk): questions four answers wide (three lead on), level after level (a walk is at
 * most eight questions deep), each with help, its last answer ruling the cause out.
 */
function largeTree(count) {
  const help = Array.from({ length: 2 }, (_, index) =>
    `Open the log of the client and look for the line that names the job (${index}); it says when the job ran, what it ran and how it ended, and whether the service restarted the computer. `.repeat(
      2,
    ),
  );
  const nodes = [];
  for (let index = 0; index < count; index += 1) {
    // Question n leads on to questions 3n+1 … 3n+3 (those that exist), and to an outcome.
    const children = [1, 2, 3].map((offset) => 3 * index + offset).filter((at) => at < count);
    nodes.push({
      kind: 'question',
      id: `q${index}`,
      prompt: `Does step ${index} of the upgrade show the job as failed after a restart?`,
      help,
      answers: [
        ...children.map((at, answer) => ({
          slug: `way-${answer + 1}`,
          label: `Yes, in the way numbered ${answer + 1}`,
          next: `q${at}`,
        })),
        ...(children.length === 0 ? [{ slug: 'yes', label: 'Yes', next: 'done' }] : []),
        { slug: 'no', label: 'No', next: 'fine' },
      ],
    });
  }
  nodes.push(
    {
      kind: 'outcome',
      id: 'done',
      type: 'diagnosis',
      title: 'Found it',
      summary: 'The job fails.',
    },
    { kind: 'outcome', id: 'fine', type: 'ruled-out', title: 'Not this', summary: 'It is fine.' },
  );
  return {
    id: 'typing-bench',
    version: 1,
    title: 'Typing bench',
    description: 'A large troubleshooter for the typing benchmark.',
    start: 'q0',
    nodes,
  };
}

const tree = largeTree(QUESTIONS);
const treeJson = JSON.stringify(tree, null, 2);
const server = createStaticServer({ root: 'dist', base: '/' });
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.route('**/trees/typing-bench.json', (route) =>
    route.fulfill({ body: treeJson, contentType: 'application/json' }),
  );
  await page.goto(`${origin}/edit/typing-bench`);
  const title = page.getByRole('textbox', { name: 'Title', exact: true });
  await title.waitFor({ timeout: 120_000 });
  await title.click();
  await page.keyboard.press('End');
  const times = [];
  for (let key = 0; key < KEYS; key += 1) {
    // From the key press to the next frame after the value shows the character.
    const started = Date.now();
    const expected = `${await title.inputValue()}x`;
    await page.keyboard.type('x');
    await page.waitForFunction(
      (value) =>
        new Promise((resolve) =>
          requestAnimationFrame(() =>
            resolve(document.activeElement && document.activeElement.value === value),
          ),
        ),
      expected,
      { timeout: 0 },
    );
    times.push(Date.now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(
    `editor typing: ${QUESTIONS} questions, ${(treeJson.length / 1024 / 1024).toFixed(1)} MB; ` +
      `${KEYS} keys: median ${median} ms, worst ${sorted.at(-1)} ms, total ${times.reduce((a, b) => a + b, 0)} ms`,
  );
} finally {
  await browser.close();
  server.close();
}
