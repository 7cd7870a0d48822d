import { readDraftShape } from '../../engine/draft-shape';
import type { Tree } from '../../engine/tree-schema';

/** The server's drafts API (server/routes/drafts.ts), as the editor calls it. */
export type ServerDraft = {
  key: string;
  treeId: string;
  basedOn: number | null;
  revision: number;
  tree: Tree;
  updatedAt: string;
  updatedBy: string | null;
};

export type ListedServerDraft = Omit<ServerDraft, 'tree'> & { title: string };

/** The network or the server is not there: the draft stays in this browser until it is. */
export class OfflineError extends Error {}

const api = (path: string) => `${import.meta.env.BASE_URL}api/${path}`;

async function call(path: string, init?: RequestInit): Promise<Response> {
  try {
    const response = await fetch(api(path), {
      ...init,
      credentials: 'same-origin',
      headers: init?.body ? { 'content-type': 'application/json' } : {},
    });
    // A proxy's 502/503/504 while the server restarts: as good as offline.
    if (response.status >= 502 && response.status <= 504) throw new OfflineError('unavailable');
    return response;
  } catch (error) {
    if (error instanceof OfflineError) throw error;
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new OfflineError(error instanceof Error ? error.message : 'offline');
  }
}

async function failure(response: Response): Promise<Error> {
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  return new Error(body.message ?? `The server answered ${response.status}.`);
}

function readServerDraft(json: unknown): ServerDraft {
  const draft = json as ServerDraft;
  const read = readDraftShape(draft.tree);
  if (!read.ok) throw new Error(`The draft on the server cannot be shown: ${read.problem}.`);
  return { ...draft, tree: read.tree };
}

export async function fetchServerDraft(key: string): Promise<ServerDraft | null> {
  const response = await call(`drafts/${encodeURIComponent(key)}`);
  if (!response.ok) throw await failure(response);
  const { draft } = (await response.json()) as { draft: unknown };
  return draft ? readServerDraft(draft) : null;
}

export async function fetchServerDrafts(): Promise<ListedServerDraft[]> {
  const response = await call('drafts');
  if (!response.ok) throw await failure(response);
  return ((await response.json()) as { drafts: ListedServerDraft[] }).drafts;
}

export type ServerSave =
  | { status: 'saved'; revision: number }
  | { status: 'conflict'; current: ServerDraft | null; message: string }
  | { status: 'refused'; message: string };

export async function putServerDraft(
  key: string,
  body: { revision: number; basedOn: number | null; tree: Tree },
): Promise<ServerSave> {
  const response = await call(`drafts/${encodeURIComponent(key)}`, {
    method: 'PUT',
    body: JSON.stringify(body),
  });
  const json = (await response.json().catch(() => ({}))) as {
    revision?: number;
    message?: string;
    draft?: unknown;
  };
  if (response.ok) return { status: 'saved', revision: json.revision ?? body.revision + 1 };
  if (response.status === 409) {
    return {
      status: 'conflict',
      current: json.draft ? readServerDraft(json.draft) : null,
      message: json.message ?? 'Someone else saved this draft.',
    };
  }
  return {
    status: 'refused',
    message:
      response.status === 401
        ? 'You are signed out: sign in again to save to the server.'
        : (json.message ?? `The server answered ${response.status}.`),
  };
}

export async function deleteServerDraft(key: string): Promise<void> {
  const response = await call(`drafts/${encodeURIComponent(key)}`, { method: 'DELETE' });
  if (!response.ok && response.status !== 404) throw await failure(response);
}

export type Editor = { email: string; you: boolean };

/**
 * This page no longer edits the draft: kept alive past the page's end (a reload, a closed tab),
 * so that the others stop seeing it at once, not a presence window later.
 */
export function leavePresence(key: string, clientId: string): void {
  void fetch(api(`drafts/${encodeURIComponent(key)}/presence/leave`), {
    method: 'POST',
    body: JSON.stringify({ clientId }),
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    keepalive: true,
  }).catch(() => undefined);
}

export async function sendPresence(key: string, clientId: string): Promise<Editor[]> {
  const response = await call(`drafts/${encodeURIComponent(key)}/presence`, {
    method: 'POST',
    body: JSON.stringify({ clientId }),
  });
  if (!response.ok) return [];
  return ((await response.json()) as { editors: Editor[] }).editors;
}
