import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useEffect, useReducer, useRef, useState, type DragEvent } from 'react';
import { Link, useLoaderData, useParams, useSearchParams } from 'react-router';
import { DocumentTitle } from '../../components/document-title';
import { PageHeading } from '../../components/page-heading';
import { TreeErrorScreen } from '../../components/tree-error-screen';
import { catalogQueryOptions } from '../../data/catalog-query';
import { ensureTree, treeQueryOptions } from '../../data/tree-query';
import { checkDraft, problemNodeIndex } from '../../engine/check-draft';
import { canRedo, canUndo } from '../../engine/edit-history';
import { treeImpact } from '../../engine/tree-impact';
import { addNode, formatTreeFile, newTree } from '../../engine/tree-edits';
import type { Tree, TreeIndex } from '../../engine/tree-schema';
import { firstTrails } from '../../engine/tree-walks';
import { readTreeShapeText } from '../../engine/validate-tree';
import { paths } from '../../lib/paths';
import { useHydrated } from '../../data/prerendered-page';
import { downloadFile } from './download-file';
import {
  deleteDraft,
  draftKeyForTree,
  newDraftKey,
  readDraft,
  saveDraft,
  useDrafts,
  type StoredDraft,
} from './draft-store';
import {
  editorReducer,
  selectedIndex,
  startEditor,
  type Change,
  type Selection,
} from './editor-state';
import { FieldProblems, fieldId } from './field-problems';
import { ImpactPanel } from './impact-panel';
import { nodeLabel, OutcomeForm, QuestionForm, TreeForm, type FormContext } from './node-forms';
import { StepReportsPanel } from '../../components/step-reports-panel';
import { PreviewPane, type PreviewAt, type RenderStep } from './preview-pane';
import { ProblemList } from './problem-list';
import { SideTabs, type SideTab } from './side-tabs';
import { TreeOutline } from './tree-outline';
import { ServerAccount } from './server-account';
import { SubmitForReview } from './submit-for-review';
import { useWideLayout } from './use-wide-layout';
import './editor.css';

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
  const draftKey = treeId ? draftKeyForTree(treeId) : (search.get('draft') ?? undefined);
  return (
    <EditorWorkspace
      // Another tree or draft is another editor: nothing of this one's state carries over.
      key={treeId ?? draftKey ?? 'new'}
      deployed={deployed}
      draftKey={draftKey}
      catalog={catalog}
      renderStep={renderStep}
    />
  );
}

function editorCaption(deployed: Tree | undefined): string {
  return deployed
    ? `Edit troubleshooter (version ${deployed.version} is deployed)`
    : 'New troubleshooter';
}

function timeText(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "Question “Is it on?”, answer 2, leads to": where a problem's path is, in words. */
function describePath(tree: Tree, path: string): string {
  const index = problemNodeIndex(path);
  const node = index === undefined ? undefined : tree.nodes[index];
  if (!node) {
    if (path === '$.start') return 'First question';
    // Its field too: "Troubleshooter" alone, twice, would not say which one is empty.
    const field = /^\$\.(\w+)(?:\.(\w+))?/.exec(path);
    return field ? `Troubleshooter, ${field.slice(1).filter(Boolean).join(' ')}` : 'Troubleshooter';
  }
  const answer = /answers\[(\d+)\](?:\.(\w+))?/.exec(path);
  const field = answer ? answer[2] : /\.(\w+)(?:\[\d+\])?$/.exec(path)?.[1];
  return [
    `${node.kind === 'question' ? 'Question' : 'Outcome'} “${nodeLabel(node)}”`,
    answer ? `answer ${Number(answer[1]) + 1}` : undefined,
    field && field !== 'answers' ? field : undefined,
  ]
    .filter(Boolean)
    .join(', ');
}

/** The JSON path and its parents, nearest first: the field, then what holds it. */
function pathAndParents(path: string): string[] {
  const list = [path];
  for (let current = path; ;) {
    const parent = current.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    if (parent === current || parent === '$') break;
    list.push(parent);
    current = parent;
  }
  return list;
}

function EditorWorkspace({
  deployed,
  draftKey: givenKey,
  catalog,
  renderStep,
}: {
  deployed: Tree | undefined;
  draftKey: string | undefined;
  catalog: TreeIndex | undefined;
  renderStep: RenderStep;
}) {
  // Read once: a draft saved in this browser wins over the deployed file it started from.
  const [opened] = useState(() => {
    const stored = givenKey ? readDraft(givenKey) : undefined;
    return { stored, key: givenKey ?? newDraftKey() };
  });
  const [state, dispatch] = useReducer(editorReducer, undefined, () =>
    startEditor(opened.stored?.tree ?? deployed ?? newTree()),
  );
  const tree = state.history.present;
  const { drafts, refused: storageRefused } = useDrafts();
  const savedAt = drafts.find((draft) => draft.key === opened.key)?.savedAt;
  const wide = useWideLayout();
  // Narrow, the outline and form are a tab of their own, the one to start on.
  const [tab, setTab] = useState(() => (wide ? 'preview' : 'edit'));
  const [preview, setPreview] = useState<PreviewAt>({ trail: [] });
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState<(() => void) | undefined>();
  const typing = useRef<string | undefined>(undefined);

  const check = checkDraft(tree);
  const problemsByPath = new Map<string, typeof check.problems>();
  for (const problem of check.problems) {
    problemsByPath.set(problem.path, [...(problemsByPath.get(problem.path) ?? []), problem]);
  }
  const deployedIds = new Set(deployed?.nodes.map((node) => node.id) ?? []);

  // Saved as you go, once there is something of the author's in it.
  const edited = state.history.past.length > 0 || opened.stored !== undefined;
  useEffect(() => {
    if (!edited) return;
    saveDraft({
      key: opened.key,
      basedOn: deployed?.version,
      savedAt: new Date().toISOString(),
      tree,
    });
    // A new troubleshooter's address names its draft, so a reload opens it again. Not a
    // router navigation: that would move focus to the page heading mid-typing.
    if (!deployed && !new URLSearchParams(location.search).has('draft')) {
      const href = paths.edit.getHref(undefined, opened.key);
      history.replaceState(history.state, '', `${import.meta.env.BASE_URL}${href.slice(1)}`);
    }
  }, [tree, edited, opened.key, deployed]);

  // Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) anywhere on the page, also while typing: the
  // fields' own undo would take back letters the editor's history does not know about.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'z' || key === 'y') {
        event.preventDefault();
        dispatch({ type: key === 'y' || event.shiftKey ? 'redo' : 'undo' });
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const apply = (change: Change) => {
    dispatch({ type: 'edit', change, typing: typing.current });
    typing.current = undefined;
  };
  const select = (selection: Selection) => dispatch({ type: 'select', selection });
  const context: FormContext = {
    tree,
    apply,
    deployed: deployedIds,
    onPreview: (id) => {
      const trail = firstTrails(tree).get(id);
      if (!check.walkable || !trail) {
        setMessage(
          check.walkable
            ? 'No walk reaches this yet: point an answer at it first.'
            : 'The preview needs the problems about where answers lead fixed first.',
        );
        return;
      }
      setPreview({ trail });
      setTab('preview');
      setTimeout(() => document.getElementById('panel-preview')?.focus(), 0);
    },
    onType: (path) => {
      typing.current = path;
    },
    onLeave: () => dispatch({ type: 'seal' }),
  };

  const chooseProblem = (path: string) => {
    if (!wide) setTab('edit');
    const index = problemNodeIndex(path);
    const node = index === undefined ? undefined : tree.nodes[index];
    const answer = /answers\[(\d+)\]/.exec(path)?.[1];
    select(
      node
        ? { kind: 'node', id: node.id, index, ...(answer ? { answer: Number(answer) } : {}) }
        : { kind: 'tree' },
    );
    // Focus goes to the field the problem names once its form is on screen: React commits
    // the click's update before the next task.
    setTimeout(() => {
      const target =
        pathAndParents(path)
          .map((candidate) => document.getElementById(fieldId(candidate)))
          .find(Boolean) ?? document.getElementById('editor-form-heading');
      target?.focus();
      target?.scrollIntoView({ block: 'nearest' });
    }, 0);
  };

  /** Downloads at once, or, with problems, only once the author says so. */
  const guarded = (download: () => void) => {
    if (check.problems.length === 0) return download();
    setConfirming(() => download);
    setTimeout(() => document.getElementById('editor-confirm')?.focus(), 0);
  };

  const openFile = async (file: File) => {
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
  const impact = deployed && check.walkable ? treeImpact(deployed, tree) : undefined;
  const fileName = `${tree.id || 'troubleshooter'}.json`;
  const indexEntry = {
    id: tree.id,
    title: tree.title,
    description: tree.description,
    ...(tree.article?.id ? { article: tree.article.id } : {}),
  };
  const withEntry: TreeIndex = {
    ...(catalog ?? { trees: [] }),
    trees: [...(catalog?.trees ?? []).filter((entry) => entry.id !== tree.id), indexEntry],
  };
  const raised = deployed && impact?.versionMustRise ? deployed.version + 1 : tree.version;

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
        tree={tree}
        selection={state.selection}
        onSelect={select}
        onEnter={() => document.getElementById('editor-form-heading')?.focus()}
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
              setTimeout(() => document.getElementById('editor-form-heading')?.focus(), 0);
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
          tree={tree}
          at={preview}
          onMove={setPreview}
          renderStep={renderStep}
          walkable={check.walkable}
        />
      ),
    },
    {
      id: 'publish',
      label: deployed ? 'Impact and publishing' : 'Publishing',
      content: (
        <div className="editor-publish">
          {deployed ? (
            impact ? (
              <ImpactPanel deployed={deployed} draft={tree} impact={impact} />
            ) : (
              <p>
                The impact on shared links is shown once every answer leads to a question or outcome
                that exists (Checks).
              </p>
            )
          ) : null}
          <SubmitForReview tree={tree} baseVersion={deployed?.version ?? null} />
          <h3>Download for publishing</h3>
          <p>
            {deployed
              ? `Put these files in public/trees/ in place of the deployed one, then build.`
              : `Put these files in public/trees/ (index.json replaces the one there), then build.`}
          </p>
          <ul className="editor-publish__files">
            <li>
              <button
                type="button"
                className="editor-button"
                onClick={() =>
                  guarded(() =>
                    downloadFile(fileName, formatTreeFile({ ...tree, version: raised })),
                  )
                }
              >
                Download {fileName} (version {raised})
              </button>
            </li>
            {deployed && raised !== deployed.version ? (
              <li>
                <button
                  type="button"
                  className="editor-button"
                  onClick={() =>
                    downloadFile(
                      `${deployed.id}.v${deployed.version}.json`,
                      formatTreeFile(deployed),
                    )
                  }
                >
                  Download {deployed.id}.v{deployed.version}.json (archived copy that old links are
                  read against)
                </button>
              </li>
            ) : null}
            {!deployed ? (
              <li>
                <button
                  type="button"
                  className="editor-button"
                  onClick={() =>
                    downloadFile('index.json', `${JSON.stringify(withEntry, null, 2)}\n`)
                  }
                >
                  Download index.json (the list, with this troubleshooter added)
                </button>
                <p>Its entry in the list:</p>
                <pre className="editor-publish__entry">{JSON.stringify(indexEntry, null, 2)}</pre>
              </li>
            ) : null}
          </ul>
        </div>
      ),
    },
    {
      id: 'drafts',
      label: 'Drafts',
      content: <DraftList drafts={drafts} current={opened.key} onDelete={deleteDraft} />,
    },
  ];

  return (
    // A file dropped anywhere on the editor is opened; "Open file" does the same by keyboard.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div className="editor" onDragOver={(event) => event.preventDefault()} onDrop={onDrop}>
      <DocumentTitle>{`Edit: ${tree.title || 'new troubleshooter'}`}</DocumentTitle>
      <PageHeading caption={editorCaption(deployed)}>
        {tree.title || 'Untitled troubleshooter'}
      </PageHeading>
      <p className="lead">
        Your draft lives only in this browser until you download it: nothing is sent anywhere. It is
        saved here as you go{savedAt ? ` (last saved ${timeText(savedAt)})` : ''}.
        {deployed ? (
          <>
            {' '}
            <Link to={paths.map.getHref(deployed.id)}>Map of the deployed version</Link>
          </>
        ) : null}
      </p>
      <ServerAccount />
      {storageRefused ? (
        <p className="panel panel--warning">
          This browser refuses to keep the draft (storage is off or full): download it before you
          close the page.
        </p>
      ) : null}
      {opened.stored && deployed ? (
        <p className="panel panel--notice">
          Opened your draft saved {timeText(opened.stored.savedAt)}, started from version{' '}
          {opened.stored.basedOn ?? '?'}.{' '}
          <button
            type="button"
            className="editor-link-button"
            onClick={() => {
              dispatch({ type: 'replace', tree: deployed });
              setMessage('Back to the deployed version. Undo brings the draft back.');
            }}
          >
            Start again from the deployed version
          </button>
        </p>
      ) : null}

      <div className="editor-toolbar" role="group" aria-label="File and history">
        <button
          type="button"
          className="editor-button"
          aria-disabled={!canUndo(state.history) || undefined}
          aria-keyshortcuts="Control+Z"
          onClick={() => dispatch({ type: 'undo' })}
        >
          Undo
        </button>
        <button
          type="button"
          className="editor-button"
          aria-disabled={!canRedo(state.history) || undefined}
          aria-keyshortcuts="Control+Shift+Z"
          onClick={() => dispatch({ type: 'redo' })}
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
        <button
          type="button"
          className="editor-button"
          onClick={() => guarded(() => downloadFile(fileName, formatTreeFile(tree)))}
        >
          Download {fileName}
        </button>
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
            This file has{' '}
            {check.problems.length === 1 ? 'a problem' : `${check.problems.length} problems`}{' '}
            (Checks): the site will not build with it. It is saved as a draft in this browser either
            way.
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
          <button type="button" className="editor-button" onClick={() => setConfirming(undefined)}>
            Cancel
          </button>
        </div>
      ) : null}

      <FieldProblems value={problemsByPath}>
        <ProblemList
          problems={check.problems}
          describe={(path) => describePath(tree, path)}
          onChoose={chooseProblem}
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
    </div>
  );
}

function DraftList({
  drafts,
  current,
  onDelete,
}: {
  drafts: StoredDraft[];
  current: string;
  onDelete: (key: string) => void;
}) {
  return (
    <div>
      <p>
        Drafts are kept only in this browser, on this computer: another browser or a colleague does
        not see them, and clearing the browser’s data deletes them. Download a draft to keep it.
      </p>
      {drafts.length === 0 ? (
        <p>No drafts yet.</p>
      ) : (
        <ul className="editor-drafts">
          {drafts.map((draft) => {
            const href = draft.key.startsWith('tree:')
              ? paths.edit.getHref(draft.key.slice(5))
              : paths.edit.getHref(undefined, draft.key);
            return (
              <li key={draft.key}>
                {draft.key === current ? (
                  <strong>{draft.tree.title || draft.tree.id} (open)</strong>
                ) : (
                  <Link to={href}>{draft.tree.title || draft.tree.id}</Link>
                )}
                , saved {timeText(draft.savedAt)}
                {draft.key !== current ? (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="editor-link-button"
                      onClick={() => onDelete(draft.key)}
                    >
                      Delete{' '}
                      <span className="visually-hidden">{draft.tree.title || draft.tree.id}</span>
                    </button>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
