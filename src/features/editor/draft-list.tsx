import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import { draftTreeId, type ListedDraft } from './draft-store';
import type { ListedServerDraft } from './server-drafts';

export function timeText(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

const hrefFor = (key: string) => {
  const treeId = draftTreeId(key);
  return treeId ? paths.edit.getHref(treeId) : paths.edit.getHref(undefined, key);
};

/**
 * The drafts this person can open: on the server (shared with the team) when there is one,
 * and those kept in this browser, broken ones with a way to discard them.
 */
export function DraftList({
  drafts,
  serverDrafts,
  current,
  onDelete,
}: {
  drafts: ListedDraft[];
  serverDrafts: ListedServerDraft[] | undefined;
  current: string;
  onDelete: (key: string) => void;
}) {
  const local = serverDrafts
    ? drafts.filter((draft) => !serverDrafts.some((shared) => shared.key === draft.key))
    : drafts;
  return (
    <div>
      {serverDrafts ? (
        <>
          <h3>On the server</h3>
          <p>Drafts here are shared with everyone who may edit: each is saved as you type.</p>
          {serverDrafts.length === 0 ? (
            <p>No drafts on the server yet.</p>
          ) : (
            <ul className="editor-drafts">
              {serverDrafts.map((draft) => (
                <li key={draft.key}>
                  {draft.key === current ? (
                    <strong>{draft.title || draft.treeId} (open)</strong>
                  ) : (
                    <Link to={hrefFor(draft.key)}>{draft.title || draft.treeId}</Link>
                  )}
                  , saved {timeText(draft.updatedAt)}
                  {draft.updatedBy ? ` by ${draft.updatedBy}` : ''}
                </li>
              ))}
            </ul>
          )}
          <h3>Only in this browser</h3>
        </>
      ) : (
        <p>
          Drafts are kept only in this browser, on this computer: another browser or a colleague
          does not see them, and clearing the browser’s data deletes them. Download a draft to keep
          it.
        </p>
      )}
      {local.length === 0 ? (
        <p>No drafts {serverDrafts ? 'only ' : ''}in this browser.</p>
      ) : (
        <ul className="editor-drafts">
          {local.map((draft) => {
            const name = draft.note
              ? draft.note.title || draft.note.treeId || 'Untitled troubleshooter'
              : `A draft that cannot be read (${draft.key})`;
            return (
              <li key={draft.key}>
                {draft.key === current ? (
                  <strong>{name} (open)</strong>
                ) : draft.note ? (
                  <Link to={hrefFor(draft.key)}>{name}</Link>
                ) : (
                  name
                )}
                {draft.note ? `, saved ${timeText(draft.note.savedAt)}` : ''}
                {draft.note?.unsent ? ', with changes not yet sent to the server' : ''}
                {draft.key !== current ? (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="editor-link-button"
                      onClick={() => onDelete(draft.key)}
                    >
                      {draft.note ? 'Delete' : 'Discard'}{' '}
                      <span className="visually-hidden">{name}</span>
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
