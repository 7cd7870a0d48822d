import { useQuery, useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import { DocumentTitle } from '../../components/document-title';
import { PageHeading } from '../../components/page-heading';
import { useHydrated } from '../../lib/use-hydrated';
import { catalogQueryOptions } from '../../data/catalog-query';
import { treeSearchQueryOptions } from '../../data/tree-search-query';
import { filterCatalog } from './filter-catalog';

export function CatalogPage() {
  const { data: catalog } = useSuspenseQuery(catalogQueryOptions());
  const hydrated = useHydrated();
  const [typed, setTyped] = useState('');
  const [used, setUsed] = useState(false);
  // The filter box needs JavaScript: prerendered in place but hidden until the page is
  // interactive (styles.css, .needs-js), so appearing moves nothing. The prerendered list is
  // the whole list. What is typed is passing UI state, not a step.
  const query = hydrated ? typed : '';
  // The words inside the trees come only once the filter is used (focused or typed in):
  // the list's first paint fetches nothing more. Until then titles and descriptions match.
  const { data: search, isPending: searching } = useQuery({
    ...treeSearchQueryOptions(),
    enabled: used,
  });
  const shown = filterCatalog(catalog.trees, query, search);
  const total = catalog.trees.length;
  return (
    <article className="catalog">
      <DocumentTitle>Troubleshooters</DocumentTitle>
      <PageHeading caption="Helpdesk">Troubleshooters</PageHeading>
      <p className="lead">
        Pick a known problem. Each troubleshooter asks one question at a time and ends with a
        diagnosis and its fix, or tells you it is not that problem.
      </p>
      {total > 0 ? (
        <div className="catalog-filter needs-js">
          <label htmlFor="catalog-filter">Filter troubleshooters</label>
          <input
            id="catalog-filter"
            type="search"
            value={query}
            autoComplete="off"
            onFocus={() => setUsed(true)}
            onChange={(event) => {
              setUsed(true);
              setTyped(event.target.value);
            }}
          />
          <p role="status" className="catalog-filter__count">
            {query
              ? `${shown.length} of ${total} shown${searching ? ', still looking inside them' : ''}`
              : ''}
          </p>
        </div>
      ) : null}
      {total === 0 ? (
        <p>No troubleshooters are installed yet.</p>
      ) : shown.length === 0 ? (
        <p>No troubleshooter matches “{query}”.</p>
      ) : (
        <ul className="catalog-list">
          {shown.map(({ entry, found }) => (
            <li key={entry.id} className="catalog-list__item">
              <h2 className="catalog-list__title">
                <Link to={paths.step.getHref(entry.id)}>{entry.title}</Link>
              </h2>
              <p>{entry.description}</p>
              <p className="catalog-list__actions">
                <Link className="button" to={paths.step.getHref(entry.id)}>
                  Start<span className="visually-hidden">: {entry.title}</span>
                </Link>{' '}
                {/* Prerendered in place like every link here: nothing moves on hydration. */}
                <Link className="catalog-list__edit" to={paths.edit.getHref(entry.id)}>
                  Edit<span className="visually-hidden">: {entry.title}</span>
                </Link>
              </p>
              {found ? (
                <p className="catalog-list__meta">
                  {found === true
                    ? 'Matches words in its questions and results'
                    : `Matches ${found.kind === 'question' ? 'a question' : 'a result'}: ${found.text}`}
                </p>
              ) : null}
              {entry.article ? (
                <p className="catalog-list__meta">Knowledge Base article {entry.article}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p className="catalog-new">
        <Link to={paths.edit.getHref()}>New troubleshooter</Link>: write one in the editor, in this
        browser, and download its file.
      </p>
    </article>
  );
}

/**
 * The list's loader, loaded with the page (routes.tsx): the prerendered home page carries
 * its list, so only a navigation from elsewhere fetches index.json.
 */
export function createCatalogLoader(queryClient: QueryClient) {
  return async () => {
    await queryClient.ensureQueryData(catalogQueryOptions());
    return null;
  };
}
