import { createContext, use } from 'react';
import type { TreeProblem } from '../../engine/graph-checks';

/** The id of the form field for a JSON path: problems link to it, labels point at it. */
export function fieldId(path: string): string {
  return `field-${path}`;
}

/** The draft's problems by JSON path, for each field to show its own. */
export const FieldProblems = createContext<ReadonlyMap<string, readonly TreeProblem[]>>(new Map());

/**
 * What a field needs to say about itself: its problems under it, tied to it with
 * aria-describedby and aria-invalid, so that a screen reader hears them on the field.
 */
export function useFieldProblems(path: string) {
  const problems = use(FieldProblems).get(path) ?? [];
  const describedBy = problems.length > 0 ? `${fieldId(path)}-problem` : undefined;
  return {
    inputProps: {
      id: fieldId(path),
      'aria-invalid': problems.length > 0 ? true : undefined,
      'aria-describedby': describedBy,
    },
    message:
      problems.length > 0 ? (
        <p className="editor-field__problem" id={describedBy}>
          {problems.map((problem) => problem.message).join('; ')}
        </p>
      ) : null,
  };
}
