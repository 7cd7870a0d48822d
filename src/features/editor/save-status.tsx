import { memo } from 'react';
import type { Editor } from './server-drafts';
import type { SaveState } from './use-draft-sync';

function stateText(state: SaveState): string {
  switch (state.kind) {
    case 'idle':
      // A draft saved before has changes, just none since it was opened.
      return state.stored ? 'No changes since you opened this draft' : 'No changes yet';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return state.where === 'server' ? 'Saved' : 'Saved in this browser';
    case 'offline':
      return 'Not saved: offline, kept in this browser';
    case 'storage-refused':
      return 'Not saved: this browser refuses to keep the draft (storage is off or full). Download it before you close the page.';
    case 'server-refused':
      return `Not saved: ${state.message}`;
    case 'conflict':
      return 'Not saved: choose what to keep (below)';
  }
}

function editorsText(editors: Editor[]): string | undefined {
  if (editors.length === 0) return undefined;
  const names = [
    ...new Set(editors.map((editor) => (editor.you ? 'you, in another tab' : editor.email))),
  ];
  return `Also editing this draft now: ${names.join(', ')}. Your saves and theirs are compared, so neither overwrites the other.`;
}

/**
 * "Saved" / "Saving…" / "Not saved: …", where the author looks after typing, with any problem
 * of storage beside it, and who else has the draft open. Drawn again only when one of these
 * changes, not at every key (its time is formatted by Intl, which costs a moment).
 */
export const SaveStatus = memo(function SaveStatus({
  state,
  savedAt,
  editors,
}: {
  state: SaveState;
  savedAt: Date | undefined;
  editors: Editor[];
}) {
  const problem = state.kind !== 'idle' && state.kind !== 'saving' && state.kind !== 'saved';
  const others = editorsText(editors);
  return (
    <div className="editor-save">
      <p
        role="status"
        className={
          problem ? 'editor-save__state editor-save__state--problem' : 'editor-save__state'
        }
      >
        {stateText(state)}
        {state.kind === 'saved' && savedAt ? (
          <span className="visually-hidden">
            {' '}
            at {savedAt.toLocaleTimeString(undefined, { timeStyle: 'short' })}
          </span>
        ) : null}
      </p>
      {others ? <p className="editor-save__editors">{others}</p> : null}
    </div>
  );
});
