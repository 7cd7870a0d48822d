// Drafts on the server (docs/decisions/0032-drafts-with-revisions.md), for authors and above:
// saved as the author types, each save based on the revision it started from; a save based on
// an older revision is refused with the current draft, for the editor to show side by side.
import type { FastifyInstance } from 'fastify';
import { reservedFor } from '../../src/engine/ids';
import { readDraftShape } from '../../src/engine/draft-shape';
import {
  deleteServerDraft,
  presentEditors,
  heartbeat,
  leave,
  idInUse,
  listServerDrafts,
  readServerDraft,
  saveServerDraft,
} from '../drafts/drafts-store';
import { signedInAccount } from '../plugins/auth';
import { MAX_INT4 } from './schema-limits';

/** The editor's draft keys (src/features/editor/draft-store.ts). */
export const DRAFT_KEY = { type: 'string', pattern: '^(tree|new):[a-z0-9-]{1,200}$' } as const;
const PARAMS = {
  type: 'object',
  required: ['key'],
  properties: { key: DRAFT_KEY },
  additionalProperties: false,
} as const;

/** A page's presence: the random id of the editor page (use-draft-sync.ts). */
const PRESENCE_BODY = {
  type: 'object',
  required: ['clientId'],
  additionalProperties: false,
  properties: { clientId: { type: 'string', pattern: '^[a-z0-9]{8,40}$' } },
} as const;

const ERROR = {
  type: 'object',
  properties: { error: { type: 'string' }, message: { type: 'string' } },
} as const;

const DRAFT = {
  type: 'object',
  required: ['key', 'treeId', 'basedOn', 'revision', 'tree', 'updatedAt', 'updatedBy'],
  properties: {
    key: { type: 'string' },
    treeId: { type: 'string' },
    basedOn: { type: ['integer', 'null'] },
    revision: { type: 'integer' },
    tree: { type: 'object', additionalProperties: true },
    updatedAt: { type: 'string', format: 'date-time' },
    updatedBy: { type: ['string', 'null'] },
  },
} as const;

const LISTED = {
  type: 'object',
  properties: {
    key: { type: 'string' },
    treeId: { type: 'string' },
    title: { type: 'string' },
    basedOn: { type: ['integer', 'null'] },
    revision: { type: 'integer' },
    updatedAt: { type: 'string', format: 'date-time' },
    updatedBy: { type: ['string', 'null'] },
  },
} as const;

type KeyParams = { key: string };
type SaveBody = { revision: number; basedOn: number | null; tree: unknown };

export async function draftRoutes(app: FastifyInstance) {
  const author = app.requireRole('author');
  // Drafts are never cached: each answer is the state of the moment.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get(
    '/api/drafts',
    {
      preHandler: author,
      schema: {
        response: {
          200: {
            type: 'object',
            properties: { drafts: { type: 'array', items: LISTED } },
          },
        },
      },
    },
    async () => ({ drafts: await listServerDrafts(app.db) }),
  );

  // No draft yet is an answer, not an error: a 404 would be logged by every browser.
  app.get<{ Params: KeyParams }>(
    '/api/drafts/:key',
    {
      preHandler: author,
      schema: {
        params: PARAMS,
        response: {
          200: {
            type: 'object',
            required: ['draft'],
            properties: { draft: { anyOf: [DRAFT, { type: 'null' }] } },
          },
        },
      },
    },
    async (request) => ({ draft: (await readServerDraft(app.db, request.params.key)) ?? null }),
  );

  app.put<{ Params: KeyParams; Body: SaveBody }>(
    '/api/drafts/:key',
    {
      preHandler: author,
      schema: {
        params: PARAMS,
        body: {
          type: 'object',
          required: ['revision', 'basedOn', 'tree'],
          additionalProperties: false,
          properties: {
            /** The revision this save is based on: 0 when the page has none yet. */
            revision: { type: 'integer', minimum: 0, maximum: MAX_INT4 },
            basedOn: { type: ['integer', 'null'], minimum: 1, maximum: MAX_INT4 },
            tree: { type: 'object' },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              revision: { type: 'integer' },
              updatedAt: { type: 'string', format: 'date-time' },
            },
          },
          400: ERROR,
          409: {
            type: 'object',
            properties: {
              error: { type: 'string' },
              message: { type: 'string' },
              draft: { anyOf: [DRAFT, { type: 'null' }] },
            },
          },
          422: ERROR,
        },
      },
    },
    async (request, reply) => {
      const { key } = request.params;
      // A draft may be unfinished (the editor lists what to fix), but it is a tree in shape.
      const read = readDraftShape(request.body.tree);
      if (!read.ok) {
        return reply
          .code(400)
          .send({ error: 'invalid-tree', message: `The draft cannot be saved: ${read.problem}.` });
      }
      const tree = read.tree;
      const reserved = reservedFor(tree.id);
      const inUse = reserved ? 'reserved' : await idInUse(app.db, key, tree.id);
      if (inUse) {
        return reply.code(422).send({
          error: 'id-in-use',
          message:
            inUse === 'published'
              ? `The id “${tree.id}” is already used by a published troubleshooter.`
              : inUse === 'drafted'
                ? `The id “${tree.id}” is already used by another draft.`
                : `The id “${tree.id}” is reserved for ${reserved}.`,
        });
      }
      const account = signedInAccount(request);
      const result = await saveServerDraft(
        app.db,
        { key, revision: request.body.revision, basedOn: request.body.basedOn, tree },
        account.id,
      );
      if (!result.saved) {
        return reply.code(409).send({
          error: 'conflict',
          message: result.current
            ? 'Someone else saved this draft since you last did.'
            : 'This draft was discarded since you last saved it.',
          draft: result.current ?? null,
        });
      }
      return { revision: result.revision, updatedAt: result.updatedAt };
    },
  );

  app.delete<{ Params: KeyParams }>(
    '/api/drafts/:key',
    { preHandler: author, schema: { params: PARAMS, response: { 404: ERROR, 409: ERROR } } },
    async (request, reply) => {
      // Not from under someone typing in it: their next save would bring it back, unasked.
      const open = await presentEditors(app.db, request.params.key);
      if (open.length > 0) {
        return reply.code(409).send({
          error: 'open',
          message: `${open.join(' and ')} ${open.length === 1 ? 'has' : 'have'} it open now: ask them to close it first.`,
        });
      }
      const removed = await deleteServerDraft(app.db, request.params.key);
      if (!removed) {
        return reply.code(404).send({ error: 'not-found', message: 'There is no such draft.' });
      }
      return reply.code(204).send();
    },
  );

  app.post<{ Params: KeyParams; Body: { clientId: string } }>(
    '/api/drafts/:key/presence',
    {
      preHandler: author,
      schema: {
        params: PARAMS,
        body: PRESENCE_BODY,
        response: {
          200: {
            type: 'object',
            properties: {
              editors: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { email: { type: 'string' }, you: { type: 'boolean' } },
                },
              },
            },
          },
        },
      },
    },
    async (request) => {
      const account = signedInAccount(request);
      const editors = await heartbeat(
        app.db,
        request.params.key,
        request.body.clientId,
        account.id,
      );
      return { editors };
    },
  );

  // The page is closing (or the editor left this draft): it no longer counts as editing at
  // once, rather than for the rest of its presence window (a reload showed "you, in another
  // tab"). Only the account that beat for this page may end it.
  app.post<{ Params: KeyParams; Body: { clientId: string } }>(
    '/api/drafts/:key/presence/leave',
    {
      preHandler: author,
      schema: {
        params: PARAMS,
        body: PRESENCE_BODY,
        response: { 204: { type: 'null' } },
      },
    },
    async (request, reply) => {
      const account = signedInAccount(request);
      await leave(app.db, request.params.key, request.body.clientId, account.id);
      return reply.code(204).send();
    },
  );
}
