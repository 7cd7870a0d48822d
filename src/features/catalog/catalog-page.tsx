import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { DocumentTitle } from '../../components/document-title';
import { PageHeading } from '../../components/page-heading';
import { catalogQueryOptions } from './catalog-query';

export function CatalogPage() {
  const { data: catalog } = useSuspenseQuery(catalogQueryOptions());
  return (
    <article className="catalog">
      <DocumentTitle>Troubleshooters</DocumentTitle>
      <PageHeading caption="Helpdesk">Troubleshooters</PageHeading>
      <p className="lead">
        Pick a known problem. Each troubleshooter asks one question at a time and ends with a
        diagnosis and its fix, or tells you it is not that problem.
      </p>
      {catalog.trees.length === 0 ? (
        <p>No troubleshooters are installed yet.</p>
      ) : (
        <ul className="catalog-list">
          {catalog.trees.map((entry) => (
            <li key={entry.id} className="catalog-list__item">
              <h2 className="catalog-list__title">
                <Link to={paths.step.getHref(entry.id)}>{entry.title}</Link>
              </h2>
              <p>{entry.description}</p>
              {entry.article ? (
                <p className="catalog-list__meta">Knowledge Base article {entry.article}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
