import * as v from 'valibot';
import { checkTreeGraph, type TreeProblem } from './graph-checks';
import { toJsonPath } from './json-path';
import { reservedFor } from './ids';
import { readJsonText } from './tree-file-text';
import {
  treeIndexSchema,
  treeSchema,
  type Tree,
  type TreeIndex,
  type TreeIndexEntry,
} from './tree-schema';

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
      { path: '$', message: `must be an object, not ${input.length === 0 ? '[]' : 'a list'}` },
    ],
  };
}

// The tree's shape, checked by the schema; everything else needs a tree of that shape.
function parseTree(input: unknown): ValidationResult<Tree> {
  if (Array.isArray(input)) return rootIsList(input);
  const parsed = v.safeParse(treeSchema, input, { abortPipeEarly: true });
  return parsed.success
    ? { ok: true, value: parsed.output }
    : { ok: false, problems: issuesToProblems(parsed.issues) };
}

function resultOf(tree: Tree, problems: TreeProblem[]): ValidationResult<Tree> {
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: tree };
}

/**
 * Turns unknown JSON into a tree the engine can trust, or into a list of problems,
 * each with the JSON path of the field at fault. Never throws. For a value in memory;
 * a tree read from a file goes through validateTreeFile, which adds the file's rules.
 */
export function validateTree(input: unknown): ValidationResult<Tree> {
  const parsed = parseTree(input);
  return parsed.ok ? resultOf(parsed.value, checkTreeGraph(parsed.value)) : parsed;
}

/**
 * A file opened in the tree editor: only its shape is required, so that the editor can
 * show it; its other rules are the editor's checks to list (check-draft.ts).
 */
export function readTreeShape(input: unknown): ValidationResult<Tree> {
  return parseTree(input);
}

/**
 * The rules of a tree as a file in trees/: its name says its id (`<id>.json`) or, for an
 * archived copy of an earlier version, its id and version (`<id>.v<version>.json`), and
 * its id is not one the site uses for something else. Links and loaders find a tree by
 * its file name, so a name that disagrees with the content would serve the wrong tree.
 */
function checkFileRules(fileName: string, tree: Tree): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const reserved = reservedFor(tree.id);
  if (reserved) {
    problems.push({
      path: '$.id',
      message: `"${tree.id}" is reserved for ${reserved}; choose another id`,
    });
  }
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  const archived = /^(.*)\.v(\d+)\.json$/.exec(name);
  if (!archived) {
    if (name !== `${tree.id}.json`) {
      problems.push({
        path: '$.id',
        message: `is "${tree.id}", so the file must be named ${tree.id}.json`,
      });
    }
    return problems;
  }
  const [, id, version] = archived;
  if (id !== tree.id) {
    problems.push({
      path: '$.id',
      message: `is "${tree.id}", so an archived copy must be named ${tree.id}.v${tree.version}.json`,
    });
  }
  // Compared as text: the app asks for exactly trees/<id>.v<version>.json.
  if (version !== String(tree.version)) {
    problems.push({
      path: '$.version',
      message: `is ${tree.version}, so an archived copy must be named ${tree.id}.v${tree.version}.json`,
    });
  }
  return problems;
}

/**
 * The one rulebook for a tree file, used wherever a file is read: the app's tree query,
 * the prerender and `npm run check:trees`. `fileName` is the file's name or path
 * (`trees/q164887.json`, `public/trees/q164887.v1.json`); `json` is its parsed content.
 * Checks the shape, the file's own rules (name against id and version, reserved ids) and
 * the graph. Never throws.
 */
export function validateTreeFile(fileName: string, json: unknown): ValidationResult<Tree> {
  const { shaped: _, ...result } = checkTreeFile(fileName, json);
  return result;
}

/**
 * validateTreeFile, saying also whether the shape passed: only then were the file's rules and
 * the graph checked (the editor checks the graph of a misshapen draft itself, check-draft.ts).
 */
export function checkTreeFile(
  fileName: string,
  json: unknown,
): ValidationResult<Tree> & { shaped: boolean } {
  const parsed = parseTree(json);
  if (!parsed.ok) return { ...parsed, shaped: false };
  const tree = parsed.value;
  // The graph is checked on the caller's own objects, which the schema has just passed as
  // they are (it transforms nothing): what the checks keep per tree and per node (its graph,
  // its bytes) then serves the next check of an edited draft, whose unchanged nodes are the
  // same objects, rather than a fresh copy at every check.
  const given = json as Tree;
  return {
    ...resultOf(tree, [...checkFileRules(fileName, tree), ...checkTreeGraph(given)]),
    shaped: true,
  };
}

/**
 * A tree file's text, read by the one rulebook: the text's own rules (size, byte-order mark,
 * JSON, keys written twice; tree-file-text.ts), then validateTreeFile. Never throws.
 */
export function validateTreeFileText(fileName: string, text: string): ValidationResult<Tree> {
  const read = readJsonText(text);
  return read.ok ? validateTreeFile(fileName, read.json) : read;
}

/** The editor's Open file: the text's rules and a tree's shape (readTreeShape). */
export function readTreeShapeText(text: string): ValidationResult<Tree> {
  const read = readJsonText(text);
  return read.ok ? readTreeShape(read.json) : read;
}

/** index.json's text, read as a tree file's is; it grows with the trees, so 20 MB at most. */
export function validateTreeIndexText(text: string): ValidationResult<TreeIndex> {
  const read = readJsonText(text, INDEX_FILE_BYTES);
  return read.ok ? validateTreeIndex(read.json) : read;
}

/** The list of trees: a title and a description for each of many thousands of trees. */
export const INDEX_FILE_BYTES = 20_000_000;

/** Validates public/trees/index.json, the list of shipped trees. */
export function validateTreeIndex(input: unknown): ValidationResult<TreeIndex> {
  if (Array.isArray(input)) return rootIsList(input);
  const parsed = v.safeParse(treeIndexSchema, input, { abortPipeEarly: true });
  if (!parsed.success) return { ok: false, problems: issuesToProblems(parsed.issues) };
  // Each entry is a page at /<id>/: a second entry with the same id would be a second
  // card opening the same tree.
  const first = new Map<string, number>();
  const problems: TreeProblem[] = [];
  parsed.output.trees.forEach((entry, position) => {
    const seen = first.get(entry.id);
    if (seen === undefined) first.set(entry.id, position);
    else
      problems.push({
        path: toJsonPath(['trees', position, 'id']),
        message: `"${entry.id}" is listed twice (also at $.trees[${seen}])`,
      });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: parsed.output };
}

/**
 * What an index entry says about a tree must be what the tree file says: the list is
 * written by hand beside the trees and would otherwise drift from them. `position` is
 * the entry's place in index.json, for the JSON path of each problem.
 */
export function checkIndexEntry(
  entry: TreeIndexEntry,
  position: number,
  tree: Tree,
): TreeProblem[] {
  const fields: [keyof TreeIndexEntry, string, string | undefined][] = [
    ['id', '$.id', tree.id],
    ['title', '$.title', tree.title],
    ['description', '$.description', tree.description],
    ['article', '$.article.id', tree.article?.id],
  ];
  return fields.flatMap(([field, treePath, inTree]) => {
    const inIndex = entry[field];
    if (inIndex === undefined || inIndex === inTree) return [];
    const file = `${tree.id}.json`;
    return [
      {
        path: toJsonPath(['trees', position, field]),
        message: `is ${JSON.stringify(inIndex)} but ${file} has ${inTree === undefined ? `no ${treePath}` : `${JSON.stringify(inTree)} at ${treePath}`}`,
      },
    ];
  });
}
