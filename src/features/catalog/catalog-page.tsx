import { useQuery, useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import {
  Link,
  useNavigationType,
  useParams,
  useSearchParams,
  type LoaderFunctionArgs,
} from 'react-router';
import { parseListPage, paths } from '../../lib/paths';
import { DocumentTitle } from '../../components/document-title';
import { PageHeading } from '../../components/page-heading';
import { useHydrated } from '../../data/prerendered-page';
import { catalogQueryOptions } from '../../data/catalog-query';
import { catalogPageQueryOptions } from '../../data/catalog-page-query';
import { treeSearchQueryOptions } from '../../data/tree-search-query';
import { pageLinks, type CatalogPage as ListPage } from '../../engine/catalog-pages';
import { filterCatalog, type CatalogMatch } from './filter-catalog';
import { AllTroubleshootersLink } from '../../components/all-troubleshooters-link';

// A fixed locale: the prerender and the browser must write "1,000" alike, or hydration fails.
const count = new Intl.NumberFormat('en-GB');
const troubleshooters = (total: number) =>
  `${count.format(total)} ${total === 1 ? 'troubleshooter' : 'troubleshooters'}`;

/**
 * The list of troubleshooters, a page at a time: the home page is the first, `/list/<n>` the
 * others (docs/decisions/0019-list-in-pages.md). Each is prerendered with its entries only.
 */
export function CatalogPage() {
  const page = parseListPage(useParams().page);
  return page === undefined ? <NoSuchListPage /> : <CatalogList number={page} />;
}

function CatalogList({ number }: { number: number }) {
  const { data: page } = useSuspenseQuery(catalogPageQueryOptions(number));
  const hydrated = useHydrated();
  const [typed, type] = useFilterInAddress();
  const [used, setUsed] = useState(typed !== '');
  // The filter box is there from the first paint (hidden only where scripts never run,
  // .hidden-without-js in data/prerendered-page.css), so nothing appears late or moves. A
  // page opened with `?q=` hydrates unfiltered, as prerendered, and filters once it can;
  // words typed before the page was interactive are taken up once it is.
  const query = hydrated ? typed : '';
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const early = box.current?.value ?? '';
    if (early !== '' && early !== typed) {
      setUsed(true);
      type(early);
    }
    // Once, after hydration: later the box and `typed` agree.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // The filter looks through every troubleshooter, not just this page's, and inside them:
  // the whole list (index.json) and the words inside the trees (search.json) come only once
  // it is used (focused or typed in), so the list's first paint fetches nothing more. Until
  // they are in, this page's titles and descriptions match.
  const onePage = page !== null && page.pages === 1;
  const { data: all, isPending: listing } = useQuery({
    ...catalogQueryOptions(),
    enabled: used && !onePage,
  });
  const {
    data: search,
    isPending: searching,
    isError: searchFailed,
    isRefetching: searchRetrying,
    refetch: retrySearch,
  } = useQuery({
    ...treeSearchQueryOptions(),
    enabled: used,
  });
  if (!page) return <NoSuchListPage />;
  // Unfiltered, a page shows its own entries; filtered, matches from all of them.
  const entries = query && all ? all.trees : page.trees;
  const shown = filterCatalog(entries, query, search);
  const { total } = page;
  const looking = searching || (!onePage && listing);
  // Filtered, the list is no longer this page's: its matches come from every page.
  const title =
    page.page === 1 || query
      ? 'Troubleshooters'
      : `Troubleshooters: page ${page.page} of ${page.pages}`;
  return (
    <article className="catalog">
      <DocumentTitle>{title}</DocumentTitle>
      <PageHeading caption="Helpdesk">{title}</PageHeading>
      <p className="lead">
        Pick a known problem. Each troubleshooter asks one question at a time and ends with a
        diagnosis and its fix, or tells you it is not that problem.
      </p>
      {total > 0 ? (
        <div className="catalog-filter hidden-without-js" role="search">
          <label htmlFor="catalog-filter">Filter troubleshooters</label>
          <input
            id="catalog-filter"
            ref={box}
            type="search"
            value={query}
            autoComplete="off"
            onFocus={() => setUsed(true)}
            onChange={(event) => {
              setUsed(true);
              type(event.target.value);
            }}
          />
          <p role="status" className="catalog-filter__count">
            {query
              ? `${count.format(shown.length)} of ${count.format(total)} shown${looking ? ' so far, still looking inside them' : ''}`
              : ''}
          </p>
        </div>
      ) : null}
      {total > 0 && !query ? <ListCount page={page} /> : null}
      {query && searchFailed ? (
        // Without the words inside the trees, "no match" would not be true: say what was
        // searched, and offer the rest again.
        <div className="catalog-filter__failed" role="alert">
          <p>
            Only titles and descriptions were searched: the words inside the troubleshooters could
            not be loaded.
          </p>
          <button
            type="button"
            className="button"
            disabled={searchRetrying}
            onClick={() => void retrySearch()}
          >
            {searchRetrying ? 'Searching again…' : 'Search inside them again'}
          </button>
        </div>
      ) : null}
      {total === 0 ? (
        <p>No troubleshooters are installed yet.</p>
      ) : shown.length === 0 ? (
        // Not "no match" before the whole list and its words are in: it may be on another page.
        <p>
          {looking
            ? `Looking through every troubleshooter for “${query}”…`
            : searchFailed
              ? `No title or description matches “${query}”.`
              : `No troubleshooter matches “${query}”.`}
        </p>
      ) : (
        <ul className="catalog-list">
          {shown.map((match) => (
            <CatalogEntry key={match.entry.id} match={match} />
          ))}
        </ul>
      )}
      {/* The filter shows matches from every page; the pages are for the list unfiltered. */}
      {page.pages > 1 && !query ? <ListPages page={page} /> : null}
      <NewTroubleshooter />
    </article>
  );
}

/**
 * True on a static site and on a server alike, so the list asks for nothing to say it (it
 * hydrates from its own page): the editor says how this site publishes (server-account.tsx).
 */
function NewTroubleshooter() {
  return (
    <p className="catalog-new">
      <Link to={paths.edit.getHref()}>New troubleshooter</Link>: write one in the editor, which says
      how this site publishes it.
    </p>
  );
}

/**
 * What is typed in the filter, kept in the address too (`?q=`, replaced rather than pushed,
 * so typing makes no history): Back from a troubleshooter found with it, or a link to it,
 * shows the same matches. The box keeps its own state, because the address changes only
 * once the router has navigated, and a box fed from it would drop keys. The box follows the
 * address only when something else changed it (a link, Back or Forward): its own writes
 * are the replacements, which may land after later keys.
 */
function useFilterInAddress() {
  const [searchParams, setSearchParams] = useSearchParams();
  const navigationType = useNavigationType();
  const inAddress = searchParams.get('q') ?? '';
  const [typed, setTyped] = useState(inAddress);
  const [seen, setSeen] = useState(inAddress);
  if (inAddress !== seen) {
    setSeen(inAddress);
    if (navigationType !== 'REPLACE') setTyped(inAddress);
  }
  const type = (value: string) => {
    setTyped(value);
    void setSearchParams(value ? { q: value } : {}, { replace: true, preventScrollReset: true });
  };
  return [typed, type] as const;
}

/** How many there are, and which of them this page holds when there is more than one. */
function ListCount({ page }: { page: ListPage }) {
  const last = page.first + page.trees.length;
  return (
    <p className="catalog-count">
      {troubleshooters(page.total)}
      {page.pages > 1
        ? `, ${count.format(page.first + 1)} to ${count.format(last)} on this page`
        : null}
    </p>
  );
}

/**
 * Previous, Next and page numbers: plain links, so the pages work without JavaScript and
 * with it every page of the list has its own address, for Back, Forward and sharing.
 */
function ListPages({ page }: { page: ListPage }) {
  const current = page.page;
  return (
    <nav className="catalog-pages" aria-label="Pages of the list">
      <ul className="catalog-pages__list">
        {current > 1 ? (
          <li className="catalog-pages__step">
            <Link to={paths.list.getHref(current - 1)} rel="prev">
              Previous <span className="visually-hidden">page</span>
            </Link>
          </li>
        ) : null}
        {pageLinks(current, page.pages).map((link, index) =>
          link === 'gap' ? (
            <li key={`gap-${index}`} className="catalog-pages__gap">
              …
            </li>
          ) : (
            <li key={link}>
              <Link
                to={paths.list.getHref(link)}
                aria-current={link === current ? 'page' : undefined}
                aria-label={`Page ${link}`}
              >
                {link}
              </Link>
            </li>
          ),
        )}
        {current < page.pages ? (
          <li className="catalog-pages__step">
            <Link to={paths.list.getHref(current + 1)} rel="next">
              Next <span className="visually-hidden">page</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function CatalogEntry({ match: { entry, found } }: { match: CatalogMatch }) {
  return (
    <li className="catalog-list__item">
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
  );
}

/** An address under /list/ that is no page of the list (past its end, or not a number). */
function NoSuchListPage() {
  return (
    <article className="step step--error">
      <DocumentTitle>Page not found</DocumentTitle>
      <PageHeading caption="Page not found">
        The list of troubleshooters has no such page
      </PageHeading>
      <p className="lead">
        The link may be mistyped, or the list may have become shorter since the link was made.
      </p>
      <AllTroubleshootersLink />
    </article>
  );
}

/**
 * The list's loader, loaded with the page (routes.tsx): a prerendered page of the list
 * carries its entries, so only a navigation from elsewhere fetches them.
 */
export function createCatalogLoader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    const page = parseListPage(params.page);
    if (page !== undefined) await queryClient.ensureQueryData(catalogPageQueryOptions(page));
    return null;
  };
}
