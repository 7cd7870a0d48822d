// Every path of the repository that the words mention, so that they stay true: paths like
// src/lib/paths.ts, scripts/*.mjs or e2e/fixtures.ts in the Markdown files and in the
// comments of the code, with those that do not exist. Run by scripts/mentioned-paths.test.ts
// (the unit suite); `node scripts/mentioned-paths.mjs` lists what is missing.
//
// A mention of something that is gone on purpose (the history in an ADR) says so in words
// rather than by path. Code is not read, only comments: imports are checked by TypeScript.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const TOP = ['src', 'scripts', 'e2e', 'e2e-browsers', 'docs', 'public', '.ci'];
const SKIP = new Set(['node_modules', '.git', 'test-results']);
const CODE = /\.(ts|tsx|mjs|js|css)$/;
/** A path from the top of the repository, not part of a longer one (../src, dist-ssr/src). */
const MENTION = new RegExp(
  `(?<![\\w./-])(?:${TOP.map((top) => top.replace('.', '\\.')).join('|')})/[\\w.*/-]*[\\w*]`,
  'g',
);

function filesUnder(root, dir) {
  if (!existsSync(path.join(root, dir))) return [];
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (SKIP.has(entry.name) || /^dist/.test(entry.name)) return [];
    if (entry.isDirectory()) return filesUnder(root, file);
    return [file];
  });
}

/** The text of a code file that is comment: whole comment lines and trailing `// …`. */
function commentText(text) {
  return text
    .split('\n')
    .map((line) => {
      const trimmed = line.trim();
      if (/^(\/\/|\/\*|\*)/.test(trimmed)) return trimmed;
      const trailing = line.indexOf(' // ');
      return trailing === -1 ? '' : line.slice(trailing);
    })
    .join('\n');
}

/** Files the words tell an author to make, as examples: they are not in the repository. */
const EXAMPLES = new Set(['public/trees/printer.json', 'public/trees/q164887.v1.json']);

/**
 * Whether a mention names something that exists: `src/features/embed/*` names a folder,
 * `docs/decisions/0020` the ADR whose file begins so.
 */
function exists(root, mention) {
  if (EXAMPLES.has(mention)) return true;
  const star = mention.indexOf('*');
  const named = star === -1 ? mention : mention.slice(0, star);
  if (existsSync(path.join(root, named))) return true;
  const dir = path.dirname(named);
  return (
    /^docs\/decisions\/\d{4}$/.test(named) &&
    readdirSync(path.join(root, dir)).some((name) => name.startsWith(path.basename(named)))
  );
}

/** Every mention of a path in the words of the repository, with where it is. */
export function mentionedPaths(root) {
  const markdown = readdirSync(root)
    .filter((name) => name.endsWith('.md'))
    .concat(filesUnder(root, 'docs').filter((file) => file.endsWith('.md')));
  const code = ['src', 'scripts', 'e2e', 'e2e-browsers']
    .flatMap((dir) => filesUnder(root, dir))
    .filter((file) => CODE.test(file))
    .concat(existsSync(path.join(root, '.ci', 'run')) ? ['.ci/run'] : []);
  const mentions = [];
  for (const file of [...markdown, ...code]) {
    const text = readFileSync(path.join(root, file), 'utf8');
    const words = file.endsWith('.md') ? text : commentText(text);
    for (const [mention] of words.matchAll(MENTION)) {
      mentions.push({ file, mention, exists: exists(root, mention) });
    }
  }
  return mentions;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const missing = mentionedPaths(process.cwd()).filter((item) => !item.exists);
  for (const { file, mention } of missing) console.log(`${file}: ${mention}`);
  process.exit(missing.length ? 1 : 0);
}
