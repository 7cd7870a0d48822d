import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate, useParams, useRouteLoaderData } from 'react-router';
import { absoluteUrl, paths } from '../../lib/paths';
import { hasWalkContext, parseWalkContext, withWalkContext } from '../../lib/walk-context';
import { frameMessage, parseHostMessage, type AnswerSummary, type FrameEvent } from './protocol';
import type { AnsweredStep } from '../../engine/replay-trail';
import type { ResolvedStep } from '../../engine/resolve-step';
import type { Tree } from '../../engine/tree-schema';
import { FEEDBACK_EVENT, type FeedbackDetail } from '../../lib/feedback-event';
import { isTreeId, treeErrorKind } from '../../data/tree-query';
import { actualParentOrigin, configQueryOptions, isParentAllowed } from '../../data/config-query';
import type { EmbedParams } from './embed-params';

const summarize = (steps: readonly AnsweredStep[]): AnswerSummary[] =>
  steps.map((step) => ({
    question: step.question.prompt,
    answer: step.answer.label,
    unconfirmed: step.answer.unsure === true,
  }));

/** The part of the step route's loader data (step-loader.ts) the host is told about. */
type ResolvedView = { kind: string; tree?: Tree; step?: ResolvedStep; error?: unknown };

/** The error event for a step that shows no troubleshooter (step-loader.ts's tree-error). */
function errorEvent(treeId: string, notFound: boolean): FrameEvent {
  return notFound
    ? {
        type: 'error',
        tree: treeId,
        reason: 'unknown-troubleshooter',
        message: `No troubleshooter is called “${treeId}”.`,
      }
    : {
        type: 'error',
        tree: treeId,
        reason: 'load-failed',
        message: `The troubleshooter “${treeId}” could not be loaded.`,
      };
}

/**
 * The frame's side of embedding, loaded only when the page was opened by embed.js.
 * Compact chrome, its height and every step and outcome reported to the parent, and
 * the parent's restart command; all of it only when the parent's origin is allowed
 * in config.json. Renders nothing.
 */
export function EmbedBridge({ params }: { params: EmbedParams }) {
  const location = useLocation();
  const navigate = useNavigate();
  const { treeId = '' } = useParams();
  const validTree = isTreeId(treeId);
  // What the step route resolved for this URL (step-loader.ts), the same as the page shows;
  // undefined on other pages (the map), where there is no step to report.
  const view = useRouteLoaderData(paths.step.id) as ResolvedView | undefined;
  const tree = view?.tree;
  const step = view?.step;
  const { data: config } = useQuery(configQueryOptions());
  // The ticket and client the host passed in (mount options), carried by every event.
  const walkContext = useMemo(() => parseWalkContext(location.search), [location.search]);
  const contextField = useMemo(
    () => (hasWalkContext(walkContext) ? { context: walkContext } : {}),
    [walkContext],
  );

  const allowed = useMemo(
    () =>
      config === undefined
        ? undefined
        : window.parent !== window &&
          params.parentOrigin !== '' &&
          isParentAllowed(params.parentOrigin, config, window.location),
    [config, params.parentOrigin],
  );
  // A frame embed.js opened has a loader listening. One the host page wrote itself (ADR 48)
  // waits for embed.js's hello: the host page may have no embed.js, and then the frame keeps
  // the height the host gave it and scrolls inside.
  const [greeted, setGreeted] = useState(params.adopted !== true);

  const post = useMemo(
    () =>
      allowed && greeted
        ? (event: FrameEvent) =>
            window.parent.postMessage(frameMessage(params.frameId, event), params.parentOrigin)
        : undefined,
    [allowed, greeted, params],
  );

  // Let the host size the frame only if it will hear from us. (The compact chrome and the
  // host's colour scheme are on the root already: markEmbedded, as the app starts.)
  useEffect(() => {
    const root = document.documentElement;
    if (post) root.classList.add('embedded-sized');
    if (allowed === false) {
      // The real parent where the browser says: the claimed one may be another's.
      const parent = actualParentOrigin(params.parentOrigin, window.location);
      console.warn(
        parent === ''
          ? 'Troubleshooter: this embedded wizard cannot tell which page frames it (the browser gives neither location.ancestorOrigins nor a referrer), so it sends it no events.'
          : `Troubleshooter: the page at ${parent} is not in config.json embed.allowedOrigins, so this embedded wizard sends it no events.`,
      );
    }
  }, [post, allowed, params.parentOrigin]);

  // A frame the host wrote: ask the allowed parent for a hello (embed.js answers, at once if
  // it is there; if it comes later, it says hello when it adopts the frame), and start
  // reporting at the first one.
  useEffect(() => {
    if (!allowed || greeted) return;
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent || event.origin !== params.parentOrigin) return;
      const message = parseHostMessage(event.data);
      if (message?.type === 'hello' && message.frameId === params.frameId) setGreeted(true);
    };
    window.addEventListener('message', onMessage);
    window.parent.postMessage(
      frameMessage(params.frameId, { type: 'connect' }),
      params.parentOrigin,
    );
    return () => window.removeEventListener('message', onMessage);
  }, [allowed, greeted, params]);

  // No troubleshooter to show (an unknown id, a file that would not load): the host is told
  // why, once per failed address (the loader data is a new object after each navigation).
  const failed = view?.kind === 'tree-error' ? treeErrorKind(view.error) : undefined;
  useEffect(() => {
    if (post && failed) post(errorEvent(treeId, failed === 'not-found'));
  }, [post, treeId, failed]);

  // Once a tree, by its id and title: its object changes when the page's excerpt gives
  // way to the tree file (engine/step-excerpt.ts), the troubleshooter does not.
  const readyId = tree?.id;
  const readyTitle = tree?.title;
  useEffect(() => {
    if (post && readyId !== undefined && readyTitle !== undefined) {
      post({ type: 'ready', tree: readyId, title: readyTitle });
    }
  }, [post, readyId, readyTitle]);

  // The height, once the frame's content has settled: ResizeObserver may report several
  // sizes while one change is laid out (a screen committed, then the controls that need
  // JavaScript, a font), and each report would move the host page. A size is sent only
  // once two animation frames in a row measure the same height, so a passing layout is
  // never sent, and at most one report goes out per change.
  useEffect(() => {
    if (!post) return;
    let last = -1;
    let frame = 0;
    let measured = -1;
    const measure = () => Math.ceil(document.body.getBoundingClientRect().height);
    const settle = () => {
      const height = measure();
      if (height !== measured) {
        measured = height;
        frame = requestAnimationFrame(settle);
        return;
      }
      frame = 0;
      if (height !== last) post({ type: 'resize', height });
      last = height;
    };
    const report = () => {
      if (frame !== 0) return;
      measured = measure();
      frame = requestAnimationFrame(settle);
    };
    // Without ResizeObserver (old or locked-down browsers), measure twice a second.
    if (typeof ResizeObserver !== 'function') {
      report();
      const timer = setInterval(report, 500);
      return () => {
        clearInterval(timer);
        cancelAnimationFrame(frame);
      };
    }
    const observer = new ResizeObserver(report);
    observer.observe(document.body);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [post]);

  useEffect(() => {
    if (!post || !tree || !step || (step.kind !== 'question' && step.kind !== 'outcome')) return;
    const { replay } = step;
    const answers = summarize(replay.steps);
    const url = absoluteUrl(
      paths.step.getHref(tree.id, replay.trail, tree.version),
      window.location.origin,
    );
    post(
      step.kind === 'question'
        ? {
            type: 'step',
            tree: tree.id,
            stepId: step.question.id,
            question: step.question.prompt,
            answers,
            url,
            ...contextField,
          }
        : {
            type: 'outcome',
            tree: tree.id,
            outcomeId: step.outcome.id,
            kind: step.outcome.type,
            title: step.outcome.title,
            article: tree.article?.id ?? null,
            answers,
            url,
            ...contextField,
          },
    );
    // location.key: report each navigation, also to the same step. The loader data is a
    // new object after every navigation, so it alone would also say so; the key says why.
  }, [post, tree, step, location.key, contextField]);

  // "Did this solve it?" goes to the host page, and nowhere else.
  useEffect(() => {
    if (!post || !tree) return;
    const onFeedback = (event: Event) => {
      if (step?.kind !== 'outcome') return;
      post({
        type: 'feedback',
        tree: tree.id,
        outcomeId: step.outcome.id,
        solved: (event as CustomEvent<FeedbackDetail>).detail.solved === true,
        url: absoluteUrl(
          paths.step.getHref(tree.id, step.replay.trail, tree.version),
          window.location.origin,
        ),
        ...contextField,
      });
    };
    window.addEventListener(FEEDBACK_EVENT, onFeedback);
    return () => window.removeEventListener(FEEDBACK_EVENT, onFeedback);
  }, [post, tree, step, contextField]);

  // The parent may ask to start again; only the parent, from its own origin.
  useEffect(() => {
    if (!allowed) return;
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent || event.origin !== params.parentOrigin) return;
      const message = parseHostMessage(event.data);
      if (message?.type === 'restart' && message.frameId === params.frameId && validTree) {
        navigate(withWalkContext(paths.step.getHref(treeId), walkContext));
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [allowed, params, navigate, treeId, validTree, walkContext]);

  // Links that leave this troubleshooter open in a new tab, not inside the host's frame.
  useEffect(() => {
    const inside = `${window.location.origin}${import.meta.env.BASE_URL}${treeId}`;
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || event.defaultPrevented) return;
      // By path: the walk's own links carry its query (?v=, ?ticket=).
      const target = `${link.origin}${link.pathname}`;
      if (target === inside || target.startsWith(`${inside}/`) || link.hash) return;
      event.preventDefault();
      window.open(link.href, '_blank', 'noopener,noreferrer');
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [treeId]);

  return null;
}
