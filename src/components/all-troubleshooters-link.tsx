import { Link } from 'react-router';
import { paths } from '../lib/paths';

/**
 * The way on from a page that has nothing to show (no such troubleshooter, step or page
 * of the list): to the list, as a button.
 */
export function AllTroubleshootersLink() {
  return (
    <p>
      <Link className="button" to={paths.catalog.getHref()}>
        See all troubleshooters
      </Link>
    </p>
  );
}
