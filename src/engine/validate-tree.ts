import * as v from 'valibot';
import { checkTreeGraph, type TreeProblem } from './graph-checks';
import { toJsonPath } from './json-path';
import { treeIndexSchema, treeSchema, type Tree, type TreeIndex } from './tree-schema';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; problems: TreeProblem[] };

function issuesToProblems(issues: readonly v.BaseIssue<unknown>[]): TreeProblem[] {
  return issues.map((issue) => ({
    path: toJsonPath(
      (issue.path ?? []).map((item) =>
        typeof item.key === 'number' ? item.key : String(item.key),
      ),
    ),
    message: issue.message,
  }));
}

/**
 * Turns unknown JSON into a tree the engine can trust, or into a list of problems,
 * each with the JSON path of the field at fault. Never throws.
 */
export function validateTree(input: unknown): ValidationResult<Tree> {
  const parsed = v.safeParse(treeSchema, input, { abortPipeEarly: true });
  if (!parsed.success) return { ok: false, problems: issuesToProblems(parsed.issues) };
  const problems = checkTreeGraph(parsed.output);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: parsed.output };
}

/** Validates public/trees/index.json, the list of shipped trees. */
export function validateTreeIndex(input: unknown): ValidationResult<TreeIndex> {
  const parsed = v.safeParse(treeIndexSchema, input, { abortPipeEarly: true });
  return parsed.success
    ? { ok: true, value: parsed.output }
    : { ok: false, problems: issuesToProblems(parsed.issues) };
}
