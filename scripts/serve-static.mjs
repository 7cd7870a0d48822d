// A small static file server for dist/, used by the browser tests and the benchmark: a test
// tool, not a web server to deploy (docs/deployment.md has nginx, Apache and IIS settings).
// It behaves like a plain intranet web server with no rewrite rules: files as they are,
// a folder's index.html for its address, 404.html (status 404) for other page addresses,
// a plain 404 for other missing files, HTML not cached and hashed assets cached for good.
// With --step-rewrite it also has the one rewrite rule of docs/deployment.md: a missing page
// under /<tree>/ is answered, with status 200, by <tree>/steps.html where the prerender wrote
// one (a tree with more steps than it prerenders).
//
//   node scripts/serve-static.mjs --root dist --port 4173 [--base /sub/path/] [--gzip]
//                                 [--csp] [--frame-ancestors "https://helpdesk.example …"]
//                                 [--step-rewrite]
//
// --csp sends the strict Content-Security-Policy the app is built to run under (README),
// with the hash of the stylesheet the prerender inlines, read from the built index.html.
import { createReadStream, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { styleHashes } from '../src/prerender/inline-styles.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json)|image\/svg)/;

async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Whether a file is the root folder or in it. The separator matters: without it,
 * /srv/dist-ssr/x would pass a check for /srv/dist (`/..%2fdist-ssr%2fx`).
 * @param {string} rootDir absolute
 * @param {string} file absolute, normalised (path.join)
 */
export function isInside(rootDir, file) {
  const root = rootDir.endsWith(path.sep) ? rootDir : `${rootDir}${path.sep}`;
  return file === rootDir || file.startsWith(root);
}

/**
 * The one Trusted Types policy the app creates: it vouches for the address of the editor's
 * checks worker and nothing else (src/features/editor/start-checks-worker.ts, ADR 49).
 */
export const WORKER_POLICY_NAME = 'troubleshooter-worker';

/**
 * The strict policy: nothing but the app's own files, no inline script, no plugins, no
 * <base>, Trusted Types with one policy only (the worker's address); styles from files plus
 * the one inlined stylesheet, allowed by its hash.
 * @param {string} root the built site
 * @param {string} frameAncestors origins allowed to frame the app (embedding hosts)
 */
export function strictCsp(root, frameAncestors = '') {
  const html = readFileSync(path.join(root, 'index.html'), 'utf8');
  const hashes = styleHashes(html);
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' ${hashes.join(' ')}`.trim(),
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    `trusted-types ${WORKER_POLICY_NAME}`,
    `frame-ancestors 'self' ${frameAncestors}`.trim(),
  ].join('; ');
}

/**
 * What a static host answers for a request, without answering it: shared by this server and
 * the Troubleshooter server (server/site/), so both serve the same files with the same status.
 *   { status: 200 | 404, file, type, immutable }  a file to send
 *   { status: 404 }                                 a plain "Not found"
 *   { status: 400 }                                 an address that cannot be decoded
 * @param {{ rootDir: string, base?: string, stepRewrite?: boolean }} site rootDir absolute
 * @param {string} pathname the request's path, still %-encoded
 * @param {string} accept the request's Accept header
 * @returns {Promise<{ status: number, file?: string, type?: string, immutable?: boolean }>}
 */
export async function resolveStaticFile(
  { rootDir, base = '/', stepRewrite = false },
  pathname,
  accept,
) {
  if (!pathname.startsWith(base) && `${pathname}/` !== base) return { status: 404 };
  let relative;
  try {
    relative = decodeURIComponent(pathname.slice(base.length - 1));
  } catch {
    // A malformed %-escape (`/q164887/%E0%A4%A`): status 400, as nginx and Apache answer it,
    // and for a page the not-found page, as docs/deployment.md sets them up to send.
    const notFoundPage = path.join(rootDir, '404.html');
    if (accept.includes('text/html') && (await isFile(notFoundPage))) {
      return { status: 400, file: notFoundPage, type: TYPES['.html'], immutable: false };
    }
    return { status: 400 };
  }
  let file = path.join(rootDir, relative);
  if (!isInside(rootDir, file)) return { status: 404 };
  if (!(await isFile(file)) && (await isFile(path.join(file, 'index.html')))) {
    file = path.join(file, 'index.html');
  }
  let status = 200;
  const treeFallback = path.join(rootDir, relative.split('/')[1] ?? '', 'steps.html');
  if (
    !(await isFile(file)) &&
    stepRewrite &&
    isInside(rootDir, treeFallback) &&
    (await isFile(treeFallback))
  ) {
    file = treeFallback;
  }
  if (!(await isFile(file))) {
    // A page address (the browser asks for HTML) gets 404.html, as a static host's
    // error page would, or the app shell when there is none; anything else 404s.
    const wantsPage = accept.includes('text/html');
    const notFoundPage = path.join(rootDir, '404.html');
    const shell = path.join(rootDir, 'index.html');
    if (wantsPage && (await isFile(notFoundPage))) {
      file = notFoundPage;
      status = 404;
    } else if (wantsPage && (await isFile(shell))) {
      file = shell;
    } else {
      return { status: 404 };
    }
  }
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  return { status, file, type, immutable: relative.startsWith('/assets/') };
}

/** The caching and type headers of docs/deployment.md for a file that is sent. */
export function fileHeaders({ type, immutable }) {
  return {
    'content-type': type,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  };
}

/** Whether a response of this type is gzipped for a request with this Accept-Encoding. */
export function shouldGzip(type, acceptEncoding) {
  return COMPRESSIBLE.test(type) && (acceptEncoding ?? '').includes('gzip');
}

/**
 * @param {{ root: string, base?: string, gzip?: boolean, headers?: Record<string, string>, stepRewrite?: boolean }} options
 */
export function createStaticServer({
  root,
  base = '/',
  gzip = false,
  headers = {},
  stepRewrite = false,
}) {
  const rootDir = path.resolve(root);
  return http.createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const found = await resolveStaticFile(
        { rootDir, base, stepRewrite },
        url.pathname,
        request.headers.accept ?? '',
      );
      if (!found.file) {
        response.writeHead(found.status, {
          'content-type': 'text/plain; charset=utf-8',
          'x-content-type-options': 'nosniff',
          ...headers,
        });
        response.end(found.status === 400 ? 'Bad request' : 'Not found');
        return;
      }
      const responseHeaders = { ...fileHeaders(found), ...headers };
      const compress = gzip && shouldGzip(found.type, request.headers['accept-encoding']);
      if (compress) {
        responseHeaders['content-encoding'] = 'gzip';
        responseHeaders.vary = 'accept-encoding';
      }
      response.writeHead(found.status, responseHeaders);
      if (request.method === 'HEAD') {
        response.end();
        return;
      }
      const stream = createReadStream(found.file);
      (compress ? stream.pipe(zlib.createGzip()) : stream).pipe(response);
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      root: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '4173' },
      host: { type: 'string', default: '127.0.0.1' },
      base: { type: 'string', default: '/' },
      gzip: { type: 'boolean', default: false },
      csp: { type: 'boolean', default: false },
      'frame-ancestors': { type: 'string', default: '' },
      'step-rewrite': { type: 'boolean', default: false },
    },
  });
  const headers = values.csp
    ? { 'content-security-policy': strictCsp(values.root, values['frame-ancestors']) }
    : {};
  const server = createStaticServer({
    root: values.root,
    base: values.base,
    gzip: values.gzip,
    headers,
    stepRewrite: values['step-rewrite'],
  });
  server.listen(Number(values.port), values.host, () => {
    console.log(`serving ${values.root} at http://${values.host}:${values.port}${values.base}`);
  });
}
