/**
 * Said on a prerendered page that is kept as it is because code it needs would not load
 * (main.tsx): the page's own HTML is complete and its links are plain links, so only the
 * controls that need the app are missing. Nothing here claims that reloading helps: by
 * then the page has usually been reloaded once already (lib/chunk.ts).
 */
export function MissingCodeNotice() {
  return (
    <p className="panel panel--warning">
      <strong>Part of this page could not be loaded from the server.</strong> Everything shown here
      is complete and its links work; only the buttons that need the rest of the app are missing.
      The site may be being updated: try again in a few minutes.
    </p>
  );
}
