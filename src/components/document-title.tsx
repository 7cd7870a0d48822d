import { createContext, use } from 'react';

const SITE_NAME = 'Troubleshooter';

/**
 * Whether the screens below name the page. The editor's preview shows the wizard's screens
 * inside the editor: their titles would replace the editor's own (React 19 hoists every
 * <title> into <head>), so the preview renders them under `false`.
 */
export const NamesThePage = createContext(true);

/** React 19 hoists <title> into <head>; one per screen names the step. */
export function DocumentTitle({ children }: { children: string }) {
  if (!use(NamesThePage)) return null;
  return <title>{`${children} – ${SITE_NAME}`}</title>;
}
