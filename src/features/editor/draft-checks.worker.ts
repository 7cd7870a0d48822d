// The editor's checks of a draft, off the page's main thread (start-checks-worker.ts starts
// it, draft-checker.ts talks to it): a key typed while a large draft is checked no longer
// waits for the check (ADR 49).
import { createCheckHandler, type CheckRequest } from './draft-checks-protocol';

const answer = createCheckHandler();

self.addEventListener('message', (event: MessageEvent<CheckRequest>) => {
  self.postMessage(answer(event.data));
});
