import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { stepExcerptFor } from '../../data/prerendered-page';
import { archivedTreeQueryOptions, ensureTree, treeErrorKind } from '../../data/tree-query';
import { readChange, type ChangeContext } from '../../engine/change-answer';
import { leadsWhereItDid } from '../../engine/leads-where-it-did';
import { resolveStep, type ResolvedStep } from '../../engine/resolve-step';
import { mostQuestionsFrom } from '../../engine/tree-paths';
import type { Tree } from '../../engine/tree-schema';
import { chunk } from '../../lib/chunk';
import { parseEarlierWas, parseTrail, parseVersion, parseWas } from '../../lib/paths';
import type { SavedProgress } from './saved-progress';

// The screens a step URL can lead to, beyond the question (which is in the first-paint
// code). Each is fetched by the loader below, so a navigation keeps the current page on
// screen until the next one can be shown whole, and a prerendered page hydrates only
// once the code of what it shows is there (main.tsx).
const outcomeScreen = chunk(() => import('./outcome-screen'));
const brokenTrailScreen = chunk(() => import('./broken-trail-screen'));
const versionChangedScreen = chunk(() => import('./version-changed-screen'));
const copyProgress = chunk(() => import('./copy-progress'));
const resume = chunk(() => import('./resume'));
const treeErrorScreen = chunk(() => import('../../components/tree-error-screen'));

type Step<K extends ResolvedStep['kind']> = Extract<ResolvedStep, { kind: K }>;

/**
 * What the step page renders: the resolved step with its tree (the cached file, which
 * never goes stale) and the code of its screen.
 */
export type StepView =
  | TreeStepView
  | { kind: 'tree-error'; error: unknown; screen: Awaited<ReturnType<typeof treeErrorScreen>> };

export type TreeStepView = {
  /** The tree, or on a prerendered page's first render its excerpt for this step. */
  tree: Tree;
} & (
  | {
      kind: 'question';
      step: Step<'question'>;
      /** "Question N of at most M": counted on the whole tree (or when its excerpt was cut). */
      questionsAtMost: number;
      /** Opened by a Change link, or landed on after one (`?was=`). */
      change: ChangeContext | undefined;
      resume: Awaited<ReturnType<typeof resume>> | undefined;
      /** On the start page, in the browser: an unfinished walk to offer. */
      savedWalk: SavedProgress | undefined;
      copyProgress: Awaited<ReturnType<typeof copyProgress>> | undefined;
    }
  | {
      kind: 'outcome';
      step: Step<'outcome'>;
      change: ChangeContext | undefined;
      screen: Awaited<ReturnType<typeof outcomeScreen>>;
      resume: Awaited<ReturnType<typeof resume>> | undefined;
    }
  | {
      kind: 'broken-trail';
      step: Step<'broken-trail'>;
      screen: Awaited<ReturnType<typeof brokenTrailScreen>>;
    }
  | {
      kind: 'version-changed';
      step: Step<'version-changed'>;
      /** The version the link was made with, when its file could be loaded. */
      archived: Tree | undefined;
      screen: Awaited<ReturnType<typeof versionChangedScreen>>;
    }
);

/** Remembering the walk needs storage, so only in the browser (never while prerendering). */
const inBrowser = typeof window !== 'undefined';

/**
 * The step route's loader: the tree (from the page, the cache or the network), the step
 * its trail leads to, and that screen's code, all before the page changes.
 */
export function createStepLoader(queryClient: QueryClient) {
  return async function stepLoader({ params, request }: LoaderFunctionArgs): Promise<StepView> {
    const treeId = params.treeId ?? '';
    const { search } = new URL(request.url);
    const linkVersion = parseVersion(search);
    const trail = parseTrail(params['*']);
    const was = parseWas(search);
    // A prerendered page hydrates from its excerpt of the tree; the whole file is
    // fetched in the background once it is up (main.tsx), for the next answer.
    let excerpt = stepExcerptFor(queryClient, treeId, { trail, linkVersion, was });
    // A walk saved in this browser is offered on the start page with where it had got to,
    // read from the whole tree: wait for it then, so the offer comes with the page.
    const saved = trail.length === 0 && inBrowser ? (await resume()).savedWalk(treeId) : undefined;
    if (saved) excerpt = undefined;
    let tree: Tree;
    let step: ResolvedStep;
    // The version the link was made with, when it is not this one and its file is here
    // (ensureTree fetched it, or found it missing): a link that still leads where it did
    // shows its step, under the address it came with (docs/decisions/0062).
    let linkTree: Tree | undefined;
    try {
      tree = excerpt?.tree ?? (await ensureTree(queryClient, treeId, linkVersion));
      linkTree =
        linkVersion && linkVersion !== tree.version
          ? queryClient.getQueryData(archivedTreeQueryOptions(tree.id, linkVersion).queryKey)
          : undefined;
      step = resolveStep(tree, trail, linkVersion, linkTree);
    } catch (error) {
      // Anything else (code that would not load, a bug) goes to the router's error path.
      if (!treeErrorKind(error)) throw error;
      return { kind: 'tree-error', error, screen: await treeErrorScreen() };
    }
    const earlier = parseEarlierWas(search);
    // `was` is read with the version the link was made with: on an older link, only while
    // it too leads where it did.
    const readable = (walk: readonly string[] | undefined) =>
      walk && linkTree && !leadsWhereItDid(linkTree, tree, walk) ? undefined : walk;
    const change = (replay: { trail: readonly string[] }) =>
      readChange(tree, replay.trail, readable(was), readable(earlier));
    switch (step.kind) {
      case 'question': {
        const answered = step.replay.steps.length > 0;
        // Both at once: awaited one after the other they cost a round trip each, before
        // a prerendered page can hydrate.
        const [keeper, copy] = await Promise.all([
          inBrowser ? resume() : undefined,
          answered ? copyProgress() : undefined,
        ]);
        return {
          kind: 'question',
          tree,
          step,
          // "at most": answers can end the walk early, never make it longer.
          questionsAtMost:
            excerpt?.questionsAtMost ??
            step.replay.steps.length + mostQuestionsFrom(tree, step.question.id),
          change: change(step.replay),
          // The start offers to resume a walk; later questions offer to copy the progress.
          resume: keeper,
          savedWalk: saved,
          copyProgress: copy,
        };
      }
      case 'outcome': {
        const [screen, keeper] = await Promise.all([
          outcomeScreen(),
          inBrowser ? resume() : undefined,
        ]);
        return { kind: 'outcome', tree, step, change: change(step.replay), screen, resume: keeper };
      }
      case 'broken-trail':
        return { kind: 'broken-trail', tree, step, screen: await brokenTrailScreen() };
      case 'version-changed':
        return {
          kind: 'version-changed',
          tree,
          step,
          archived: linkTree,
          screen: await versionChangedScreen(),
        };
    }
  };
}

/** The step screens' code, fetched in the background (routes.tsx); failures are ignored. */
export function preloadStepScreens(): Promise<unknown> {
  const screens = [outcomeScreen, brokenTrailScreen, versionChangedScreen, copyProgress, resume];
  return Promise.allSettled([...screens, treeErrorScreen].map(async (load) => load()));
}
