// Gzipped files kept in memory: a static host gzips a page for every request (serve-static
// does), which is most of the work of serving one. The server gzips each file once and keeps
// the result while the file is unchanged (same size and modification time), so a rebuilt
// site is served fresh. Bounded: files over 1 MB are streamed as before, and the least
// recently used entries go once the total passes the limit.
import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);
const LARGEST_FILE = 1024 * 1024;

type Entry = { size: number; mtimeMs: number; body: Buffer };

export function createCompressedFiles(limitBytes = 64 * 1024 * 1024) {
  const entries = new Map<string, Entry>();
  let total = 0;
  return {
    /** The gzipped file, or undefined when it is too large to keep (stream it instead). */
    async get(file: string): Promise<Buffer | undefined> {
      const { size, mtimeMs } = await stat(file);
      if (size > LARGEST_FILE) return undefined;
      const kept = entries.get(file);
      if (kept && kept.size === size && kept.mtimeMs === mtimeMs) {
        // Most recently used last: a Map keeps insertion order.
        entries.delete(file);
        entries.set(file, kept);
        return kept.body;
      }
      const body = await gzip(await readFile(file));
      if (kept) total -= kept.body.length;
      entries.delete(file);
      entries.set(file, { size, mtimeMs, body });
      total += body.length;
      for (const [oldest, entry] of entries) {
        if (total <= limitBytes) break;
        entries.delete(oldest);
        total -= entry.body.length;
      }
      return body;
    },
  };
}
