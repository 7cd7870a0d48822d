import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { catalogPage } from '../engine/catalog-pages';
import type { TreeIndex } from '../engine/tree-schema';
import { buildTreeSearch } from '../engine/tree-search';
import { shippedTrees } from './shipped-trees';

// Vitest runs from the project root.
const publicDir = path.resolve(process.cwd(), 'public') + path.sep;
// Fixture trees (not shipped) are served under /trees/ as if they were deployed.
const fixtureTreesDir =
  path.resolve(process.cwd(), 'src', 'testing', 'fixtures', 'trees') + path.sep;

function requestUrl(input: RequestInfo | URL): URL {
  const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return new URL(href, 'http://localhost/');
}

/** A stand-in for `fetch` that serves public/ the way a static web server does. */
export async function fetchPublicFile(input: RequestInfo | URL): Promise<Response> {
  const pathname = decodeURIComponent(requestUrl(input).pathname);
  // Written by the build (prerender-site.ts), not kept in public/: made the same way here
  // (search.json and the pages of the list).
  if (pathname === '/trees/search.json') {
    const index = JSON.parse(await readFile(path.join(publicDir, 'trees', 'index.json'), 'utf8'));
    return Response.json(buildTreeSearch((index as TreeIndex).trees, shippedTrees()));
  }
  const listPage = /^\/trees\/list\/(\d+)\.json$/.exec(pathname)?.[1];
  if (listPage) {
    const index = JSON.parse(await readFile(path.join(publicDir, 'trees', 'index.json'), 'utf8'));
    const page = catalogPage((index as TreeIndex).trees, Number(listPage));
    return page ? Response.json(page) : new Response('Not found', { status: 404 });
  }
  const file = path.join(publicDir, pathname);
  if (!file.startsWith(publicDir)) return new Response('Forbidden', { status: 403 });
  const fixture = pathname.startsWith('/trees/')
    ? path.join(fixtureTreesDir, pathname.slice('/trees/'.length))
    : undefined;
  try {
    const body = await readFile(file, 'utf8').catch((error: unknown) => {
      if (fixture?.startsWith(fixtureTreesDir)) return readFile(fixture, 'utf8');
      throw error;
    });
    const type = file.endsWith('.json') ? 'application/json' : 'text/plain';
    return new Response(body, { status: 200, headers: { 'content-type': type } });
  } catch {
    return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  }
}

/** Serve public/ except for one path, which gets `respond` instead. */
export function fetchPublicFileExcept(
  pathname: string,
  respond: () => Response | Promise<Response>,
): (input: RequestInfo | URL) => Promise<Response> {
  return async (input) =>
    requestUrl(input).pathname === pathname ? respond() : fetchPublicFile(input);
}
