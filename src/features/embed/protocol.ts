/**
 * The messages between an embedded wizard (the frame) and embed.js (the loader on the
 * host page). Versioned; every message is checked on receipt, field by field, and
 * anything else is ignored. No dependencies: embed.js must stay under 3 KB gzipped.
 * Documented in docs/embed.md.
 */
export const EMBED_PROTOCOL = 'troubleshooter-embed';
export const EMBED_PROTOCOL_VERSION = 1;

export const OUTCOME_KINDS = ['diagnosis', 'escalate', 'ruled-out'] as const;
/** Why the frame shows no troubleshooter: no tree has that id, or its file would not load. */
export const ERROR_REASONS = ['unknown-troubleshooter', 'load-failed'] as const;

export type AnswerSummary = { question: string; answer: string; unconfirmed: boolean };
/** The ticket and client the walk is for (lib/walk-context.ts), when it came with them. */
export type EventContext = { ticket?: string; client?: string };

type Envelope = {
  protocol: typeof EMBED_PROTOCOL;
  version: typeof EMBED_PROTOCOL_VERSION;
  /** Which wizard on the host page: set by the loader, echoed by the frame. */
  frameId: string;
};

export type ReadyMessage = { type: 'ready'; tree: string; title: string };
export type StepMessage = {
  type: 'step';
  tree: string;
  stepId: string;
  question: string;
  answers: AnswerSummary[];
  url: string;
  context?: EventContext;
};
export type OutcomeMessage = {
  type: 'outcome';
  tree: string;
  outcomeId: string;
  kind: (typeof OUTCOME_KINDS)[number];
  title: string;
  article: string | null;
  answers: AnswerSummary[];
  url: string;
  context?: EventContext;
};
export type ResizeMessage = { type: 'resize'; height: number };
/** The frame shows an error screen instead of a troubleshooter; `message` is for people. */
export type ErrorMessage = {
  type: 'error';
  tree: string;
  reason: (typeof ERROR_REASONS)[number];
  message: string;
};
/** "Did this solve it?" answered on an outcome. */
export type FeedbackMessage = {
  type: 'feedback';
  tree: string;
  outcomeId: string;
  solved: boolean;
  url: string;
  context?: EventContext;
};

export type FrameEvent =
  ReadyMessage | StepMessage | OutcomeMessage | ResizeMessage | FeedbackMessage | ErrorMessage;
/**
 * A frame the host page wrote itself asks embed.js, if the host page has it, to say hello
 * (ADR 48); it is not passed on to the host page as an event.
 */
export type ConnectMessage = { type: 'connect' };
export type FrameMessage = Envelope & (FrameEvent | ConnectMessage);
/** restart: start the walk again. hello: embed.js sizes this frame and listens to it. */
export type HostMessage = Envelope & { type: 'restart' | 'hello' };

type Fields = Record<string, unknown>;

const MAX_TEXT = 2000;
const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_TEXT;
const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isAnswers(value: unknown): value is AnswerSummary[] {
  return (
    Array.isArray(value) &&
    value.length <= 200 &&
    value.every(
      (item) =>
        isObject(item) &&
        isText(item.question) &&
        isText(item.answer) &&
        typeof item.unconfirmed === 'boolean',
    )
  );
}

const isContextValue = (value: unknown) =>
  value === undefined || (typeof value === 'string' && value.length <= 64);
const isContext = (value: unknown) =>
  value === undefined ||
  (isObject(value) && isContextValue(value.ticket) && isContextValue(value.client));

function hasEnvelope(data: unknown): data is Fields & Envelope {
  return (
    isObject(data) &&
    data.protocol === EMBED_PROTOCOL &&
    data.version === EMBED_PROTOCOL_VERSION &&
    typeof data.frameId === 'string' &&
    /^[A-Za-z0-9-]{1,64}$/.test(data.frameId)
  );
}

/** A message from the frame, or undefined if it is not one of ours, exactly. */
export function parseFrameMessage(data: unknown): FrameMessage | undefined {
  if (!hasEnvelope(data) || !isContext(data.context)) return undefined;
  const m = data;
  switch (m.type) {
    case 'connect':
      return m as FrameMessage;
    case 'ready':
      return isText(m.tree) && isText(m.title) ? (m as FrameMessage) : undefined;
    case 'resize':
      return typeof m.height === 'number' &&
        Number.isFinite(m.height) &&
        m.height >= 0 &&
        m.height < 100_000
        ? (m as FrameMessage)
        : undefined;
    case 'step':
      return isText(m.tree) &&
        isText(m.stepId) &&
        isText(m.question) &&
        isAnswers(m.answers) &&
        isText(m.url)
        ? (m as FrameMessage)
        : undefined;
    case 'outcome':
      return isText(m.tree) &&
        isText(m.outcomeId) &&
        (OUTCOME_KINDS as readonly unknown[]).includes(m.kind) &&
        isText(m.title) &&
        (m.article === null || isText(m.article)) &&
        isAnswers(m.answers) &&
        isText(m.url)
        ? (m as FrameMessage)
        : undefined;
    case 'feedback':
      return isText(m.tree) && isText(m.outcomeId) && typeof m.solved === 'boolean' && isText(m.url)
        ? (m as FrameMessage)
        : undefined;
    case 'error':
      return isText(m.tree) &&
        (ERROR_REASONS as readonly unknown[]).includes(m.reason) &&
        isText(m.message)
        ? (m as FrameMessage)
        : undefined;
    default:
      return undefined;
  }
}

/** A command from the loader, or undefined. */
export function parseHostMessage(data: unknown): HostMessage | undefined {
  return hasEnvelope(data) && (data.type === 'restart' || data.type === 'hello')
    ? (data as HostMessage)
    : undefined;
}

export function frameMessage(frameId: string, event: FrameEvent | ConnectMessage): FrameMessage {
  return { protocol: EMBED_PROTOCOL, version: EMBED_PROTOCOL_VERSION, frameId, ...event };
}

export function hostMessage(frameId: string, type: HostMessage['type']): HostMessage {
  return { protocol: EMBED_PROTOCOL, version: EMBED_PROTOCOL_VERSION, frameId, type };
}
