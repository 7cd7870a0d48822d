import { memo } from 'react';
import type { TreeProblem } from '../../engine/graph-checks';

/**
 * The checks' findings, each with the place it refers to; choosing one opens that node in
 * the form and moves focus to the field (editor-page.tsx). A live region says how many
 * there are as they change, without reading them all out at every keystroke.
 */
export const ProblemList = memo(function ProblemList({
  problems,
  onChoose,
  saveRefused,
}: {
  /** Each with where it is, in words: "Question “Is it on?”, answer 2, leads to". */
  problems: readonly (TreeProblem & { place: string })[];
  onChoose: (path: string) => void;
  /**
   * The draft is not being saved now (refused, offline, in conflict): the list does not say
   * that problems leave saving alone, beside a status that says "Not saved".
   */
  saveRefused: boolean;
}) {
  return (
    <section className="editor-problems" aria-labelledby="editor-problems-heading">
      <h2 id="editor-problems-heading">Checks</h2>
      <p role="status" className="editor-problems__count">
        {problems.length === 0
          ? 'No problems: nothing to fix before publishing.'
          : `${problems.length === 1 ? '1 problem' : `${problems.length} problems`} to fix before publishing.${saveRefused ? '' : ' A draft with problems is still saved.'}`}
      </p>
      {problems.length > 0 ? (
        <ul className="editor-problems__list">
          {problems.map((problem) => (
            <li key={`${problem.path} ${problem.message}`}>
              {/* The message is part of the button: a button cannot wrap as inline text, and
                  a place wrapped apart from its message read as two items. */}
              <button
                type="button"
                className="editor-link-button"
                onClick={() => onChoose(problem.path)}
              >
                {problem.place}: {problem.message}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
});
