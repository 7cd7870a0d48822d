import { useEffect, useRef, useState } from 'react';
import { draftDifferences, mergeDrafts, type Choice } from '../../engine/draft-merge';
import type { Tree } from '../../engine/tree-schema';
import type { Conflict } from './use-draft-sync';

const HEADINGS: Record<Conflict['source'], string> = {
  tab: 'This draft was saved in another tab meanwhile',
  server: 'Someone else saved this draft meanwhile',
  deployed: 'A newer version is deployed than the one this draft started from',
};

/**
 * Two copies of a draft side by side, part by part, each with a choice of which to keep: the
 * parts only one side changed are chosen for the author already, so that keeping both sets of
 * changes is one button. Nothing is saved over the other copy until the author chooses.
 */
export function DraftConflict({
  conflict,
  mine,
  onResolve,
}: {
  conflict: Conflict;
  mine: Tree;
  onResolve: (merged: Tree) => void;
}) {
  const differences = draftDifferences(mine, conflict.theirs, conflict.base);
  // The author's own picks, each with the two texts it was made between. A part that changes
  // after it was picked (typing goes on while the panel is open) is suggested afresh: a part
  // the author has now changed too is "mine" again, never silently theirs.
  const [picked, setPicked] = useState<
    Record<string, { choice: Choice; mine: string | undefined; theirs: string | undefined }>
  >({});
  const choices: Record<string, Choice> = Object.fromEntries(
    differences.map((difference) => {
      const pick = picked[difference.part];
      const current = pick && pick.mine === difference.mine && pick.theirs === difference.theirs;
      return [difference.part, current ? pick.choice : difference.suggested];
    }),
  );
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus goes to the news once it is on screen, as the wizard moves it after a commit.
  useEffect(() => heading.current?.focus(), []);
  const theirName =
    conflict.source === 'deployed'
      ? 'Deployed version'
      : conflict.by
        ? `Saved by ${conflict.by}`
        : conflict.source === 'tab'
          ? 'Other tab'
          : 'Theirs';
  const all = (choice: Choice) =>
    onResolve(
      mergeDrafts(
        mine,
        conflict.theirs,
        Object.fromEntries(differences.map((difference) => [difference.part, choice])),
      ),
    );
  return (
    <section
      className="panel panel--warning editor-conflict"
      aria-labelledby="editor-conflict-heading"
    >
      <h2 id="editor-conflict-heading" tabIndex={-1} ref={heading}>
        {HEADINGS[conflict.source]}
      </h2>
      <p>
        {differences.length === 0
          ? 'Both copies are the same: nothing is lost either way.'
          : `${differences.length === 1 ? 'One part differs' : `${differences.length} parts differ`}. Choose which to keep for each; where only one side changed a part, that side is chosen already. Nothing is saved until you choose.`}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onResolve(mergeDrafts(mine, conflict.theirs, choices));
        }}
      >
        <ul className="editor-conflict__list">
          {differences.map((difference) => (
            <li key={difference.part}>
              <fieldset>
                <legend>
                  {difference.label}
                  {difference.both ? ' (changed on both sides)' : ''}
                </legend>
                <div className="editor-conflict__sides">
                  {(['mine', 'theirs'] as const).map((side) => {
                    const text = difference[side];
                    return (
                      <label key={side} className="editor-conflict__side">
                        <input
                          type="radio"
                          name={difference.part}
                          checked={choices[difference.part] === side}
                          onChange={() =>
                            setPicked((current) => ({
                              ...current,
                              [difference.part]: {
                                choice: side,
                                mine: difference.mine,
                                theirs: difference.theirs,
                              },
                            }))
                          }
                        />{' '}
                        <span className="editor-conflict__who">
                          Keep {side === 'mine' ? 'yours' : theirName.toLowerCase()}
                        </span>
                        <span className="editor-conflict__text">
                          {text === undefined ? '(not there)' : text === '' ? '(empty)' : text}
                        </span>
                      </label>
                    );
                  })}
                </div>
              </fieldset>
            </li>
          ))}
        </ul>
        <div className="editor-conflict__actions">
          <button type="submit" className="editor-button">
            Keep these choices
          </button>{' '}
          <button type="button" className="editor-button" onClick={() => all('mine')}>
            Keep all yours
          </button>{' '}
          <button type="button" className="editor-button" onClick={() => all('theirs')}>
            Keep all {conflict.source === 'deployed' ? 'of the deployed version' : 'theirs'}
          </button>
        </div>
      </form>
    </section>
  );
}
