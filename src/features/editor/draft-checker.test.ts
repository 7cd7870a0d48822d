import { expect, test, vi } from 'vitest';
import {
  addAnswer,
  setAnswerFields,
  setQuestionFields,
  setTreeFields,
} from '../../engine/tree-edits';
import type { Tree } from '../../engine/tree-schema';
import { makePrinterTree } from '../../testing/printer-tree';
import {
  createCheckHandler,
  NodeReceiver,
  NodeSender,
  type CheckRequest,
  type CheckResponse,
} from './draft-checks-protocol';
import { DraftChecker, type CheckedDraft, type CheckPort } from './draft-checker';
import { reportOnDraft } from './draft-report';

/**
 * A worker in the test's hands: requests wait until the test answers them, and cross a
 * structured clone each way as they would between threads; the answers are the real
 * worker's (createCheckHandler).
 */
function heldWorker() {
  const listeners = {
    message: [] as ((event: MessageEvent<CheckResponse>) => void)[],
    error: [] as (() => void)[],
  };
  const requests: CheckRequest[] = [];
  const answer = createCheckHandler();
  const port: CheckPort = {
    postMessage: (request) => requests.push(structuredClone(request)),
    addEventListener: ((type: 'message' | 'error' | 'messageerror', listener: never) => {
      if (type === 'message') listeners.message.push(listener);
      else if (type === 'error') listeners.error.push(listener);
    }) as CheckPort['addEventListener'],
    terminate: vi.fn(),
  };
  return {
    port,
    requests,
    /** Answers the oldest request waiting. */
    answerNext() {
      const request = requests.shift();
      if (!request) throw new Error('no request is waiting');
      const data = structuredClone(answer(request));
      for (const listener of listeners.message) listener(new MessageEvent('message', { data }));
      return request;
    },
    respond(data: CheckResponse) {
      for (const listener of listeners.message) listener(new MessageEvent('message', { data }));
    },
    failToLoad() {
      for (const listener of listeners.error) listener();
    },
  };
}

function checkerWith(worker: ReturnType<typeof heldWorker>) {
  const reports: CheckedDraft[] = [];
  const failures: string[] = [];
  const checker = new DraftChecker(worker.port, {
    onReport: (report) => reports.push(report),
    onFailure: (reason) => failures.push(reason),
  });
  return { checker, reports, failures };
}

const draftWithProblems = (tree: Tree) =>
  // An empty title, and an answer that leads nowhere.
  addAnswer(setTreeFields(tree, { title: '' }), tree.start);

test('the nodes a worker already holds are sent as numbers, and it checks the same objects again', () => {
  const sender = new NodeSender();
  const receiver = new NodeReceiver();
  const first = makePrinterTree();
  const firstSent = structuredClone(sender.encode(first));
  expect(firstSent.nodes.every((node) => Array.isArray(node))).toBe(true);
  const held = receiver.decode(firstSent);
  expect(held).toEqual(first);

  const edited = setQuestionFields(first, first.start, { prompt: 'Is the printer on at all?' });
  const sent = structuredClone(sender.encode(edited));
  const changed = edited.nodes.findIndex((node) => node.id === first.start);
  expect(sent.nodes.filter((node) => Array.isArray(node))).toHaveLength(1);
  expect(Array.isArray(sent.nodes[changed])).toBe(true);
  const decoded = receiver.decode(sent);
  expect(decoded).toEqual(edited);
  // Unchanged nodes are the worker's own objects from before (what walk-limits.ts keeps).
  decoded.nodes.forEach((node, index) => {
    if (index !== changed) expect(node).toBe(held.nodes[index]);
  });

  // Undo brings back a node object the worker has let go of: it is sent whole again.
  const undone = structuredClone(sender.encode(first));
  expect(undone.nodes.filter((node) => Array.isArray(node))).toHaveLength(1);
  expect(receiver.decode(undone)).toEqual(first);
});

test('a worker that is sent a number it does not hold says so rather than checking something else', () => {
  const answer = createCheckHandler();
  const tree = makePrinterTree();
  const response = answer({
    revision: 1,
    tree: { ...tree, nodes: [7] },
    withImpact: false,
  });
  expect(response).toEqual({ revision: 1, error: expect.stringMatching(/does not hold node 7/) });
});

test('the worker’s report is the page’s: the same problems, walkability, preview and impact', () => {
  const worker = heldWorker();
  const { checker, reports } = checkerWith(worker);
  const deployed = makePrinterTree();
  const broken = draftWithProblems(deployed);
  checker.check(broken, deployed, true);
  worker.answerNext();
  const onPage = reportOnDraft(broken, deployed, true);
  expect(onPage.check.problems.length).toBeGreaterThan(1);
  expect(reports).toEqual([{ ...onPage, tree: broken, withImpact: true }]);
  expect(reports[0]?.tree).toBe(broken);

  const repointed = setAnswerFields(deployed, deployed.start, 0, {
    next: deployed.nodes.at(-1)?.id ?? '',
  });
  checker.check(repointed, deployed, true);
  const request = worker.answerNext();
  // The deployed tree crosses once, not with every draft.
  expect(request.deployed).toBeUndefined();
  const impact = reportOnDraft(repointed, deployed, true);
  expect(impact.impact).toBeDefined();
  expect(reports[1]).toEqual({ ...impact, tree: repointed, withImpact: true });
});

test('one request at a time: drafts given meanwhile wait, only the latest is sent, and an outdated report is dropped', () => {
  const worker = heldWorker();
  const { checker, reports } = checkerWith(worker);
  const a = makePrinterTree();
  const b = setTreeFields(a, { title: 'B' });
  const c = setTreeFields(a, { title: '' });
  checker.check(a, undefined, false);
  checker.check(b, undefined, false);
  checker.check(c, undefined, false);
  expect(worker.requests.map((request) => request.revision)).toEqual([1]);

  // The report of a comes back after b and c were given: it is not shown; c is sent, b never.
  worker.answerNext();
  expect(reports).toEqual([]);
  expect(worker.requests.map((request) => request.revision)).toEqual([3]);
  worker.answerNext();
  expect(reports.map((report) => report.tree)).toEqual([c]);
  expect(reports[0]?.check.problems.map((problem) => problem.path)).toEqual(['$.title']);

  // A stray answer for an older revision changes nothing.
  worker.respond({ revision: 2, report: reportOnDraft(b, undefined, false) });
  expect(reports).toHaveLength(1);
});

test('a worker that cannot start, fails to load or fails a check is given up and the page is told', async () => {
  const failed = heldWorker();
  const { checker, failures, reports } = checkerWith(failed);
  checker.check(makePrinterTree(), undefined, false);
  failed.failToLoad();
  expect(failures).toEqual(['the checks’ worker could not start']);
  expect(failed.port.terminate).toHaveBeenCalled();
  // Nothing more is sent or reported.
  failed.answerNext();
  checker.check(makePrinterTree(), undefined, false);
  expect(failed.requests).toEqual([]);
  expect(reports).toEqual([]);

  const erring = heldWorker();
  const second = checkerWith(erring);
  second.checker.check(makePrinterTree(), undefined, false);
  erring.requests.shift();
  erring.respond({ revision: 1, error: 'RangeError: too deep' });
  expect(second.failures).toEqual(['RangeError: too deep']);

  const none: string[] = [];
  new DraftChecker('this browser has no Worker', {
    onReport: () => undefined,
    onFailure: (reason) => none.push(reason),
  });
  // Told after the call, as a worker's failure would be.
  expect(none).toEqual([]);
  await Promise.resolve();
  expect(none).toEqual(['this browser has no Worker']);
});
