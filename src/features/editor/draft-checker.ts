import type { Tree } from '../../engine/tree-schema';
import { NodeSender, type CheckRequest, type CheckResponse } from './draft-checks-protocol';
import type { DraftReport } from './draft-report';

/** A report and what it is about: its paths index this tree's nodes. */
export type CheckedDraft = DraftReport & { tree: Tree; withImpact: boolean };

/** What the checker needs of a worker (a Worker, or a stand-in in tests). */
export type CheckPort = {
  postMessage(request: CheckRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<CheckResponse>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: () => void): void;
  terminate(): void;
};

type Job = { revision: number; tree: Tree; deployed: Tree | undefined; withImpact: boolean };

/**
 * Sends drafts to the checks' worker and hands back the report of the latest one.
 *
 * One request at a time: a draft given while one is checked waits, and only the latest one
 * given waits (the ones before it are never sent). A report for a draft that is no longer the
 * latest is dropped, so the editor keeps showing the last report until the one for the draft
 * on screen arrives, never an older one over a newer. A worker that fails to load, or fails
 * a check, is given up: `onFailure` says the page must check for itself.
 */
export class DraftChecker {
  private readonly sender = new NodeSender();
  private revision = 0;
  private inFlight: Job | undefined;
  private waiting: Job | undefined;
  private sentDeployed: { tree: Tree | undefined } | undefined;
  private port: CheckPort | undefined;
  private disposed = false;

  /** `port`: the worker, or why none could start (reported as a failure, after this call). */
  constructor(
    port: CheckPort | string,
    private readonly handlers: {
      onReport: (checked: CheckedDraft) => void;
      onFailure: (reason: string) => void;
    },
  ) {
    if (typeof port === 'string') {
      void Promise.resolve().then(() => {
        if (!this.disposed) handlers.onFailure(port);
      });
      return;
    }
    this.port = port;
    port.addEventListener('message', (event) => this.received(event.data));
    port.addEventListener('error', () => this.fail('the checks’ worker could not start'));
    port.addEventListener('messageerror', () => this.fail('a report could not be read'));
  }

  /** Checks this draft (and works out its impact, with `withImpact`) after those before. */
  check(tree: Tree, deployed: Tree | undefined, withImpact: boolean): void {
    if (!this.port) return;
    const job = { revision: ++this.revision, tree, deployed, withImpact };
    if (this.inFlight) this.waiting = job;
    else this.send(job);
  }

  /** Stops the worker; nothing is reported after this. */
  dispose(): void {
    this.disposed = true;
    this.port?.terminate();
    this.port = undefined;
  }

  private send(job: Job): void {
    if (!this.port) return;
    this.inFlight = job;
    const request: CheckRequest = {
      revision: job.revision,
      tree: this.sender.encode(job.tree),
      withImpact: job.withImpact,
    };
    if (this.sentDeployed?.tree !== job.deployed || !this.sentDeployed) {
      request.deployed = job.deployed ?? null;
      this.sentDeployed = { tree: job.deployed };
    }
    this.port.postMessage(request);
  }

  private received(response: CheckResponse): void {
    const job = this.inFlight;
    if (!this.port || !job || response.revision !== job.revision) return;
    if ('error' in response) {
      this.fail(response.error);
      return;
    }
    this.inFlight = undefined;
    if (job.revision === this.revision) {
      this.handlers.onReport({ ...response.report, tree: job.tree, withImpact: job.withImpact });
    }
    const next = this.waiting;
    this.waiting = undefined;
    if (next) this.send(next);
  }

  private fail(reason: string): void {
    if (!this.port) return;
    this.dispose();
    this.handlers.onFailure(reason);
  }
}
