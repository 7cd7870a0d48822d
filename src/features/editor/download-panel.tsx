import { formatTreeFile } from '../../engine/tree-edits';
import type { Tree, TreeIndex } from '../../engine/tree-schema';
import type { TreeImpact } from '../../engine/tree-impact';
import { downloadFile } from './download-file';
import { ImpactPanel } from './impact-panel';
import { ReviewOwner } from './review-owner';
import { SubmitForReview } from './submit-for-review';

/**
 * The Publishing tab without a server: the impact on shared links, and the files to put in
 * place. A draft behind the deployed version offers no download: it would undo the changes
 * deployed since (the notice above the editor offers them instead).
 */
export function DownloadPanel({
  tree,
  deployed,
  impact,
  impactPending = false,
  behind,
  draftKey,
  catalog,
  idInUse,
  guarded,
}: {
  tree: Tree;
  deployed: Tree | undefined;
  impact: TreeImpact | undefined;
  /** The impact is being worked out (the checks' worker). */
  impactPending?: boolean;
  behind: boolean;
  /** The draft being edited: a submission names it, to settle it once published. */
  draftKey: string;
  catalog: TreeIndex | undefined;
  /** What already uses this draft's id, if anything (a new troubleshooter's). */
  idInUse: string | undefined;
  /** Downloads at once, or, with problems, once the author says so. */
  guarded: (download: () => void) => void;
}) {
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
  // Never at or below the deployed version (issue 27): each publish is the next version, as
  // on the server, so a draft begun from the version deployed now is behind once another is
  // published, and is compared with it rather than downloaded over it.
  const raised = deployed ? Math.max(tree.version, deployed.version + 1) : tree.version;
  return (
    <div className="editor-publish">
      {behind && deployed ? (
        <p className="panel panel--warning">
          This draft started from an older version than version {deployed.version}, which is
          deployed now: what is listed below as changed includes the changes made since, which
          publishing this draft would undo. Compare it with version {deployed.version} first (above
          the editor).
        </p>
      ) : null}
      {deployed ? (
        impact ? (
          <ImpactPanel deployed={deployed} draft={tree} impact={impact} />
        ) : impactPending ? (
          <p>Working out the impact on shared links…</p>
        ) : (
          <p>
            The impact on shared links is shown once every answer leads to a question or outcome
            that exists (Checks).
          </p>
        )
      ) : null}
      {/* Like the download: a draft behind would be reviewed against the version deployed now,
          its undoing of the changes made since unseen. Compared first, it is not behind. */}
      {behind && deployed ? null : (
        <SubmitForReview tree={tree} baseVersion={deployed?.version ?? null} draftKey={draftKey} />
      )}
      {/* Published ones only: the server keeps an owner and a date for what it serves. */}
      {deployed ? <ReviewOwner treeId={deployed.id} /> : null}
      <h3>Download for publishing</h3>
      {behind && deployed ? (
        <p>
          No download yet: this draft started from an older version than version {deployed.version},
          which is deployed now. Compare it with the deployed version first (above the editor), so
          that the changes made since are not undone.
        </p>
      ) : idInUse ? (
        <p>
          No download yet: the id “{tree.id}” is already used by {idInUse}. Choose another id
          (Troubleshooter, Id).
        </p>
      ) : (
        <>
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
            {deployed ? (
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
                    guarded(() =>
                      downloadFile('index.json', `${JSON.stringify(withEntry, null, 2)}\n`),
                    )
                  }
                >
                  Download index.json (the list, with this troubleshooter added)
                </button>
                <p>Its entry in the list:</p>
                <pre className="editor-publish__entry">{JSON.stringify(indexEntry, null, 2)}</pre>
              </li>
            ) : null}
          </ul>
        </>
      )}
    </div>
  );
}
