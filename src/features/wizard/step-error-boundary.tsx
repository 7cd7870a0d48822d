import { isRouteErrorResponse, useParams, useRouteError } from 'react-router';
import { FileLoadError, FileNotFoundError } from '../../app/fetch-public-file';
import { DocumentTitle } from '../../components/document-title';
import { LoadFailedScreen } from '../../components/load-failed-screen';
import { NotFoundScreen } from '../../components/not-found-screen';
import { PageHeading } from '../../components/page-heading';
import { TreeInvalidError } from './tree-query';

/** Handles what can go wrong with a step's tree; anything else goes to the root boundary. */
export function StepErrorBoundary() {
  const error = useRouteError();
  const { treeId } = useParams();

  if ((isRouteErrorResponse(error) && error.status === 404) || error instanceof FileNotFoundError) {
    return <NotFoundScreen treeId={treeId} />;
  }
  if (error instanceof TreeInvalidError) return <InvalidTreeScreen error={error} />;
  if (error instanceof FileLoadError) return <LoadFailedScreen what="troubleshooter" />;
  throw error;
}

function InvalidTreeScreen({ error }: { error: TreeInvalidError }) {
  return (
    <article className="step step--error">
      <DocumentTitle>Troubleshooter unavailable</DocumentTitle>
      <PageHeading caption="Troubleshooter unavailable">
        This troubleshooter cannot be used right now
      </PageHeading>
      <p className="lead">
        Its file has mistakes in it, so it cannot be shown safely. Please tell whoever looks after
        your troubleshooters.
      </p>
      <details className="help">
        <summary>Details for the author</summary>
        <p>
          File <code>trees/{error.treeId}.json</code>:
        </p>
        <ul className="problem-list">
          {error.problems.map((problem, index) => (
            <li key={index}>
              <code>{problem.path}</code> {problem.message}
            </li>
          ))}
        </ul>
      </details>
    </article>
  );
}
