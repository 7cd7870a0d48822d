import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import { draftTreeId, type ListedDraft } from './draft-store';
import { deleteServerDraft, type ListedServerDraft } from './server-drafts';

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
  const [deleted, setDeleted] = useState('');
  const deletedLine = useRef<HTMLParagraphElement>(null);
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
                    <strong>{sharedName(draft)} (open)</strong>
                  ) : (
                    <Link to={hrefFor(draft.key)}>{sharedName(draft)}</Link>
                  )}
                  , saved {timeText(draft.updatedAt)}
                  {draft.updatedBy ? ` by ${draft.updatedBy}` : ''}
                  {draft.key === current ? null : (
                    <>
                      {' '}
                      <DeleteSharedDraft
                        draftKey={draft.key}
                        name={sharedName(draft)}
                        onDone={(message) => {
                          setDeleted(message);
                          // The row may be gone: focus goes to what is said about it.
                          requestAnimationFrame(() => deletedLine.current?.focus());
                        }}
                      />
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          <p role="status" ref={deletedLine} tabIndex={-1}>
            {deleted}
          </p>
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

const sharedName = (draft: ListedServerDraft) => draft.title || draft.treeId;

/**
 * Delete a draft shared on the server, after a second, explicit step: it is gone for
 * everyone, and it frees the troubleshooter's id it held (an abandoned draft would keep it).
 */
function DeleteSharedDraft({
  draftKey,
  name,
  onDone,
}: {
  draftKey: string;
  name: string;
  /** What became of it, to be said where focus goes once the row is gone. */
  onDone: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLSpanElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  // Where focus goes as one step replaces the other: the question, or back to Delete (Keep it).
  const moved = useRef(false);
  const remove = useMutation({
    mutationFn: () => deleteServerDraft(draftKey),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['server-drafts'] });
      onDone(`Deleted “${name}”.`);
    },
    onError: (error) => {
      // Back to Delete, to try again later; focus goes to what is said (onDone), not here.
      moved.current = false;
      setAsking(false);
      onDone(`“${name}” was not deleted: ${error.message}`);
    },
  });
  useEffect(() => {
    if (!moved.current) return;
    if (asking) question.current?.focus();
    else deleteButton.current?.focus();
  }, [asking]);
  const ask = (value: boolean) => {
    moved.current = true;
    setAsking(value);
  };
  if (!asking) {
    return (
      <button
        ref={deleteButton}
        type="button"
        className="editor-link-button"
        onClick={() => ask(true)}
      >
        Delete <span className="visually-hidden">{name}</span>
      </button>
    );
  }
  return (
    <span>
      <span ref={question} tabIndex={-1}>
        Delete “{name}” for everyone? It cannot be undone.
      </span>{' '}
      <button
        type="button"
        className="editor-link-button"
        aria-disabled={remove.isPending}
        onClick={() => {
          if (!remove.isPending) remove.mutate();
        }}
      >
        Delete for everyone
      </button>{' '}
      <button type="button" className="editor-link-button" onClick={() => ask(false)}>
        Keep it
      </button>
    </span>
  );
}
