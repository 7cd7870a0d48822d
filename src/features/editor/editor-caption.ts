import type { Tree } from '../../engine/tree-schema';

/** The line above the editor's heading: what is being edited. */
export function editorCaption(deployed: Tree | undefined): string {
  return deployed
    ? `Edit troubleshooter (version ${deployed.version} is deployed)`
    : 'New troubleshooter';
}
