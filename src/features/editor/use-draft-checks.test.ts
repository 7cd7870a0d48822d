import { act, renderHook } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { setTreeFields } from '../../engine/tree-edits';
import type { Tree } from '../../engine/tree-schema';
import { makePrinterTree } from '../../testing/printer-tree';
import { createCheckHandler, type CheckRequest } from './draft-checks-protocol';
import { reportOnDraft } from './draft-report';
import { useDraftChecks } from './use-draft-checks';

/**
 * A stand-in for the browser's Worker that answers with the real worker's handler, but only
 * when the test says so; `fails` makes it fail to load, as a blocked or missing file would.
 */
function stubWorker({ fails = false } = {}) {
  const started: FakeWorker[] = [];
  class FakeWorker extends EventTarget {
    readonly url: string;
    readonly requests: CheckRequest[] = [];
    private readonly answer = createCheckHandler();
    terminated = false;
    constructor(url: string) {
      super();
      this.url = String(url);
      started.push(this);
      if (fails) queueMicrotask(() => this.dispatchEvent(new Event('error')));
    }
    postMessage(request: CheckRequest) {
      this.requests.push(structuredClone(request));
    }
    /** Answers every request, those sent in the meantime too. */
    answerAll() {
      for (let request = this.requests.shift(); request; request = this.requests.shift()) {
        const data = structuredClone(this.answer(request));
        this.dispatchEvent(new MessageEvent('message', { data }));
      }
    }
    terminate() {
      this.terminated = true;
    }
  }
  vi.stubGlobal('Worker', FakeWorker);
  return started;
}

const render = (tree: Tree, withImpact = false) =>
  renderHook(
    (props: { tree: Tree; withImpact: boolean }) =>
      useDraftChecks(props.tree, undefined, props.withImpact),
    {
      initialProps: { tree, withImpact },
    },
  );

test('without Worker (jsdom, old browsers) the page checks each draft as it renders', () => {
  expect(typeof Worker).toBe('undefined');
  const tree = makePrinterTree();
  const { result, rerender } = render(tree);
  expect(result.current).toEqual({
    ...reportOnDraft(tree, undefined, false),
    tree,
    withImpact: false,
  });
  const untitled = setTreeFields(tree, { title: '' });
  rerender({ tree: untitled, withImpact: false });
  expect(result.current.tree).toBe(untitled);
  expect(result.current.check.problems.map((problem) => problem.path)).toEqual(['$.title']);
});

test('with a worker, the last report stays on screen until the one for the new draft arrives', () => {
  const workers = stubWorker();
  const tree = makePrinterTree();
  const { result, rerender } = render(tree);
  // The first report is made on the page: there is nothing earlier to show.
  expect(result.current.tree).toBe(tree);
  expect(result.current.check.problems).toEqual([]);
  const [worker] = workers.filter((started) => !started.terminated);
  expect(worker?.url).toMatch(/draft-checks\.worker/);
  // The worker checks the first draft too: it loads, and keeps its per-node results.
  expect(worker?.requests).toHaveLength(1);

  const untitled = setTreeFields(tree, { title: '' });
  rerender({ tree: untitled, withImpact: false });
  // Still the report of the tree before, with that tree: no "no problems" for the new one
  // and no problems pointing into a tree they were not found in.
  expect(result.current.tree).toBe(tree);
  expect(result.current.check.problems).toEqual([]);

  act(() => worker?.answerAll());
  expect(result.current.tree).toBe(untitled);
  expect(result.current).toEqual({
    ...reportOnDraft(untitled, undefined, false),
    tree: untitled,
    withImpact: false,
  });
});

test('a worker that fails to load is given up: the page checks, with the same results', async () => {
  const workers = stubWorker({ fails: true });
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const tree = makePrinterTree();
  const { result, rerender } = render(tree);
  await act(async () => {
    await Promise.resolve();
  });
  expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Checking drafts on the page:/));
  expect(workers.every((worker) => worker.terminated)).toBe(true);

  const untitled = setTreeFields(tree, { title: '' });
  rerender({ tree: untitled, withImpact: false });
  // At once, in the render: no worker to wait for.
  expect(result.current).toEqual({
    ...reportOnDraft(untitled, undefined, false),
    tree: untitled,
    withImpact: false,
  });
});
