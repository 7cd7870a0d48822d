import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  startTransition,
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type DragEvent,
} from 'react';
import { Link } from 'react-router';
import { DocumentTitle } from '../../components/document-title';
import { PageHeading } from '../../components/page-heading';
import { sessionQueryOptions } from '../../data/session-query';
import { archivedTreeQueryOptions } from '../../data/tree-query';
import { problemNodeIndex } from '../../engine/check-draft';
import { canRedo, canUndo } from '../../engine/edit-history';
import { addNode, formatTreeFile } from '../../engine/tree-edits';
import type { Tree, TreeIndex } from '../../engine/tree-schema';
import { firstTrails } from '../../engine/tree-walks';
import { wireLooseEnds } from '../../engine/preview-draft';
import { readTreeShapeText } from '../../engine/validate-tree';
import { paths } from '../../lib/paths';
import { authorMessage, describePath, pathAndParents } from './describe-path';
import { DownloadPanel } from './download-panel';
import { DraftConflict } from './draft-conflict';
import { DraftList, timeText } from './draft-list';
import { ReviewsDue } from './reviews-due';
import { deleteDraft, draftTreeId, useDrafts, type ListedDraft } from './draft-store';
import { downloadFile } from './download-file';
import {
  editorReducer,
  selectedIndex,
  startEditor,
  type Change,
  type Selection,
} from './editor-state';
import { editorCaption, historyMessage } from './editor-caption';
import { FieldProblems, fieldId } from './field-problems';
import { FocusAfterCommit } from './focus-after-commit';
import { OutcomeForm, QuestionForm, TreeForm, type FormContext } from './node-forms';
import { PreviewPane, type PreviewAt, type RenderStep } from './preview-pane';
import { ProblemList } from './problem-list';
import { SaveStatus } from './save-status';
import { StepReportsPanel } from '../../components/step-reports-panel';
import { UnreadableConfigNotice } from './unreadable-config-notice';
import { ServerAccount } from './server-account';
import { deleteServerDraft, type ListedServerDraft } from './server-drafts';
import { SideTabs, type SideTab } from './side-tabs';
import { TreeOutline } from './tree-outline';
import { useDraftChecks } from './use-draft-checks';
import { basedOnAfter, useDraftSync, type DraftOpening, type Merge } from './use-draft-sync';
import { useWideLayout } from './use-wide-layout';

/**
 * An element to focus once React has committed the change that puts it on screen; with
 * `ifLost`, only if focus is on nothing after the update (its element went with it).
 */
type FocusRequest = { ids: string[]; scroll?: boolean; ifLost?: boolean };

export function EditorWorkspace({
  opening,
  deployed,
  catalog,
  renderStep,
  onServer,
  serverDrafts,
  idsInUse,
}: {
  opening: DraftOpening;
  deployed: Tree | undefined;
  catalog: TreeIndex | undefined;
  renderStep: RenderStep;
  onServer: boolean;
  serverDrafts: ListedServerDraft[] | undefined;
  idsInUse: ReadonlyMap<string, string>;
}) {
  const [state, dispatch] = useReducer(editorReducer, opening.tree, startEditor);
  const tree = state.history.present;
  const [basedOn, setBasedOn] = useState(opening.basedOn);
  const queryClient = useQueryClient();
  const onAdopt = useCallback((adopted: Tree, adoptedBase: number | undefined) => {
    dispatch({ type: 'replace', tree: adopted });
    setBasedOn(adoptedBase);
  }, []);
  const [message, setMessage] = useState('');
  // Another copy saved meanwhile changed other parts than this one did: the hook merged both
  // (engine/draft-merge.ts); the merge is an edit Undo takes back, and the page says what came in.
  const onMerge = useCallback((merged: Tree, mergedBase: number | undefined, merge: Merge) => {
    dispatch({ type: 'merge', tree: merged });
    setBasedOn(mergedBase);
    if (merge.parts.length === 0) return;
    setMessage(
      `${merge.by} saved changes to other parts meanwhile (${merge.parts.join(', ')}): they are merged with yours. Undo takes them out of your copy.`,
    );
  }, []);
  const sync = useDraftSync({ opening, tree, basedOn, onServer, onAdopt, onMerge });
  const { drafts } = useDrafts();
  const wide = useWideLayout();
  // Narrow, the outline and form are a tab of their own, the one to start on.
  const [tab, setTab] = useState(() => (wide ? 'preview' : 'edit'));
  const [preview, setPreview] = useState<PreviewAt>({ trail: [] });
  const [confirming, setConfirming] = useState<(() => void) | undefined>();
  const typing = useRef<string | undefined>(undefined);
  // Focus moves after the commit that shows its target, as the wizard's does.
  const [focusRequest, setFocusRequest] = useState<FocusRequest>();
  useEffect(() => {
    if (!focusRequest) return;
    const active = document.activeElement;
    if (focusRequest.ifLost && active && active !== document.body) return;
    const target = focusRequest.ids
      .map((id) => document.getElementById(id))
      .find((element) => element !== null);
    target?.focus();
    if (focusRequest.scroll) target?.scrollIntoView({ block: 'nearest' });
  }, [focusRequest]);

  // What follows from the whole tree (the checks, the preview, the impact, the outline) is
  // worked out from a settled copy: a key shows at once in its field, and the rest catches
  // up (useSettledTree).
  const settled = useSettledTree(tree);
  // Only while its tab is open: comparing every walk of a large tree takes a moment.
  const impactShown = tab === 'publish';
  // The checks (and the impact) of the settled tree run in a worker; until they are back,
  // the last ones are shown, with the tree they are about (`checked`): their paths index its
  // nodes.
  const {
    tree: checked,
    check,
    previewable,
    impact,
  } = useDraftChecks(settled, deployed, impactShown && deployed !== undefined);
  const impactPending =
    impactShown && deployed !== undefined && check.walkable && impact === undefined;
  // The preview walks the draft while answers are still unwired: they lead to a stand-in.
  const previewTree = useMemo(
    () => (check.walkable ? checked : wireLooseEnds(checked)),
    [check, checked],
  );
  const idInUse = deployed ? undefined : idsInUse.get(tree.id);
  // A new troubleshooter has no deployed version to weigh the draft's impact against.
  const publishingTab = deployed ? 'Impact and publishing' : 'Publishing';
  // Each problem with its place in words. The same list (the same object) while a new report
  // finds the same problems: every field reads them (FieldProblems), and a new list would
  // have React look through the whole page (thousands of outline rows) for those fields.
  const problems = useSameWhileEqual(
    useMemo(
      () =>
        [
          ...(idInUse
            ? [{ path: '$.id', message: `is already used by ${idInUse}: choose another id` }]
            : []),
          ...check.problems.map((problem) => ({
            ...problem,
            message: authorMessage(checked, problem.path, problem.message),
          })),
        ].map((problem) => ({ ...problem, place: describePath(checked, problem.path) })),
      [idInUse, check, checked],
    ),
    sameProblems,
  );
  const problemsByPath = useMemo(() => {
    const byPath = new Map<string, typeof problems>();
    for (const problem of problems) {
      byPath.set(problem.path, [...(byPath.get(problem.path) ?? []), problem]);
    }
    return byPath;
  }, [problems]);
  // A blank new troubleshooter: the last draft is offered, the one the author most likely
  // came back for.
  const fresh = !deployed && opening.localRevision === 0 && opening.serverRevision === 0;
  // "Your" last draft: of the drafts on the server, only those this account saved last.
  const { data: account } = useQuery({ ...sessionQueryOptions(), enabled: onServer });
  const lastDraft = fresh
    ? latestDraft(
        drafts,
        serverDrafts?.filter((draft) => draft.updatedBy === account?.email),
        opening.key,
      )
    : undefined;
  const deployedIds = useMemo(
    () => new Set(deployed?.nodes.map((node) => node.id) ?? []),
    [deployed],
  );
  const behind = deployed !== undefined && basedOn !== undefined && basedOn < deployed.version;

  // A new troubleshooter's address names its draft, so a reload opens it again. Not a
  // router navigation: that would move focus to the page heading mid-typing.
  const edited = state.history.past.length > 0;
  useEffect(() => {
    if (!edited || deployed || new URLSearchParams(location.search).has('draft')) return;
    const href = paths.edit.getHref(undefined, opening.key);
    history.replaceState(history.state, '', `${import.meta.env.BASE_URL}${href.slice(1)}`);
  }, [edited, deployed, opening.key]);

  // Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) anywhere on the page, also while typing: the
  // fields' own undo would take back letters the editor's history does not know about.
  const historyNow = useRef(state.history);
  useLayoutEffect(() => {
    historyNow.current = state.history;
  });
  const undoOrRedo = useCallback((redo: boolean) => {
    const current = historyNow.current;
    setMessage(historyMessage(current, redo));
    if (!(redo ? canRedo(current) : canUndo(current))) return;
    dispatch({ type: redo ? 'redo' : 'undo' });
    // Undoing an addition removes the field that had focus: focus goes to the heading of the
    // item selected now rather than to the page's top. Focus still on screen stays put.
    setFocusRequest({ ids: ['editor-form-heading'], ifLost: true });
  }, []);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'z' || key === 'y') {
        event.preventDefault();
        undoOrRedo(key === 'y' || event.shiftKey);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [undoOrRedo]);

  const apply = (change: Change) => {
    dispatch({ type: 'edit', change, typing: typing.current });
    typing.current = undefined;
  };
  const select = useCallback((selection: Selection) => dispatch({ type: 'select', selection }), []);
  const focusForm = useCallback(() => setFocusRequest({ ids: ['editor-form-heading'] }), []);
  const context: FormContext = {
    tree,
    apply,
    deployed: deployedIds,
    idsInUse: deployed ? undefined : idsInUse,
    onPreview: (id) => {
      const trail = previewable ? firstTrails(previewTree).get(id) : undefined;
      if (!trail) {
        setMessage(
          check.walkable
            ? 'No walk reaches this yet: point an answer at it first.'
            : 'No walk reaches this yet: an answer on the way leads nowhere or to something that is not there (Checks).',
        );
        return;
      }
      setPreview({ trail });
      setTab('preview');
      setFocusRequest({ ids: ['panel-preview'] });
    },
    onType: (path) => {
      typing.current = path;
    },
    onLeave: () => dispatch({ type: 'seal' }),
    onRemoved: (what) => setMessage(`Removed ${what}. Undo (Ctrl+Z) brings it back.`),
  };

  // The tree the problems were found in, read when one is chosen: their paths index its nodes.
  const checkedNow = useRef(checked);
  useLayoutEffect(() => {
    checkedNow.current = checked;
  });
  const chooseProblem = useCallback(
    (path: string) => {
      if (!wide) setTab('edit');
      const index = problemNodeIndex(path);
      const node = index === undefined ? undefined : checkedNow.current.nodes[index];
      const answer = /answers\[(\d+)\]/.exec(path)?.[1];
      select(
        node
          ? { kind: 'node', id: node.id, index, ...(answer ? { answer: Number(answer) } : {}) }
          : { kind: 'tree' },
      );
      // The field the problem names, once its form is on screen (or the nearest that holds it).
      setFocusRequest({
        ids: [...pathAndParents(path).map(fieldId), 'editor-form-heading'],
        scroll: true,
      });
    },
    [wide, select],
  );

  /** Downloads at once, or, with problems, only once the author says so. */
  const guarded = (download: () => void) => {
    if (problems.length === 0) return download();
    setConfirming(() => download);
    setFocusRequest({ ids: ['editor-confirm'] });
  };

  const openFile = async (file: File) => {
    // The rulebook's reading of a file (a byte-order mark, duplicate keys, sizes), as
    // check:trees reads it; the message names the JSON path of the first problem.
    const read = readTreeShapeText(await file.text());
    if (!read.ok) {
      const first = read.problems[0];
      setMessage(
        `${file.name} is not a troubleshooter file the editor can open (${first ? `${first.path}: ${first.message}` : 'unknown shape'}).`,
      );
      return;
    }
    dispatch({ type: 'replace', tree: read.value });
    setMessage(`Opened ${file.name}. Undo brings back what was here before.`);
  };

  const index = selectedIndex(tree, state.selection);
  const node = index === undefined ? undefined : tree.nodes[index];
  const fileName = `${tree.id || 'troubleshooter'}.json`;

  const onDrop = (event: DragEvent) => {
    const file = event.dataTransfer.files[0];
    if (!file) return;
    event.preventDefault();
    void openFile(file);
  };

  const outlineSection = (
    <section className="editor-layout__outline" aria-labelledby="editor-outline-heading">
      <h2 id="editor-outline-heading">Outline</h2>
      <TreeOutline
        tree={settled}
        selection={state.selection}
        onSelect={select}
        onEnter={focusForm}
      />
      <div className="editor-item-buttons">
        {(['question', 'outcome'] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            className="editor-button"
            onClick={() => {
              apply((current) => {
                const added = addNode(current, kind);
                return { tree: added.tree, select: { kind: 'node', id: added.id } };
              });
              setFocusRequest({ ids: ['editor-form-heading'] });
            }}
          >
            Add {kind}
          </button>
        ))}
      </div>
    </section>
  );
  const formSection = (
    <section className="editor-layout__form" aria-label="Selected item">
      {node?.kind === 'question' && index !== undefined ? (
        <QuestionForm key={index} context={context} index={index} />
      ) : node?.kind === 'outcome' && index !== undefined ? (
        <OutcomeForm key={index} context={context} index={index} />
      ) : (
        <TreeForm context={context} />
      )}
      {/* Issue 26: reports people sent about this node (authors signed in to a server). */}
      {node && tree.id ? <StepReportsPanel tree={tree} node={node.id} /> : null}
    </section>
  );
  const sideLabel = 'Preview, impact and drafts';
  const sideTabs: SideTab[] = [
    {
      id: 'preview',
      label: 'Preview',
      content: (
        <PreviewPane
          tree={previewTree}
          at={preview}
          onMove={setPreview}
          renderStep={renderStep}
          walkable={previewable}
        />
      ),
    },
    {
      id: 'publish',
      label: publishingTab,
      content: (
        <DownloadPanel
          tree={tree}
          deployed={deployed}
          impact={impact}
          impactPending={impactPending}
          behind={behind}
          draftKey={opening.key}
          catalog={catalog}
          idInUse={idInUse}
          guarded={guarded}
        />
      ),
    },
    {
      id: 'drafts',
      label: 'Drafts',
      content: (
        <>
          {onServer ? <ReviewsDue /> : null}
          <DraftList
            drafts={drafts}
            serverDrafts={serverDrafts}
            current={opening.key}
            onDelete={(key) => {
              deleteDraft(key);
              if (onServer) void deleteServerDraft(key).catch(() => undefined);
            }}
          />
        </>
      ),
    },
  ];

  return (
    // A file dropped anywhere on the editor is opened; "Open file" does the same by keyboard.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div className="editor" onDragOver={(event) => event.preventDefault()} onDrop={onDrop}>
      <FocusAfterCommit>
        <DocumentTitle>{`Edit: ${tree.title || 'new troubleshooter'}`}</DocumentTitle>
        <PageHeading caption={editorCaption(deployed)}>
          {tree.title || 'Untitled troubleshooter'}
        </PageHeading>
        <p className="lead">
          {onServer
            ? 'Your draft is saved on the server as you type, where the people who edit with you see it.'
            : 'Your draft is saved in this browser as you type; nothing is sent anywhere until you download it.'}
          {deployed ? (
            <>
              {' '}
              <Link to={paths.map.getHref(deployed.id)}>Map of the deployed version</Link>
            </>
          ) : null}
        </p>
        <SaveStatus state={sync.state} savedAt={sync.savedAt} editors={sync.editors} />
        {lastDraft && !edited ? (
          <p className="panel panel--notice">
            Your last draft: <Link to={lastDraft.href}>continue “{lastDraft.title}”</Link> (saved{' '}
            {timeText(lastDraft.savedAt)}), or start this new troubleshooter.
          </p>
        ) : null}
        <ServerAccount publishingTab={publishingTab} />
        <UnreadableConfigNotice />
        {behind && deployed && !sync.conflict ? (
          <section className="panel panel--warning" aria-labelledby="editor-behind-heading">
            <h2 id="editor-behind-heading">
              Version {deployed.version} is deployed since this draft began
            </h2>
            <p>
              This draft started from version {basedOn}. Changes made since would be undone if it
              were published as it is, so it cannot be downloaded until you compare it with version{' '}
              {deployed.version} and choose what to keep.
            </p>
            <button
              type="button"
              className="editor-button"
              onClick={() => {
                // The version it started from, where the site keeps it for old links: then the
                // changes made since are told apart from the author's own.
                void queryClient
                  .fetchQuery(archivedTreeQueryOptions(deployed.id, basedOn ?? 1))
                  .then(
                    (base) => sync.compareWith(deployed, base),
                    () => sync.compareWith(deployed),
                  );
              }}
            >
              Compare with version {deployed.version}
            </button>
          </section>
        ) : null}
        {sync.conflict ? (
          <DraftConflict
            conflict={sync.conflict}
            mine={tree}
            onResolve={(merged) => {
              if (!sync.conflict) return;
              // Compared with a later version: the draft is based on it from now on, on the
              // server too, so the comparison is not asked for again.
              const settledBase = basedOnAfter(sync.conflict, basedOn, deployed?.version);
              setBasedOn(settledBase);
              dispatch({ type: 'replace', tree: merged });
              sync.resolve(merged, settledBase);
              setMessage(
                'Your choices are kept in the draft. Undo brings back your copy as it was.',
              );
            }}
          />
        ) : null}

        <div className="editor-toolbar" role="group" aria-label="File and history">
          <button
            type="button"
            className="editor-button"
            aria-disabled={!canUndo(state.history) || undefined}
            aria-keyshortcuts="Control+Z"
            onClick={() => undoOrRedo(false)}
          >
            Undo
          </button>
          <button
            type="button"
            className="editor-button"
            aria-disabled={!canRedo(state.history) || undefined}
            aria-keyshortcuts="Control+Shift+Z"
            onClick={() => undoOrRedo(true)}
          >
            Redo
          </button>
          <span className="editor-file">
            <input
              type="file"
              id="editor-open-file"
              className="editor-file__input"
              accept=".json,application/json"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void openFile(file);
              }}
            />
            <label htmlFor="editor-open-file" className="editor-button">
              Open file
            </label>
          </span>
          {behind ? null : (
            <button
              type="button"
              className="editor-button"
              onClick={() => guarded(() => downloadFile(fileName, formatTreeFile(tree)))}
            >
              Download {fileName}
            </button>
          )}
        </div>
        <p role="status" className="editor-message">
          {message}
        </p>
        {confirming ? (
          <div
            className="panel panel--warning"
            role="alertdialog"
            aria-labelledby="editor-confirm-text"
          >
            <p id="editor-confirm-text">
              This file has {problems.length === 1 ? 'a problem' : `${problems.length} problems`}{' '}
              (Checks): the site will not build with it. The draft is kept either way.
            </p>
            <button
              type="button"
              id="editor-confirm"
              className="editor-button"
              onClick={() => {
                confirming();
                setConfirming(undefined);
              }}
            >
              Download anyway
            </button>{' '}
            <button
              type="button"
              className="editor-button"
              onClick={() => setConfirming(undefined)}
            >
              Cancel
            </button>
          </div>
        ) : null}

        <FieldProblems value={problemsByPath}>
          <ProblemList
            problems={problems}
            onChoose={chooseProblem}
            saveRefused={!['idle', 'saving', 'saved'].includes(sync.state.kind)}
          />
          <div className={wide ? 'editor-layout' : 'editor-layout editor-layout--tabs'}>
            {wide ? (
              <>
                {outlineSection}
                {formSection}
                <section className="editor-layout__side" aria-label={sideLabel}>
                  <SideTabs label={sideLabel} selected={tab} onSelect={setTab} tabs={sideTabs} />
                </section>
              </>
            ) : (
              <SideTabs
                label={`Edit, ${sideLabel.toLowerCase()}`}
                selected={tab}
                onSelect={setTab}
                tabs={[
                  {
                    id: 'edit',
                    label: 'Edit',
                    content: (
                      <>
                        {outlineSection}
                        {formSection}
                      </>
                    ),
                  },
                  ...sideTabs,
                ]}
              />
            )}
          </div>
        </FieldProblems>
      </FocusAfterCommit>
    </div>
  );
}

type PlacedProblem = { path: string; message: string; place: string };

function sameProblems(before: readonly PlacedProblem[], after: readonly PlacedProblem[]): boolean {
  return (
    before.length === after.length &&
    before.every(
      (problem, at) =>
        problem.path === after[at]?.path &&
        problem.message === after[at].message &&
        problem.place === after[at].place,
    )
  );
}

/**
 * The value given, or the one given before when `same` says they are equal: what depends on
 * it is then not drawn again. (React's pattern for state adjusted during render.)
 */
function useSameWhileEqual<T>(value: T, same: (before: T, after: T) => boolean): T {
  const [kept, setKept] = useState(value);
  const current = kept === value || same(kept, value) ? kept : value;
  if (current !== kept) setKept(current);
  return current;
}

/** A tree of more nodes than this takes longer than a frame to check (docs/performance.md). */
const LARGE_TREE_NODES = 300;
/** How long typing pauses before a large tree is checked again. */
const SETTLE_MS = 300;

/**
 * The tree the checks, preview, impact and outline read. React's useDeferredValue lets a
 * key show before them, but cannot cut one long call in two: checking a tree of 1,500
 * nodes is one call of a few hundred milliseconds, and the next key would wait for it.
 * So a large tree is checked again once typing pauses; a small one at once (deferred).
 */
function useSettledTree(tree: Tree): Tree {
  const large = tree.nodes.length > LARGE_TREE_NODES;
  const [paused, setPaused] = useState(tree);
  useEffect(() => {
    if (!large) return;
    // In a transition, like the deferred value: the page is drawn again for the settled
    // tree in slices, and a key typed meanwhile goes first (ADR 52).
    const timer = setTimeout(() => startTransition(() => setPaused(tree)), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [tree, large]);
  return useDeferredValue(large ? paused : tree);
}

/** The draft saved last, here or on the server, other than the one open. */
function latestDraft(
  drafts: ListedDraft[],
  serverDrafts: ListedServerDraft[] | undefined,
  current: string,
): { href: string; title: string; savedAt: string } | undefined {
  const candidates = [
    ...(serverDrafts ?? []).map((draft) => ({
      key: draft.key,
      title: draft.title || draft.treeId,
      savedAt: draft.updatedAt,
    })),
    ...drafts.flatMap((draft) =>
      draft.note
        ? [
            {
              key: draft.key,
              title: draft.note.title || draft.note.treeId,
              savedAt: draft.note.savedAt,
            },
          ]
        : [],
    ),
  ]
    .filter((draft) => draft.key !== current)
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  const latest = candidates[0];
  if (!latest) return undefined;
  const treeId = draftTreeId(latest.key);
  return {
    href: treeId ? paths.edit.getHref(treeId) : paths.edit.getHref(undefined, latest.key),
    title: latest.title || 'Untitled troubleshooter',
    savedAt: latest.savedAt,
  };
}
