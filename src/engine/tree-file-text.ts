import type { TreeProblem } from './graph-checks';
import { toJsonPath } from './json-path';
import { formatCount, TREE_LIMITS, utf8Length } from './tree-limits';

export type JsonTextResult = { ok: true; json: unknown } | { ok: false; problems: TreeProblem[] };

/**
 * Reads the text of a tree file the same way everywhere (the app, the editor's Open file, the
 * build, the server and check:trees): a byte-order mark at the start is dropped (editors on
 * Windows write one), a file over the size limit is refused before it is parsed, text that is
 * not JSON is refused with where it stops, and a key written twice in one object is refused
 * with its JSON path (JSON.parse would silently keep the last one). Never throws. `maxBytes`
 * is the tree file's limit unless given (the list of trees grows with the trees).
 */
export function readJsonText(
  text: string,
  maxBytes: number = TREE_LIMITS.fileBytes,
): JsonTextResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const bytes = utf8Length(body);
  if (bytes > maxBytes) {
    return fail(
      '$',
      `the file is ${formatCount(bytes)} bytes; a tree file may have at most ${formatCount(maxBytes)}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return fail('$', `is not valid JSON: ${(error as Error).message}`);
  }
  const duplicate = firstDuplicateKey(body);
  return duplicate ? fail(duplicate.path, duplicate.message) : { ok: true, json };
}

function fail(path: string, message: string): JsonTextResult {
  return { ok: false, problems: [{ path, message }] };
}

type Container =
  { kind: 'object'; keys: Set<string>; key: string | undefined } | { kind: 'array'; index: number };

/**
 * The first key that appears twice in the same object, with its JSON path. For text that
 * JSON.parse accepted, so it only has to find strings and brackets. One pass, with a stack
 * of the open objects and arrays: no recursion, whatever the nesting. The server checks its
 * JSON request bodies with it too.
 */
export function firstDuplicateKey(text: string): { path: string; message: string } | undefined {
  const stack: Container[] = [];
  const pathHere = (last: string) =>
    toJsonPath([
      ...stack
        .slice(0, -1)
        .map((container) => (container.kind === 'array' ? container.index : (container.key ?? ''))),
      last,
    ]);
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    const top = stack.at(-1);
    if (char === '{') stack.push({ kind: 'object', keys: new Set(), key: undefined });
    else if (char === '[') stack.push({ kind: 'array', index: 0 });
    else if (char === '}' || char === ']') stack.pop();
    else if (char === ',' && top?.kind === 'array') top.index += 1;
    else if (char === ',' && top?.kind === 'object') top.key = undefined;
    else if (char === '"') {
      const end = stringEnd(text, index);
      if (top?.kind === 'object' && top.key === undefined) {
        const key = JSON.parse(text.slice(index, end + 1)) as string;
        if (top.keys.has(key)) {
          return { path: pathHere(key), message: `is written twice in the same object` };
        }
        top.keys.add(key);
        top.key = key;
      }
      index = end;
    }
  }
  return undefined;
}

/** The index of the quote that closes the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
  return index;
}
