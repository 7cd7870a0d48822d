const SITE_NAME = 'Troubleshooter';

/** React 19 hoists <title> into <head>; one per screen names the step. */
export function DocumentTitle({ children }: { children: string }) {
  return <title>{`${children} – ${SITE_NAME}`}</title>;
}
