import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import { replayTrail, type Replay } from '../../engine/replay-trail';
import type { Tree } from '../../engine/tree-schema';
import { forgetProgress, readProgress, saveProgress, type SavedProgress } from './saved-progress';

/**
 * Remembers the walk at every question after the first; forgets it once an outcome is
 * reached (the walk is finished). Renders nothing.
 */
export function ProgressKeeper({ tree, replay }: { tree: Tree; replay: Replay }) {
  const finished = replay.node.kind === 'outcome';
  const trail = replay.trail.join('/');
  useEffect(() => {
    if (finished) forgetProgress(tree.id);
    else if (trail !== '') {
      saveProgress(tree.id, {
        trail: trail.split('/'),
        version: tree.version,
        savedAt: new Date().toISOString(),
      });
    }
  }, [tree.id, tree.version, trail, finished]);
  return null;
}

/**
 * The unfinished walk this browser keeps for a tree, for the start page's loader
 * (step-loader.ts): it is offered by ResumeOffer, replayed on the whole tree.
 */
export function savedWalk(treeId: string): SavedProgress | undefined {
  const saved = readProgress(treeId);
  return saved && saved.trail.length > 0 ? saved : undefined;
}

/** On the start page: "Continue where you left off", and a way to forget it. */
export function ResumeOffer({ tree, saved }: { tree: Tree; saved: SavedProgress }) {
  const [forgotten, setForgotten] = useState(false);
  if (forgotten) {
    return (
      <p role="status" className="resume">
        Forgotten. This browser no longer keeps your earlier answers.
      </p>
    );
  }
  // Saved with an earlier version: the step page will say what no longer applies, as for
  // an old shared link; here it can only say so.
  const sameVersion = saved.version === tree.version;
  const replay = replayTrail(tree, saved.trail);
  if (sameVersion && replay.trail.length === 0) return null;
  const where = !sameVersion
    ? 'a step of an earlier version of this troubleshooter.'
    : replay.node.kind === 'question'
      ? `question ${replay.steps.length + 1}: ${replay.node.prompt}`
      : replay.node.title;
  // A question ends with its own question mark: no full stop after it.
  const sentenceEnd = /[.?!]$/.test(where) ? '' : '.';
  return (
    <section className="panel resume" aria-labelledby="resume-heading">
      <h2 id="resume-heading">Continue where you left off?</h2>
      <p>
        This browser remembers an unfinished walk from{' '}
        {new Date(saved.savedAt).toLocaleString('en-GB', {
          dateStyle: 'medium',
          timeStyle: 'short',
        })}
        . You were at {where}
        {sentenceEnd}
      </p>
      <p className="resume__actions">
        <Link className="button" to={paths.step.getHref(tree.id, saved.trail, saved.version)}>
          Continue where you left off
        </Link>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            forgetProgress(tree.id);
            setForgotten(true);
          }}
        >
          Forget it
        </button>
      </p>
    </section>
  );
}
