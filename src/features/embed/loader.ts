/**
 * embed.js: mounts the wizard in host pages. No dependencies; under 3 KB gzipped.
 *
 *   <script src="https://HOST/BASE/embed.js" async></script>
 *   <iframe src="https://HOST/BASE/q164887?embed=1" data-troubleshooter="q164887" …></iframe>
 *
 * adopts a frame the host page wrote (ADR 48: it loads in parallel with this script); or
 *
 *   <div data-troubleshooter="q164887" data-troubleshooter-step="sms-1-2"></div>
 *
 * has the frame made here.
 * or Troubleshooter.mount(element, { tree, step, ticket, client, theme, onReady, onStep, … }).
 * data-troubleshooter-ticket, -client and -theme pass the ticket, client and theme in.
 * A changed data-troubleshooter (or -step) remounts the frame at the new troubleshooter.
 * Events also bubble from the container as
 * `troubleshooter:ready|step|outcome|resize|feedback|error`.
 * Messages are accepted only from the wizard's origin and from this mount's own iframe.
 */
import { NO_ANALYTICS_PARAM } from '../../lib/walk-events';
import { ADOPTED_FRAME_ID, EMBED_PARAMS, type EmbedTheme } from './frame-url-params';
import { hostMessage, parseFrameMessage, type FrameEvent, type FrameMessage } from './protocol';

type Detail<T extends FrameEvent['type']> = Omit<Extract<FrameEvent, { type: T }>, 'type'>;

export type MountOptions = {
  tree: string;
  /** Answer trail to open at, e.g. "sms-1-2/os-upgrade". */
  step?: string;
  /** The helpdesk ticket the walk is for, e.g. "INC0012345" (docs/tickets.md). */
  ticket?: string;
  /** The client (machine or person) it is about, e.g. "WS-0042". */
  client?: string;
  /** The frame's colour scheme: the host's choice, or `auto` (the operating system's). */
  theme?: EmbedTheme;
  onReady?: (detail: Detail<'ready'>) => void;
  onStep?: (detail: Detail<'step'>) => void;
  onOutcome?: (detail: Detail<'outcome'>) => void;
  onResize?: (detail: Detail<'resize'>) => void;
  onFeedback?: (detail: Detail<'feedback'>) => void;
  /** No troubleshooter to show: `reason` is unknown-troubleshooter or load-failed. */
  onError?: (detail: Detail<'error'>) => void;
  /** false: the frame sends no walk events for this page (docs/privacy.md). */
  analytics?: boolean;
};

export type Mounted = { unmount(): void; restart(): void };

declare global {
  interface Window {
    Troubleshooter?: { version: number; mount(element: Element, options: MountOptions): Mounted };
  }
}

const SLUGS = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;
// The frame's height until it reports its own (ADR 44): about a first question's, so the host
// page moves little when the real height comes. A frame that never reports one (its host
// origin is not allowed) keeps it and scrolls inside.
const PROVISIONAL_HEIGHT = '640px';

(() => {
  if (window.Troubleshooter) return;
  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>('script[src$="/embed.js"]');
  if (!script) return;
  const base = new URL('.', script.src);
  const wizardOrigin = base.origin;
  const mounts = new Map<Element, Mounted>();
  let count = 0;

  /** The frame's address for these options; `frameId` only for a frame made here. */
  function frameUrl(options: MountOptions, frameId?: string): URL {
    const { tree, step = '' } = options;
    if (!SLUGS.test(tree) || (step !== '' && !SLUGS.test(step))) {
      throw new Error(`Troubleshooter: invalid tree or step "${tree}/${step}"`);
    }
    const url = new URL(step ? `${tree}/${step}` : tree, base);
    url.searchParams.set(EMBED_PARAMS.flag, '1');
    if (frameId) {
      url.searchParams.set(EMBED_PARAMS.parentOrigin, location.origin);
      url.searchParams.set(EMBED_PARAMS.frameId, frameId);
    }
    // Checked again by the frame (lib/walk-context.ts), which drops anything else.
    if (options.ticket) url.searchParams.set('ticket', options.ticket);
    if (options.client) url.searchParams.set('client', options.client);
    if (options.analytics === false) url.searchParams.set(NO_ANALYTICS_PARAM, '0');
    const theme = chosenTheme(options);
    if (theme) url.searchParams.set(EMBED_PARAMS.theme, theme);
    return url;
  }

  const chosenTheme = (options: MountOptions) =>
    options.theme === 'light' || options.theme === 'dark' ? options.theme : '';

  function mount(element: Element, options: MountOptions): Mounted {
    mounts.get(element)?.unmount();
    count += 1;
    const frameId = `t${count}-${Math.random().toString(36).slice(2, 10)}`;
    const url = frameUrl(options, frameId);
    const iframe = document.createElement('iframe');
    iframe.title = 'Troubleshooter';
    // Copy for ticket writes to the clipboard from inside the frame (issue 26).
    iframe.allow = 'clipboard-write';
    iframe.src = url.href;
    const style = iframe.style;
    style.width = '100%';
    style.border = '0';
    style.display = 'block';
    // Shown at once: the prerendered page paints as soon as it arrives, and the height follows
    // the frame's reports.
    style.height = PROVISIONAL_HEIGHT;
    return connect(element, iframe, frameId, options);
  }

  /**
   * A frame the host page wrote itself (ADR 48), taken over as it is: its address already
   * says what to show, so it is not loaded again. It knows its parent's origin from the
   * browser and reports once this loader says hello.
   */
  function adopt(iframe: HTMLIFrameElement, options: MountOptions, changed: boolean): Mounted {
    mounts.get(iframe)?.unmount();
    const src = new URL(iframe.src || 'about:blank');
    // Only our own frames, so a hello never goes to another site's.
    if (src.origin !== wizardOrigin) {
      throw new Error(`Troubleshooter: the frame's address is not at ${base.href}`);
    }
    const theme = src.searchParams.get(EMBED_PARAMS.theme);
    if (changed) {
      // Its troubleshooter, step or theme changed (data-troubleshooter, -step, -theme): take
      // the frame there, with what else its address says (a ticket, a client).
      const wanted = frameUrl({ ...options, theme: options.theme ?? (theme as EmbedTheme) });
      for (const [name, value] of src.searchParams) {
        // A theme chosen by the attribute, `auto` too, replaces the address's.
        if (name === EMBED_PARAMS.theme && options.theme) continue;
        if (!wanted.searchParams.has(name)) wanted.searchParams.set(name, value);
      }
      if (wanted.href !== src.href) iframe.src = wanted.href;
    }
    return connect(iframe, iframe, ADOPTED_FRAME_ID, {
      ...options,
      theme: options.theme ?? (theme as EmbedTheme | null) ?? undefined,
    });
  }

  /** Listens to the frame, sizes it and passes its events on, from `element`. */
  function connect(
    element: Element,
    iframe: HTMLIFrameElement,
    frameId: string,
    options: MountOptions,
  ): Mounted {
    const style = iframe.style;
    // The host's scheme reaches the frame's prefers-color-scheme where the browser passes the
    // frame element's color-scheme on (the frame sets data-theme as well); `auto` is both, so
    // the operating system's, not one the host page declares for itself.
    style.colorScheme = chosenTheme(options) || 'light dark';
    const hello = () =>
      iframe.contentWindow?.postMessage(hostMessage(frameId, 'hello'), wizardOrigin);

    const emit = (message: Exclude<FrameMessage, { type: 'connect' }>) => {
      const { protocol: _p, version: _v, frameId: _f, type, ...detail } = message;
      element.dispatchEvent(new CustomEvent(`troubleshooter:${type}`, { detail, bubbles: true }));
      const handler = {
        ready: options.onReady,
        step: options.onStep,
        outcome: options.onOutcome,
        resize: options.onResize,
        feedback: options.onFeedback,
        error: options.onError,
      }[type] as ((value: typeof detail) => void) | undefined;
      handler?.(detail);
    };

    const onMessage = (event: MessageEvent) => {
      if (event.origin !== wizardOrigin || event.source !== iframe.contentWindow) return;
      const message = parseFrameMessage(event.data);
      if (!message || message.frameId !== frameId) return;
      if (message.type === 'connect') return hello();
      if (message.type === 'ready') iframe.title = message.title;
      if (message.type === 'resize') style.height = `${Math.ceil(message.height)}px`;
      emit(message);
    };
    addEventListener('message', onMessage);
    // An adopted frame whose page has come (cross-origin, so no contentDocument here) may have
    // asked for its hello before this script ran: say it then. One still at its first,
    // same-origin about:blank will ask once its page runs.
    // Once: the frame's `load` and the host page's both come, and a frame its server refused
    // (frame-ancestors) is an error page of no origin, to which each post is a console warning.
    let helloSaid = false;
    const helloIfItsPageHasCome = () => {
      if (helloSaid || iframe.contentDocument) return;
      helloSaid = true;
      hello();
    };
    if (iframe !== element) element.appendChild(iframe);
    else if (document.readyState === 'complete') helloIfItsPageHasCome();
    else {
      // While the host page loads, not by looking into the frame now: one still at its first
      // about:blank would have a window made for it just to be looked at, on the main thread
      // the frame's own page is about to arrive on (ADR 50). The frame's page has come by
      // its `load`, or, for a frame that loaded before this script ran, by the host page's
      // (a frame holds its parent's `load` until it has loaded).
      iframe.addEventListener('load', helloIfItsPageHasCome, { once: true });
      addEventListener('load', helloIfItsPageHasCome, { once: true });
    }

    const mounted: Mounted = {
      unmount() {
        removeEventListener('message', onMessage);
        iframe.removeEventListener('load', helloIfItsPageHasCome);
        removeEventListener('load', helloIfItsPageHasCome);
        if (iframe !== element) iframe.remove();
        if (mounts.get(element) === mounted) mounts.delete(element);
      },
      restart() {
        iframe.contentWindow?.postMessage(hostMessage(frameId, 'restart'), wizardOrigin);
      },
    };
    mounts.set(element, mounted);
    return mounted;
  }

  function mountMarked(root: ParentNode) {
    const found = root.querySelectorAll<HTMLElement>('[data-troubleshooter]');
    const all =
      root instanceof HTMLElement && root.matches('[data-troubleshooter]')
        ? [root, ...found]
        : found;
    for (const element of all) if (!mounts.has(element)) mountElement(element);
  }

  function mountElement(element: HTMLElement) {
    const data = element.dataset;
    const options = {
      tree: data.troubleshooter ?? '',
      step: data.troubleshooterStep,
      ticket: data.troubleshooterTicket,
      client: data.troubleshooterClient,
      theme: data.troubleshooterTheme as EmbedTheme | undefined,
    };
    try {
      if (element instanceof HTMLIFrameElement) adopt(element, options, mounts.has(element));
      else mount(element, options);
    } catch (error) {
      console.warn(error);
    }
  }

  window.Troubleshooter = { version: 1, mount };

  const start = () => {
    mountMarked(document);
    // Elements added later are mounted; mounts whose element left the page are cleaned up;
    // an element whose troubleshooter, step or theme changed is mounted again with them.
    new MutationObserver((records) => {
      for (const record of records) {
        record.addedNodes.forEach((node) => {
          if (node instanceof HTMLElement) mountMarked(node);
        });
        const { target } = record;
        if (record.type !== 'attributes' || !(target instanceof HTMLElement)) continue;
        if (record.oldValue === target.getAttribute(record.attributeName ?? '')) continue;
        if (target.hasAttribute('data-troubleshooter')) mountElement(target);
        else mounts.get(target)?.unmount();
      }
      for (const [element, mounted] of mounts) if (!element.isConnected) mounted.unmount();
    }).observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributeOldValue: true,
      attributeFilter: [
        'data-troubleshooter',
        'data-troubleshooter-step',
        'data-troubleshooter-theme',
      ],
    });
  };
  // At once, also while the page is still being parsed: the observer mounts the elements the
  // parser adds after this script, each as soon as it is there.
  start();
})();
