import { DocumentTitle } from './document-title';
import { PageHeading } from './page-heading';
import type { TreeInvalidError } from '../data/tree-query';

export function InvalidTreeScreen({ error }: { error: TreeInvalidError }) {
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
