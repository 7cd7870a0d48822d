import { lazy, Suspense, type ComponentProps, type ComponentType } from 'react';
import type { BrokenTrailScreen as BrokenTrail } from '../features/wizard/broken-trail-screen';
import type { OutcomeScreen as Outcome } from '../features/wizard/outcome-screen';
import type { CopyProgress as CopyProgressType } from '../features/wizard/copy-progress';
import type { ProgressKeeper as Keeper, ResumeOffer as Offer } from '../features/wizard/resume';
import type { VersionChangedScreen as VersionChanged } from '../features/wizard/version-changed-screen';
import type { InvalidTreeScreen as InvalidTree } from '../features/wizard/invalid-tree-screen';
import type { LoadFailedScreen as LoadFailed } from './load-failed-screen';
import type { NotFoundScreen as NotFound } from './not-found-screen';
import { loadChunk } from '../lib/load-chunk';

/**
 * Screens that the first question never shows: outcomes, the catalog, errors and broken
 * links. They load on demand, which keeps the JavaScript a step needs within its budget
 * (docs/performance.md). All but the map are fetched in the background right after
 * hydration, so they are at hand at once, and still there if the network goes away later
 * (the offline screen is one). A screen not loaded yet shows nothing for a moment (router
 * navigations are not transitions here). A prerendered page that shows one hydrates it
 * once its chunk has arrived; until then the server's HTML stays.
 */
const loaders: (() => Promise<unknown>)[] = [];

function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>, preload = true) {
  // Once loaded (usually by the idle preload), the screen renders at once: React.lazy
  // would still suspend for a tick and flash the empty fallback, which an embedding
  // host would see as its frame collapsing and growing again.
  let Loaded: ComponentType<P> | undefined;
  const loadOnce = async () => (Loaded ??= await load());
  if (preload) loaders.push(loadOnce);
  // A screen needed now that will not load reloads the page once (a redeploy); the
  // background preload only ignores failures.
  const Lazy = lazy(async () => ({
    default: await loadChunk(loadOnce),
  })) as unknown as ComponentType<P>;
  return function LazyScreen(props: P) {
    // The same Suspense boundary either way, so server and browser markup match.
    return (
      <Suspense fallback={null}>{Loaded ? <Loaded {...props} /> : <Lazy {...props} />}</Suspense>
    );
  };
}

/**
 * Fetches every on-demand screen, and the validator that opening another tree needs;
 * failures are ignored (it is only a head start).
 */
export function preloadLazyScreens(): Promise<unknown> {
  return Promise.allSettled([...loaders.map((load) => load()), import('../engine/validate-tree')]);
}

export const NotFoundScreen = lazyScreen<ComponentProps<typeof NotFound>>(
  async () => (await import('./not-found-screen')).NotFoundScreen,
);

export const LoadFailedScreen = lazyScreen<ComponentProps<typeof LoadFailed>>(
  async () => (await import('./load-failed-screen')).LoadFailedScreen,
);

export const BrokenTrailScreen = lazyScreen<ComponentProps<typeof BrokenTrail>>(
  async () => (await import('../features/wizard/broken-trail-screen')).BrokenTrailScreen,
);

export const InvalidTreeScreen = lazyScreen<ComponentProps<typeof InvalidTree>>(
  async () => (await import('../features/wizard/invalid-tree-screen')).InvalidTreeScreen,
);

export const OutcomeScreen = lazyScreen<ComponentProps<typeof Outcome>>(
  async () => (await import('../features/wizard/outcome-screen')).OutcomeScreen,
);

export const CatalogPage = lazyScreen<Record<string, never>>(
  async () => (await import('../features/catalog/catalog-page')).CatalogPage,
);

export const CopyProgress = lazyScreen<ComponentProps<typeof CopyProgressType>>(
  async () => (await import('../features/wizard/copy-progress')).CopyProgress,
);

export const ProgressKeeper = lazyScreen<ComponentProps<typeof Keeper>>(
  async () => (await import('../features/wizard/resume')).ProgressKeeper,
);

export const ResumeOffer = lazyScreen<ComponentProps<typeof Offer>>(
  async () => (await import('../features/wizard/resume')).ResumeOffer,
);

export const VersionChangedScreen = lazyScreen<ComponentProps<typeof VersionChanged>>(
  async () => (await import('../features/wizard/version-changed-screen')).VersionChangedScreen,
);

// Not preloaded: with its layout library it is larger than all the other screens
// together, and few visits open it.
export const MapPage = lazyScreen<Record<string, never>>(
  async () => (await import('../features/map/map-page')).MapPage,
  false,
);
