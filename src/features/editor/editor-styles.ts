import href from './editor.css?url';

let loaded: Promise<void> | undefined;

/**
 * The editor's stylesheet, added to the page once, by hand. Imported as a plain
 * `import './editor.css'`, it would make the bundler ship its CSS-preloading code in the
 * first-paint chunk, which every visitor loads and has no room (docs/performance.md). The
 * editor's loader waits for it, so the editor never shows unstyled; a stylesheet that fails
 * to load leaves it unstyled rather than stuck.
 */
export function loadEditorStyles(): Promise<void> {
  // jsdom does not load stylesheets (nor say so): component tests go on without them.
  // The prerender renders without a document: the browser loads the sheet.
  if (import.meta.env.MODE === 'test' || typeof document === 'undefined') return Promise.resolve();
  return (loaded ??= new Promise<void>((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    document.head.append(link);
  }));
}
