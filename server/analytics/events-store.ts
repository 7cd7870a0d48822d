// Walk events (issue 25, docs/privacy.md): validated against the published tree they name,
// stored raw for the retention period and counted per day for good, in one transaction.
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { analyticsDaily, analyticsEvents, treeVersions, type EventKind } from '../db/schema';

/** One event as the wizard sends it (the route's JSON schema has checked its shape). */
export type IncomingEvent = {
  kind: EventKind;
  tree: string;
  version: number;
  node: string;
  answer?: string;
  trail?: string;
  /** The helpdesk's ticket and client, when the walk's address carried them. */
  ticket?: string;
  client?: string;
};

const slugPattern = '^[a-z0-9][a-z0-9-]{0,99}$';
/** A ticket number or client name: letters, digits and `. _ : # / -`, at most 64. */
const contextPattern = '^[\\p{L}\\p{N}][\\p{L}\\p{N} ._:#/-]{0,63}$';

/** The body of POST api/events: at most 100 events. */
export const eventsBodySchema = {
  type: 'object',
  properties: {
    events: {
      type: 'array',
      minItems: 1,
      maxItems: 100,
      items: {
        type: 'object',
        properties: {
          kind: {
            type: 'string',
            enum: ['step', 'answer', 'outcome', 'solved', 'unsolved', 'copy', 'print', 'restart'],
          },
          tree: { type: 'string', pattern: slugPattern },
          version: { type: 'integer', minimum: 1, maximum: 1_000_000 },
          node: { type: 'string', pattern: slugPattern },
          answer: { type: 'string', pattern: slugPattern },
          // The step's answers, slash-separated: the address, never anything else.
          trail: { type: 'string', maxLength: 2000, pattern: '^[a-z0-9/-]*$' },
          // As the wizard reads them from the address (src/lib/walk-context.ts).
          ticket: { type: 'string', pattern: contextPattern },
          client: { type: 'string', pattern: contextPattern },
        },
        required: ['kind', 'tree', 'version', 'node'],
        additionalProperties: false,
      },
    },
  },
  required: ['events'],
  additionalProperties: false,
} as const;

type PublishedShape = { nodes: Set<string>; answers: Map<string, Set<string>> };

/**
 * What each published version holds (its nodes and each question's answers), read once: a
 * published version never changes, so the cache is never stale. An unknown version is asked
 * for again at most once a minute.
 */
export function createPublishedShapes(db: Database) {
  const known = new Map<string, Promise<PublishedShape | null>>();
  const missingUntil = new Map<string, number>();
  const load = async (treeId: string, version: number): Promise<PublishedShape | null> => {
    const [row] = await db
      .select({ tree: treeVersions.tree })
      .from(treeVersions)
      .where(and(eq(treeVersions.treeId, treeId), eq(treeVersions.version, version)));
    if (!row) return null;
    const tree = row.tree as {
      nodes: { id: string; kind: string; answers?: { slug: string }[] }[];
    };
    const shape: PublishedShape = { nodes: new Set(), answers: new Map() };
    for (const node of tree.nodes) {
      shape.nodes.add(node.id);
      if (node.answers) shape.answers.set(node.id, new Set(node.answers.map((a) => a.slug)));
    }
    return shape;
  };
  return async (treeId: string, version: number): Promise<PublishedShape | null> => {
    const key = `${treeId}@${version}`;
    if ((missingUntil.get(key) ?? 0) > Date.now()) return null;
    let found = known.get(key);
    if (!found) {
      found = load(treeId, version);
      known.set(key, found);
    }
    const shape = await found.catch(() => null);
    if (!shape) {
      known.delete(key);
      missingUntil.set(key, Date.now() + 60_000);
    }
    return shape;
  };
}

export type PublishedShapes = ReturnType<typeof createPublishedShapes>;

/** Whether an event fits the published version it names. */
function fits(event: IncomingEvent, shape: PublishedShape): boolean {
  if (!shape.nodes.has(event.node)) return false;
  if (event.kind === 'answer') {
    return (
      event.answer !== undefined && (shape.answers.get(event.node)?.has(event.answer) ?? false)
    );
  }
  return event.answer === undefined;
}

/**
 * Stores the events that fit a published version; returns those stored. One statement a batch
 * (docs/performance.md): a data-modifying CTE inserts the raw rows and adds the day's counts,
 * so the counts always agree with what was stored and a batch costs one round trip. The
 * published shapes are read once per version (cached), never per event.
 */
export async function storeEvents(
  db: Database,
  shapes: PublishedShapes,
  events: readonly IncomingEvent[],
  now = new Date(),
): Promise<IncomingEvent[]> {
  // Each distinct version of the batch is looked up once (in memory after the first time).
  const byVersion = new Map<string, PublishedShape | null>();
  for (const event of events) {
    const key = `${event.tree}@${event.version}`;
    if (!byVersion.has(key)) byVersion.set(key, await shapes(event.tree, event.version));
  }
  const accepted = events.filter((event) => {
    const shape = byVersion.get(`${event.tree}@${event.version}`);
    return shape ? fits(event, shape) : false;
  });
  if (accepted.length === 0) return accepted;
  const rows = JSON.stringify(
    accepted.map((event) => ({
      tree_id: event.tree,
      version: event.version,
      kind: event.kind,
      node_id: event.node,
      answer: event.answer ?? '',
      trail: event.trail ?? '',
      ticket: event.ticket ?? null,
      client: event.client ?? null,
    })),
  );
  const day = now.toISOString().slice(0, 10);
  // The counts are added in key order, so that two batches updating the same rows lock them
  // in the same order.
  await db.execute(sql`
    with incoming as (
      select * from json_to_recordset(${rows}::json)
        as e(
          tree_id text, version integer, kind text, node_id text, answer text, trail text,
          ticket text, client text
        )
    ), raw as (
      insert into ${analyticsEvents}
        (at, tree_id, version, kind, node_id, answer, trail, ticket, client)
      select ${now.toISOString()}::timestamptz, tree_id, version, kind, node_id, answer, trail,
        ticket, client
      from incoming
    )
    insert into ${analyticsDaily} (day, tree_id, version, kind, node_id, answer, count)
    select ${day}::date, tree_id, version, kind, node_id, answer, count(*)
    from incoming
    group by tree_id, version, kind, node_id, answer
    order by tree_id, version, kind, node_id, answer
    on conflict (tree_id, version, day, kind, node_id, answer)
    do update set count = ${analyticsDaily}.count + excluded.count`);
  return accepted;
}

/** Deletes the raw events older than `months` months; the daily counts stay. */
export async function pruneEvents(db: Database, months: number): Promise<void> {
  await db
    .delete(analyticsEvents)
    .where(lt(analyticsEvents.at, sql`now() - make_interval(months => ${months}::int)`));
}
