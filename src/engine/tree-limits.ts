/**
 * How large a tree may be, and why: every limit comes from something a tree must fit in (a
 * page's byte budget, an address's length, a file name's length) or keeps the tools that read
 * a tree quick. docs/authoring.md lists each with its reason; a tree within all of them builds
 * within every byte budget (`npm run bench:scale limits`, docs/performance.md).
 */
export const TREE_LIMITS = {
  /**
   * The file, in bytes (UTF-8). It is fetched once behind the first page and then parsed,
   * checked and laid out by the browser, the editor and the build. A full tree of 511
   * questions with ordinary text (1,023 nodes), written with indentation, is 1.3 MB.
   */
  fileBytes: 2_000_000,
  /** Nodes in a tree: the map lays out every one of them, the editor lists every one. */
  nodes: 1_500,
  /** Answers to one question: each is a link on its page; ten is already a long list. */
  answers: 10,
  /**
   * Questions on the longest walk (depth). Every step's page lists the answers so far, each
   * with its Change links, so a page grows with its walk.
   */
  walkQuestions: 100,
  /**
   * Bytes of the nodes on one walk, from the start to its outcome, as they are in the file
   * (UTF-8). A step's page carries its walk's nodes (ADR 20) and shows their text: this is
   * what keeps the deepest page of any tree within the 30 KB page budget.
   */
  walkBytes: 16_000,
  /**
   * Characters of the address of a step (`/<tree>/<slug>/<slug>/…?v=<version>`): links must
   * survive mail and ticket systems and proxies, and the build writes each step to
   * `<tree>/<slug>/…/index.html`, within the 4,096 bytes a path may have on Linux.
   */
  stepAddress: 2_000,
  /** A tree id, node id or answer slug: one segment of a step's address and of a file name. */
  idLength: 64,
} as const;

/**
 * A tree's title and description in UTF-8 bytes: the list of troubleshooters shows both for
 * each of the 50 trees on a page, in its markup and in its data, within the 30 KB page budget
 * even for text that compresses worst (bytes rather than characters: a letter of Chinese or
 * Japanese takes three).
 */
export const LIST_TEXT_BYTES = { title: 80, description: 200 } as const;

/** The most characters each text field may have, by field. */
export const TEXT_LIMITS = {
  title: 120,
  treeTitle: LIST_TEXT_BYTES.title,
  description: LIST_TEXT_BYTES.description,
  articleId: 12,
  articleTitle: 200,
  prompt: 300,
  intro: 1_000,
  help: 1_000,
  label: 150,
  fact: 300,
  summary: 1_000,
  cause: 300,
  heading: 120,
  entry: 1_000,
  $schema: 200,
} as const;

/** How many entries a list may have: help paragraphs, sections, a section's lists. */
export const LIST_LIMITS = { help: 10, sections: 10, entries: 20 } as const;

/**
 * Characters a person cannot see: spaces of every width, zero-width characters and joiners,
 * bidirectional controls, the byte-order mark, soft hyphens, variation selectors, tag
 * characters, fillers and blank patterns that render as nothing. Text made only of these
 * renders as an empty heading or an invisible answer.
 */
const INVISIBLE =
  /[\s\p{Cc}\p{Cf}\p{Zs}\p{Zl}\p{Zp}\u115f\u1160\u2800\u3164\uffa0]|\u034f|\u17b4|\u17b5|[\u180b-\u180f]|[\ufe00-\ufe0f]|\udb40[\udc00-\udfff]/gu;

/** Whether a text shows nothing once the characters nobody can see are left out. */
export function isBlank(value: string): boolean {
  // Any printable ASCII character shows: most texts are settled at their first letter,
  // without going through the whole text (the editor checks every text at every pause).
  if (VISIBLE_ASCII.test(value)) return false;
  return value.replace(INVISIBLE, '') === '';
}

const VISIBLE_ASCII = /[!-~]/;

/** Control characters other than the line break (tabs, NUL, escape, C1 controls). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
/** Line breaks of every kind. */
// eslint-disable-next-line no-control-regex
const LINE_BREAK = /[\n\r\u2028\u2029\u0085\u000b\u000c]/;

/** What is wrong with the characters of a one-line text, or undefined. */
export function lineProblem(value: string): string | undefined {
  if (LINE_BREAK.test(value)) return 'must be one line (no line breaks)';
  if (CONTROL.test(value)) return 'must not contain control characters (such as a tab)';
  return undefined;
}

/** What is wrong with the characters of a text of paragraphs, or undefined. */
export function paragraphProblem(value: string): string | undefined {
  if (/[\r\u2028\u2029\u0085]/.test(value)) return 'must break lines with \\n only';
  if (CONTROL.test(value)) return 'must not contain control characters (such as a tab)';
  return undefined;
}

/** The length of a text in UTF-8 bytes, without building it. */
export function utf8Length(value: string): number {
  // Text of ASCII alone (most trees' files) is a byte a character: the browser's regular
  // expressions find that far faster than the count below.
  if (!NOT_ASCII.test(value)) return value.length;
  let bytes = 0;
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < value.length) {
      const next = value.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

// eslint-disable-next-line no-control-regex
const NOT_ASCII = /[^\u0000-\u007f]/;

/** Formats a count the way the limits are written in docs/authoring.md (1,000,000). */
export function formatCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
