import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ShownStep } from './use-step-events';

const START: ShownStep = {
  tree: 'q164887',
  version: 1,
  node: 'sms-version',
  trail: [],
  outcome: false,
};

type HeldAnswer = {
  promise: Promise<Response>;
  resolve: (response: Response) => void;
  reject: (reason: unknown) => void;
};

function held(): HeldAnswer {
  let resolve!: HeldAnswer['resolve'];
  let reject!: HeldAnswer['reject'];
  const promise = new Promise<Response>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** config.json's answers, each held until the test gives it; the batches sent by beacon. */
function network() {
  const configAnswers: HeldAnswer[] = [];
  const beacons: { url: string; events: { kind: string; node: string }[] }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      if (!url.endsWith('config.json')) throw new Error(`unexpected fetch of ${url}`);
      const answer = held();
      configAnswers.push(answer);
      return answer.promise;
    }),
  );
  Object.defineProperty(navigator, 'sendBeacon', {
    configurable: true,
    value: (url: string, blob: Blob) => {
      void blob.text().then((text) => {
        beacons.push({ url, ...(JSON.parse(text) as { events: [] }) });
      });
      return true;
    },
  });
  return { configAnswers, beacons };
}

const hide = () => window.dispatchEvent(new Event('pagehide'));
/** After one task: every promise reaction of an answer already given has run. */
const afterQueuedReactions = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the event sender', () => {
  beforeEach(() => {
    // Its state is the page's: each test is a new page.
    vi.resetModules();
  });
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'sendBeacon');
  });

  it('keeps the events while config.json does not arrive, asks again at the next send, then sends them', async () => {
    const { configAnswers, beacons } = network();
    const { stepShown } = await import('./event-sender');
    stepShown(START);
    expect(configAnswers).toHaveLength(1);
    configAnswers[0]!.reject(new TypeError('Failed to fetch'));
    // Hidden until the failed answer has been taken in: then the next send asks again.
    await vi.waitFor(() => {
      hide();
      expect(configAnswers).toHaveLength(2);
    });
    expect(beacons).toEqual([]);
    configAnswers[1]!.resolve(Response.json({ server: true }));
    await vi.waitFor(() => expect(beacons).toHaveLength(1));
    expect(beacons[0]).toMatchObject({
      url: '/api/events',
      events: [{ kind: 'step', node: 'sms-version' }],
    });
  });

  it('sends nothing and asks no more where there is no config.json', async () => {
    const { configAnswers, beacons } = network();
    const { stepShown } = await import('./event-sender');
    stepShown(START);
    configAnswers[0]!.resolve(new Response('not here', { status: 404 }));
    await afterQueuedReactions();
    hide();
    stepShown({ ...START, node: 'os-upgrade', trail: ['sms-1-2'] });
    hide();
    await afterQueuedReactions();
    expect(configAnswers).toHaveLength(1);
    expect(beacons).toEqual([]);
  });
});
