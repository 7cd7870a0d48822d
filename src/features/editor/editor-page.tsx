import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useLoaderData, useParams, useSearchParams } from 'react-router';
import { DocumentTitle } from '../../components/document-title';
import { PageHeading } from '../../components/page-heading';
import { TreeErrorScreen } from '../../components/tree-error-screen';
import { catalogQueryOptions } from '../../data/catalog-query';
import { configQueryOptions } from '../../data/config-query';
import { useHydrated } from '../../data/prerendered-page';
import { sessionQueryOptions } from '../../data/session-query';
import { ensureTree, treeQueryOptions } from '../../data/tree-query';
import type { Tree } from '../../engine/tree-schema';
import { openDraft } from './draft-opening';
import { deleteDraft, draftKeyForTree, newDraftKey, readDraft, useDrafts } from './draft-store';
import { editorCaption } from './editor-caption';
import { EditorWorkspace } from './editor-workspace';
import {
  fetchServerDraft,
  fetchServerDrafts,
  OfflineError,
  type ServerDraft,
} from './server-drafts';
import type { DraftOpening } from './use-draft-sync';
import type { RenderStep } from './preview-pane';
import './editor.css';

/** A draft as the id-in-use message names it: its title, or that it has none yet. */
const draftName = (title: string) => (title.trim() ? `“${title.trim()}”` : 'untitled so far');

/**
 * The editor's loader: the deployed tree (for /edit/<tree>) through the same query as the
 * step pages, and the list of troubleshooters (for a new one's index.json entry). A tree
 * that cannot be opened is shown as the step pages show it.
 */
export function createEditorLoader(queryClient: QueryClient) {
  return async ({ params }: { params: { treeId?: string } }) => {
    const [tree] = await Promise.allSettled([
      params.treeId ? ensureTree(queryClient, params.treeId) : Promise.resolve(undefined),
      queryClient.ensureQueryData(catalogQueryOptions()),
    ]);
    return { error: tree?.status === 'rejected' ? (tree.reason as unknown) : undefined };
  };
}

/** Where drafts are saved: the server when one runs the site and the person may edit. */
function useServerDrafts() {
  const { data: config } = useQuery(configQueryOptions());
  const server = config?.server === true;
  const { data: account, isPending } = useQuery({ ...sessionQueryOptions(), enabled: server });
  return {
    known: config !== undefined && (!server || !isPending),
    onServer: server && account !== null && account !== undefined,
  };
}

export function EditorPage({ renderStep }: { renderStep: RenderStep }) {
  const { treeId } = useParams();
  const [search] = useSearchParams();
  const { error } = useLoaderData<{ error: unknown }>();
  const { data: deployed } = useQuery({
    ...treeQueryOptions(treeId ?? ''),
    enabled: Boolean(treeId) && !error,
  });
  const { data: catalog } = useQuery(catalogQueryOptions());
  const hydrated = useHydrated();
  const { known, onServer } = useServerDrafts();
  // A new troubleshooter gets its key once, and keeps it when the address gains it.
  const [newKey] = useState(() => newDraftKey());
  const [attempt, setAttempt] = useState(0);
  const givenKey = treeId ? draftKeyForTree(treeId) : (search.get('draft') ?? undefined);
  const key = givenKey ?? newKey;
  const serverDraft = useQuery({
    queryKey: ['server-draft', key],
    queryFn: async () => {
      try {
        return await fetchServerDraft(key);
      } catch (error) {
        // Offline: the browser's copy is opened, and sent once the server answers.
        if (error instanceof OfflineError) return undefined;
        throw error;
      }
    },
    enabled: onServer && givenKey !== undefined,
    gcTime: 0,
    staleTime: 0,
    retry: false,
  });
  const serverList = useQuery({
    queryKey: ['server-drafts'],
    queryFn: fetchServerDrafts,
    enabled: onServer,
    retry: false,
  });
  const { drafts } = useDrafts();
  // Prerendered as a page of its own (prerender-site.ts), which the browser renders afresh:
  // this is what shows until then, and all that shows without JavaScript.
  if (!hydrated) {
    return (
      <article>
        {/* The heading the editor itself shows, so it does not change once the editor runs. */}
        <DocumentTitle>{`Edit: ${deployed?.title ?? 'new troubleshooter'}`}</DocumentTitle>
        <PageHeading caption={editorCaption(deployed)}>
          {deployed?.title ?? 'Untitled troubleshooter'}
        </PageHeading>
        <p className="lead">
          The editor runs in your browser and needs JavaScript. It works on a copy, kept only in
          this browser until you download it.
        </p>
      </article>
    );
  }
  if (treeId && error) return <TreeErrorScreen error={error} treeId={treeId} />;
  if (treeId && !deployed) return null;
  if (!known) return null;
  if (onServer && givenKey !== undefined && serverDraft.isPending) return null;
  if (onServer && serverList.isPending && !serverList.isError) return null;
  // Ids in use: published ones (the list), and other drafts' (here and on the server).
  const idsInUse = new Map<string, string>();
  for (const entry of catalog?.trees ?? []) {
    idsInUse.set(entry.id, `the published troubleshooter “${entry.title}”`);
  }
  for (const draft of drafts) {
    if (draft.key !== key && draft.note?.treeId) {
      idsInUse.set(
        draft.note.treeId,
        `another draft in this browser (${draftName(draft.note.title)})`,
      );
    }
  }
  for (const draft of serverList.data ?? []) {
    if (draft.key !== key) {
      idsInUse.set(
        draft.treeId,
        `another draft on the server (${draftName(draft.title)}${draft.updatedBy ? `, last saved by ${draft.updatedBy}` : ''})`,
      );
    }
  }
  if (deployed) idsInUse.delete(deployed.id);
  return (
    <DraftOpener
      // Another tree or draft is another editor: nothing of this one's state carries over.
      key={`${key}:${attempt}`}
      draftKey={key}
      deployed={deployed}
      server={onServer ? (givenKey === undefined ? null : serverDraft.data) : undefined}
      onDiscarded={() => setAttempt((count) => count + 1)}
      workspace={(opening) => (
        <EditorWorkspace
          opening={opening}
          deployed={deployed}
          catalog={catalog}
          renderStep={renderStep}
          onServer={onServer}
          serverDrafts={serverList.data}
          idsInUse={idsInUse}
        />
      )}
      idsInUse={idsInUse}
    />
  );
}

/** Reads the draft once (a large one costs a moment to check), then shows it or says it is broken. */
function DraftOpener({
  draftKey,
  deployed,
  server,
  idsInUse,
  onDiscarded,
  workspace,
}: {
  draftKey: string;
  deployed: Tree | undefined;
  server: ServerDraft | null | undefined;
  idsInUse: Map<string, string>;
  onDiscarded: () => void;
  workspace: (opening: DraftOpening) => ReactNode;
}) {
  const [opened] = useState(() => {
    const local = readDraft(draftKey);
    if (local.status === 'broken') return { broken: local.problem };
    return {
      opening: openDraft({ key: draftKey, deployed, local, server, idsInUse: idsInUse.keys() }),
    };
  });
  // A settled copy in this browser goes once the page is drawn (the list of drafts hears it).
  const dropLocal = opened.opening?.dropLocal === true;
  useEffect(() => {
    if (dropLocal) deleteDraft(draftKey);
  }, [dropLocal, draftKey]);
  if (opened.opening) return workspace(opened.opening);
  return (
    <BrokenDraft
      draftKey={draftKey}
      problem={opened.broken ?? ''}
      deployed={deployed}
      onDiscarded={onDiscarded}
    />
  );
}

/** A stored draft the editor cannot read: said so, with a way to discard it. */
function BrokenDraft({
  draftKey,
  problem,
  deployed,
  onDiscarded,
}: {
  draftKey: string;
  problem: string;
  deployed: Tree | undefined;
  onDiscarded: () => void;
}) {
  return (
    <article>
      <DocumentTitle>Draft cannot be opened</DocumentTitle>
      <PageHeading caption={editorCaption(deployed)}>This draft cannot be opened</PageHeading>
      <p className="lead">
        The copy kept in this browser is damaged: {problem}. It may have been written by an older
        version of the editor or changed by hand.
      </p>
      <p>
        <button
          type="button"
          className="editor-button"
          onClick={() => {
            deleteDraft(draftKey);
            onDiscarded();
          }}
        >
          Discard this draft
        </button>{' '}
        {deployed ? 'and start again from the deployed version' : 'and start a new troubleshooter'}
      </p>
    </article>
  );
}
