// The HTML forms' side of Fastify's validation. A form route keeps its JSON schema (the
// server's limits stay in one place) and sets `attachValidation: true`: Fastify then runs the
// route's preHandler (the role check) and handler with `request.validationError` set instead
// of answering JSON, and the handler shows the form again with these sentences beside the
// fields, what was typed kept (docs/server.md).
import type { FastifyRequest } from 'fastify';

const count = (value: number) => value.toLocaleString('en-GB');

/** The sentence for one refusal by the schema (Ajv's keyword and its limit). */
function sentence(keyword: string, params: Record<string, unknown>, value: unknown) {
  if (keyword === 'maxLength' && typeof params.limit === 'number') {
    const length = typeof value === 'string' ? ` (this has ${count(value.length)})` : '';
    return `Write at most ${count(params.limit)} characters${length}.`;
  }
  if (keyword === 'type') return 'Send this field once, as text.';
  return 'This value could not be read: check it and send the form again.';
}

/**
 * The form fields (of the posted body) the route's schema refused, by name, each with a
 * sentence for the page; {} when the body was accepted. Ajv stops at the first refusal, so
 * there is one at most; the route's own checks say the rest.
 */
export function refusedFields(request: FastifyRequest): Record<string, string> {
  const error = request.validationError;
  if (!error || error.validationContext !== 'body') return {};
  const body = (request.body ?? {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const { instancePath, keyword, params } of error.validation) {
    const name = instancePath.split('/')[1] ?? '';
    if (name && !fields[name]) fields[name] = sentence(keyword, params, body[name]);
  }
  return Object.keys(fields).length > 0
    ? fields
    : { '': 'The form could not be read: send it again from the page.' };
}

/** Whether the address's own parameters (an id that is no number) were refused: no such page. */
export function refusedAddress(request: FastifyRequest): boolean {
  const context = request.validationError?.validationContext;
  return context === 'params' || context === 'querystring';
}

/** A posted field as text: a field sent twice (an array) or not at all reads as empty. */
export function textField(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
