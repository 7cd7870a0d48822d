import { lazy, Suspense, useEffect, useRef } from 'react';
import { Outlet, useLocation, useNavigation } from 'react-router';
import { preloadLazyScreens } from '../components/lazy-screens';
import { useHydrated } from '../lib/use-hydrated';
import { readFrameEmbedParams, type EmbedParams } from '../features/embed/embed-params';
import { loadChunk } from '../lib/load-chunk';
import { SiteChrome } from './site-chrome';

/**
 * Moves focus to the new screen's h1 after every in-app navigation, so keyboard
 * users start from the top of the new step and screen readers announce it. Focusing
 * the heading also scrolls it into view, which is why there is no ScrollRestoration
 * (its 0.6 KB mattered for the JavaScript budget, docs/performance.md). The
 * first render is left alone: a freshly opened page must not grab focus (it may
 * be framed by another page).
 */
function useFocusHeadingOnNavigation() {
  const { key } = useLocation();
  const previousKey = useRef(key);
  useEffect(() => {
    if (key === previousKey.current) return;
    previousKey.current = key;
    const main = document.getElementById('main');
    if (!main) return;
    const heading = main.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.focus();
      return;
    }
    // The new screen may still be loading its code (lazy-screens.tsx): focus its
    // heading as soon as it appears.
    const observer = new MutationObserver(() => {
      const late = main.querySelector<HTMLElement>('h1');
      if (!late) return;
      observer.disconnect();
      late.focus();
    });
    observer.observe(main, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [key]);
}

/**
 * Marks the document once the app has hydrated and can handle clicks itself. Tests wait
 * for it; CSS could use it to show controls that need JavaScript.
 */
function useMarkInteractive() {
  useEffect(() => {
    document.documentElement.dataset.interactive = '';
  }, []);
}

/** Once the first screen is up and the browser is idle, fetch the on-demand screens. */
function usePreloadScreensWhenIdle() {
  useEffect(() => {
    // Right after hydration: the step is on screen and interactive, and the error and
    // offline screens must be at hand before the network can go away.
    const timer = setTimeout(() => void preloadLazyScreens(), 0);
    return () => clearTimeout(timer);
  }, []);
}

// Loaded only inside a frame opened by embed.js.
const EmbedBridge = lazy(async () => ({
  default: (await loadChunk(() => import('../features/embed/embed-bridge'))).EmbedBridge,
}));

// Read once, when the app starts: the parameters are on the frame's first URL only.
let firstUrlEmbedParams: EmbedParams | null | undefined;
const readFirstUrlEmbedParams = () =>
  (firstUrlEmbedParams ??= readFrameEmbedParams(window) ?? null);

/** Null while hydrating (the prerendered HTML is the same with or without ?embed). */
function useEmbedParams(): EmbedParams | null {
  return useHydrated() ? readFirstUrlEmbedParams() : null;
}

export function RootLayout() {
  useFocusHeadingOnNavigation();
  useMarkInteractive();
  usePreloadScreensWhenIdle();
  const embed = useEmbedParams();
  const navigation = useNavigation();
  return (
    <SiteChrome status={navigation.state === 'loading' ? 'Loading…' : null}>
      <Outlet />
      {embed ? (
        <Suspense fallback={null}>
          <EmbedBridge params={embed} />
        </Suspense>
      ) : null}
    </SiteChrome>
  );
}

/** While a page that was not prerendered loads its data: the chrome and a status. */
export function LoadingScreen() {
  return <SiteChrome status="Loading…" />;
}
