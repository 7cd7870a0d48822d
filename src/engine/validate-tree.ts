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
    message: readableMessage(issue),
  }));
}

/**
 * Valibot's defaults ("Invalid key: Expected "id" but received undefined") are written
 * for programmers; tree files are written by knowledge managers.
 */
function readableMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.kind !== 'schema') return issue.message;
  const lastKey = issue.path?.at(-1);
  if (lastKey?.type === 'object' && lastKey.origin === 'key') {
    return issue.expected === 'never' ? 'is not a known field' : 'is required';
  }
  if (issue.expected === 'Object') return `must be an object, not ${issue.received}`;
  if (issue.expected === 'Array') return `must be a list, not ${issue.received}`;
  if (issue.type === 'literal' || issue.type === 'variant' || issue.type === 'picklist') {
    return issue.message;
  }
  return `must be a ${issue.expected}, not ${issue.received}`;
}

// Valibot's object schemas accept arrays (typeof [] is 'object'); a file that is a list
// would otherwise be reported field by field as if it were an empty object.
function rootIsList(input: unknown[]): { ok: false; problems: TreeProblem[] } {
  return {
    ok: false,
    problems: [
      { path: '$', message: `must be an object, not ${JSON.stringify(input).slice(0, 40)}` },
    ],
  };
}

/**
 * Turns unknown JSON into a tree the engine can trust, or into a list of problems,
 * each with the JSON path of the field at fault. Never throws.
 */
export function validateTree(input: unknown): ValidationResult<Tree> {
  if (Array.isArray(input)) return rootIsList(input);
  const parsed = v.safeParse(treeSchema, input, { abortPipeEarly: true });
  if (!parsed.success) return { ok: false, problems: issuesToProblems(parsed.issues) };
  const problems = checkTreeGraph(parsed.output);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: parsed.output };
}

/** Validates public/trees/index.json, the list of shipped trees. */
export function validateTreeIndex(input: unknown): ValidationResult<TreeIndex> {
  if (Array.isArray(input)) return rootIsList(input);
  const parsed = v.safeParse(treeIndexSchema, input, { abortPipeEarly: true });
  return parsed.success
    ? { ok: true, value: parsed.output }
    : { ok: false, problems: issuesToProblems(parsed.issues) };
}
