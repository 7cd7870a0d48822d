// @vitest-environment node
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { StepExcerpt } from '../engine/step-excerpt';
import { allStepTrails } from '../engine/tree-paths';
import { validateTree } from '../engine/validate-tree';
import type { PageState } from '../data/prerendered-page';
import { makePrinterTree } from '../testing/printer-tree';
import { readShippedTrees, shippedTrees } from '../testing/shipped-trees';
import { PART_BYTES } from '../features/map/map-outline';
import { fullTree } from '../../scripts/scale-trees.mjs';
import { prerenderSite } from './prerender-site';

const SHELL = `<!doctype html><html><head><title>Troubleshooter</title></head><body><div id="root"></div><script type="module" src="/assets/app.js"></script></body></html>`;
let distDir: string;

beforeEach(async () => {
  distDir = await mkdtemp(path.join(os.tmpdir(), 'prerender-'));
  await writeFile(path.join(distDir, 'index.html'), SHELL);
  await cp(path.resolve('public', 'trees'), path.join(distDir, 'trees'), { recursive: true });
});

afterEach(async () => {
  await rm(distDir, { recursive: true, force: true });
});

// The whole shipped site: seconds on a busy machine, hence its own timeout.
test('writes a page for every step of every shipped tree, the catalog, the editor and 404.html', async () => {
  const logs: string[] = [];
  const report = await prerenderSite({ distDir, log: (line) => logs.push(line) });

  const steps = readShippedTrees().reduce<number>((count, json) => {
    const result = validateTree(json);
    if (!result.ok) throw new Error('invalid shipped tree');
    return count + (allStepTrails(result.value)?.length ?? 0);
  }, 0);
  // The catalog, 404.html, the editor for a new tree, and per tree its map and its editor.
  const trees = readShippedTrees().length;
  const pages = steps + 2 + 1 + 2 * trees;
  expect(report).toEqual({ pages, fallbacks: [], styleHashes: [] });
  expect(logs).toEqual([`prerender: wrote ${pages} pages`]);

  const deep = await readFile(
    path.join(
      distDir,
      'q164887/sms-1-2/os-upgrade/repeats/failed/service/no-service-pack/index.html',
    ),
    'utf8',
  );
  expect(deep).toContain(
    '<title>Diagnosis: This is the known SMS 1.2 problem in article Q164887 – Troubleshooter</title>',
  );
  // React separates adjacent text with empty comments; they are not what a person reads.
  expect(deep.replaceAll('<!-- -->', '')).toMatch(
    /<h1[^>]*><span class="visually-hidden">Diagnosis:<\/span> This is the known SMS 1.2 problem in article Q164887<\/h1>/,
  );
  // The page's excerpt of the tree travels with it, and nothing in it can close the
  // script element. It holds the walk's nodes, not the whole tree.
  const state = /<script type="application\/json" id="page-state">(.*?)<\/script>/.exec(deep)?.[1];
  expect(state).toBeDefined();
  const trail = 'sms-1-2/os-upgrade/repeats/failed/service/no-service-pack';
  const pageState = JSON.parse(state!) as PageState;
  expect(pageState).toMatchObject({
    url: `/q164887/${trail}`,
    cache: { queries: [{ queryKey: ['tree', 'q164887', 'excerpt', trail] }] },
  });
  const excerpt = pageState.cache?.queries[0]?.state.data as StepExcerpt;
  // The walk's six questions and its outcome, of the tree's 13 nodes; the first question
  // only itself (its answers are links by slug).
  const shipped = shippedTrees().find((tree) => tree.id === 'q164887');
  expect(excerpt.tree.nodes.map((node) => node.id)).toEqual([
    'sms-version',
    'upgrade-job',
    'repeats',
    'job-status',
    'pcm-service',
    'service-pack',
    'diagnosis',
  ]);
  expect(shipped?.nodes).toHaveLength(13);
  const start = await readFile(path.join(distDir, 'q164887/index.html'), 'utf8');
  const startState = /id="page-state">(.*?)<\/script>/.exec(start)?.[1] ?? '{}';
  const startExcerpt = (JSON.parse(startState) as PageState).cache?.queries[0]?.state
    .data as StepExcerpt;
  expect(startExcerpt.tree.nodes.map((node) => node.id)).toEqual([shipped?.start]);
  // The map is drawn from the tree file, fetched before it hydrates: it carries no tree.
  const map = await readFile(path.join(distDir, 'map/q164887/index.html'), 'utf8');
  const mapState = /id="page-state">(.*?)<\/script>/.exec(map)?.[1] ?? '{}';
  expect(JSON.parse(mapState)).toEqual({ url: '/map/q164887' });

  const notFound = await readFile(path.join(distDir, '404.html'), 'utf8');
  // True for every address it may be served for: no tree named, no placeholder id.
  expect(notFound).toContain('<title>No page for this address – Troubleshooter</title>');
  expect(notFound).not.toMatch(/__not-found__|is called|There is no troubleshooter/);
  expect(notFound).not.toContain('id="page-state"');
  const catalog = await readFile(path.join(distDir, 'index.html'), 'utf8');
  // The list carries its one page, not index.json, and writes it for the app's navigations.
  expect(catalog).toContain('queryKey":["catalog-page",1]');
  expect(catalog).not.toContain('queryKey":["catalog"]');
  expect(JSON.parse(await readFile(path.join(distDir, 'trees/list/1.json'), 'utf8'))).toMatchObject(
    { page: 1, pages: 1, total: 1, first: 0, trees: [{ id: 'q164887' }] },
  );
  // The editor's pages are files of their own (a 200, not the not-found page), rendered
  // afresh in the browser: no page state to hydrate.
  const editor = await readFile(path.join(distDir, 'edit/q164887/index.html'), 'utf8');
  expect(editor).toContain('The editor runs in your browser and needs JavaScript.');
  expect(editor).not.toContain('id="page-state"');
}, 30_000);

test('a tree with more steps than the limit gets its start page and a fallback page for the others', async () => {
  const logs: string[] = [];
  const report = await prerenderSite({ distDir, stepLimit: 10, log: (line) => logs.push(line) });
  expect(report).toEqual({ pages: 7, fallbacks: ['q164887'], styleHashes: [] });
  expect(logs[0]).toBe(
    'prerender: q164887 has more than 10 steps; only its start page is prerendered, other steps are rendered in the browser from q164887/steps.html (status 200 with the rewrite rule in docs/deployment.md) or else 404.html',
  );
  await expect(readFile(path.join(distDir, 'q164887/index.html'), 'utf8')).resolves.toContain(
    '</h1>',
  );
  await expect(
    readFile(path.join(distDir, 'q164887/sms-1-2/index.html'), 'utf8'),
  ).rejects.toThrow();
  // The fallback's words are true for any step it is served for, and it carries the tree, so
  // that the browser shows the step without fetching it first.
  const fallback = await readFile(path.join(distDir, 'q164887/steps.html'), 'utf8');
  expect(fallback).toContain('No page is stored for this address');
  expect(fallback).not.toMatch(/There is no troubleshooter/);
  const state = /<script type="application\/json" id="page-state">(.*?)<\/script>/.exec(
    fallback,
  )?.[1];
  expect(JSON.parse(state ?? '{}')).toMatchObject({
    url: '/q164887',
    fallback: true,
    cache: { queries: [{ queryKey: ['tree', 'q164887'] }] },
  });
});

test('the fallback page of a tree too large to carry asks for the tree file instead', async () => {
  const tree = fullTree('large-full', 6);
  const treesDir = path.join(distDir, 'trees');
  await writeFile(path.join(treesDir, `${tree.id}.json`), JSON.stringify(tree));
  const index = JSON.parse(await readFile(path.join(treesDir, 'index.json'), 'utf8')) as {
    trees: unknown[];
  };
  index.trees.push({ id: tree.id, title: tree.title, description: tree.description });
  await writeFile(path.join(treesDir, 'index.json'), JSON.stringify(index));
  expect(JSON.stringify(tree).length).toBeGreaterThan(PART_BYTES);
  await prerenderSite({ distDir, stepLimit: 10, log: () => {} });
  const fallback = await readFile(path.join(distDir, `${tree.id}/steps.html`), 'utf8');
  const state = /<script type="application\/json" id="page-state">(.*?)<\/script>/.exec(
    fallback,
  )?.[1];
  const pageState = JSON.parse(state ?? '{}') as { cache?: { queries?: unknown[] } };
  expect(pageState).toMatchObject({ url: `/${tree.id}`, fallback: true });
  // The tree is not in the page's cache: the page fetches it.
  expect(pageState.cache?.queries ?? []).not.toContainEqual(
    expect.objectContaining({ queryKey: ['tree', tree.id] }),
  );
}, 60_000);

test('the list of troubleshooters is written a page at a time, each with its own entries', async () => {
  const treesDir = path.join(distDir, 'trees');
  await rm(treesDir, { recursive: true });
  await mkdir(treesDir);
  const trees = Array.from({ length: 5 }, (_, index) => ({
    ...makePrinterTree(),
    id: `printer-${index + 1}`,
    title: `Printer ${index + 1} does not print`,
  }));
  for (const tree of trees) {
    await writeFile(path.join(treesDir, `${tree.id}.json`), JSON.stringify(tree));
  }
  const entries = trees.map(({ id, title, description }) => ({ id, title, description }));
  await writeFile(path.join(treesDir, 'index.json'), JSON.stringify({ trees: entries }));

  await prerenderSite({ distDir, stepLimit: 1, listPageSize: 2, log: () => {} });
  const page = (file: string) => readFile(path.join(distDir, file), 'utf8');
  const [first, second, third] = await Promise.all(
    ['index.html', 'list/2/index.html', 'list/3/index.html'].map(page),
  );
  expect(first).toContain('Printer 2 does not print');
  expect(first).not.toContain('Printer 3 does not print');
  expect(second).toContain('<title>Troubleshooters: page 2 of 3 – Troubleshooter</title>');
  expect(second).toMatch(/Printer 3 does not print.*Printer 4 does not print/);
  expect(second).not.toMatch(/Printer [15] does not print/);
  expect(third).toContain('Printer 5 does not print');
  await expect(page('list/4/index.html')).rejects.toThrow();
  expect(JSON.parse(await page('trees/list/3.json'))).toEqual({
    page: 3,
    pages: 3,
    total: 5,
    first: 4,
    trees: [entries[4]],
  });
});

test('stylesheets are inlined, and the build gives the CSP hash that allows them', async () => {
  await writeFile(
    path.join(distDir, 'index.html'),
    SHELL.replace('</head>', '<link rel="stylesheet" crossorigin href="/assets/app.css"></head>'),
  );
  await mkdir(path.join(distDir, 'assets'));
  await writeFile(path.join(distDir, 'assets', 'app.css'), 'h1{color:red}');
  const logs: string[] = [];
  const report = await prerenderSite({ distDir, stepLimit: 1, log: (line) => logs.push(line) });
  // sha256 of "h1{color:red}", base64
  const hash = `'sha256-${createHash('sha256').update('h1{color:red}').digest('base64')}'`;
  expect(report.styleHashes).toEqual([hash]);
  expect(logs).toContain(
    `prerender: the inlined CSS needs "style-src 'self' ${hash}" in a Content-Security-Policy`,
  );
  const start = await readFile(path.join(distDir, 'q164887/index.html'), 'utf8');
  expect(start).toContain('<style>h1{color:red}</style>');
  expect(start).not.toContain('app.css');
});

test('a page whose text contains </script> cannot break out of its state block', async () => {
  const treeFile = path.join(distDir, 'trees', 'q164887.json');
  const tree = JSON.parse(await readFile(treeFile, 'utf8')) as { description: string };
  tree.description = 'Breaks </script><script>alert(1)</script> out?';
  await writeFile(treeFile, JSON.stringify(tree));
  // The index says what the tree says, or the build stops.
  const indexFile = path.join(distDir, 'trees', 'index.json');
  const index = JSON.parse(await readFile(indexFile, 'utf8')) as {
    trees: { description: string }[];
  };
  index.trees[0]!.description = tree.description;
  await writeFile(indexFile, JSON.stringify(index));
  await prerenderSite({ distDir, stepLimit: 1, log: () => {} });
  const start = await readFile(path.join(distDir, 'q164887/index.html'), 'utf8');
  expect(start.match(/<\/script>/g)).toHaveLength(2); // the app's script and the state block
  expect(start).toContain('Breaks \\u003c/script>\\u003cscript>alert(1)\\u003c/script> out?');
});

test('an index entry that disagrees with its tree stops the build, naming the entry and field', async () => {
  const indexFile = path.join(distDir, 'trees', 'index.json');
  const index = JSON.parse(await readFile(indexFile, 'utf8')) as {
    trees: { title: string; article?: string }[];
  };
  index.trees[0]!.title = 'Another title';
  index.trees[0]!.article = 'Q1';
  await writeFile(indexFile, JSON.stringify(index));
  await expect(prerenderSite({ distDir, stepLimit: 1, log: () => {} })).rejects.toThrow(
    [
      'prerender: trees/index.json has 2 problems:',
      '  $.trees[0].title: is "Another title" but q164887.json has "Windows NT upgrade job runs again at every restart (SMS 1.2)" at $.title',
      '  $.trees[0].article: is "Q1" but q164887.json has "Q164887" at $.article.id',
    ].join('\n'),
  );
});

test('a tree file that breaks the file rules stops the build', async () => {
  const treeFile = path.join(distDir, 'trees', 'q164887.json');
  const tree = JSON.parse(await readFile(treeFile, 'utf8')) as { id: string };
  tree.id = 'map';
  await writeFile(treeFile, JSON.stringify(tree));
  await expect(prerenderSite({ distDir, stepLimit: 1, log: () => {} })).rejects.toThrow(
    [
      'prerender: trees/q164887.json has 2 problems:',
      '  $.id: "map" is reserved for the map pages (/map/<tree>); choose another id',
      '  $.id: is "map", so the file must be named map.json',
    ].join('\n'),
  );
});

test('an archived version is checked too: its name must say its version', async () => {
  const tree = JSON.parse(await readFile(path.join(distDir, 'trees', 'q164887.json'), 'utf8')) as {
    version: number;
  };
  await writeFile(
    path.join(distDir, 'trees', 'q164887.v1.json'),
    JSON.stringify({ ...tree, version: 1 }),
  );
  await expect(prerenderSite({ distDir, stepLimit: 1, log: () => {} })).resolves.toBeDefined();
  await writeFile(
    path.join(distDir, 'trees', 'q164887.v1.json'),
    JSON.stringify({ ...tree, version: 3 }),
  );
  await expect(prerenderSite({ distDir, stepLimit: 1, log: () => {} })).rejects.toThrow(
    'prerender: trees/q164887.v1.json has a problem:\n  $.version: is 3, so an archived copy must be named q164887.v3.json',
  );
});

test('workers sharing the prerender write every page once between them', async () => {
  const written =
    readShippedTrees().reduce<number>((count, json) => {
      const result = validateTree(json);
      if (!result.ok) throw new Error('invalid shipped tree');
      // Its steps, its map and its editor page.
      return count + (allStepTrails(result.value)?.length ?? 0) + 2;
    }, 0) + 3; // 404.html, the list and the editor for a new tree
  const files: string[] = [];
  const shards = await Promise.all(
    [0, 1].map((index) =>
      prerenderSite({
        distDir,
        log: () => {},
        shard: { index, count: 2 },
        // One worker writes the list over dist/index.html while the other may still read it.
        template: SHELL,
        onPage: (file) => void files.push(path.relative(distDir, file)),
      }),
    ),
  );
  expect(shards.map((shard) => shard.pages)).toEqual([
    Math.ceil(written / 2),
    Math.floor(written / 2),
  ]);
  expect(new Set(files).size).toBe(written);
  expect(files).toContain('404.html');
  expect(files).toContain('index.html');
}, 20_000);

test('a page that fails its check stops the prerender there, not at the end', async () => {
  let checked = 0;
  await expect(
    prerenderSite({
      distDir,
      log: () => {},
      onPage: () => {
        checked += 1;
        if (checked === 3) throw new Error('over budget: the third page');
      },
    }),
  ).rejects.toThrow('over budget: the third page');
  // The pages already in flight are finished; none after them is rendered.
  expect(checked).toBeLessThan(3 + 32 + 1);
});
