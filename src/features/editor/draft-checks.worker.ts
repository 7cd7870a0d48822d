// The editor's checks of a draft, off the page's main thread (draft-checker.ts starts it):
// a key typed while a large draft is checked no longer waits for the check.
import type { Tree } from '../../engine/tree-schema';
import { NodeReceiver, type CheckRequest, type CheckResponse } from './draft-checks-protocol';
import { reportOnDraft } from './draft-report';

const receiver = new NodeReceiver();
let deployed: Tree | undefined;

self.addEventListener('message', (event: MessageEvent<CheckRequest>) => {
  const request = event.data;
  let response: CheckResponse;
  try {
    if (request.deployed !== undefined) deployed = request.deployed ?? undefined;
    const tree = receiver.decode(request.tree);
    response = {
      revision: request.revision,
      report: reportOnDraft(tree, deployed, request.withImpact),
    };
  } catch (error) {
    // The page checks this draft itself (and says why in its console).
    response = { revision: request.revision, error: String(error) };
  }
  self.postMessage(response);
});
