import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, type ReactNode } from 'react';
import { Form, Link, useParams, useSearchParams } from 'react-router';
import { DocumentTitle } from '../../components/document-title';
import { PageHeading } from '../../components/page-heading';
import { configQueryOptions } from '../../data/config-query';
import { treeQueryOptions } from '../../data/tree-query';
import {
  readReportRange,
  reportApiSearch,
  reportQueryOptions,
  reportSearch,
  type OutcomeReport,
  type QuestionReport,
  type ReportRange,
  type VersionReport,
} from '../../data/report-query';
import { FileLoadError } from '../../lib/fetch-public-file';
import { paths } from '../../lib/paths';
import { ReportChart } from './report-chart';
import { ReportTable } from './report-table';
import './report-page.css';

const share = (count: number, total: number) =>
  total === 0 ? '–' : `${Math.round((count / total) * 100)}%`;

/**
 * A troubleshooter's report (/map/<tree>/report?v=2,1&from=…&to=…): walks, drop-off per
 * question, answer shares, outcomes and "Did this solve it?", for one version or two side by
 * side. Everything it shows is in the address, so a report can be shared and kept.
 */
export function ReportPage() {
  const { treeId = '' } = useParams();
  const [params] = useSearchParams();
  const range = readReportRange(params);
  const config = useQuery(configQueryOptions());
  const server = config.data?.server === true;
  // A range that ends before it starts is said as such, not asked for (it would be all zeros).
  const reversed = range.from !== undefined && range.to !== undefined && range.from > range.to;
  const report = useQuery({ ...reportQueryOptions(treeId, range), enabled: server && !reversed });
  const search = reportSearch(range);
  const apiSearch = reportApiSearch(range);
  // Without a report to show (a range refused, an error, no server), the heading still names
  // the troubleshooter, from its own file; asked for only then, not on every report's load.
  const tree = useQuery({
    ...treeQueryOptions(treeId),
    enabled: reversed || report.isError || (config.isSuccess && !server),
  });
  const title = report.data?.title ?? tree.data?.title ?? treeId;

  let body;
  if (config.isPending || (server && !reversed && report.isPending)) {
    body = <p role="status">Loading the report…</p>;
  } else if (!server) {
    body = <p>Reports need the Troubleshooter server (docs/server.md): this site sends nothing.</p>;
  } else if (reversed) {
    body = (
      <RangeRefused range={range} datesWrong>
        The dates are the wrong way round: From ({range.from}) is after To ({range.to}). Choose a
        From date on or before the To date.
      </RangeRefused>
    );
  } else if (report.error instanceof FileLoadError && report.error.status === 400) {
    // The server says what it could not make a report of: asking again will not help.
    body = (
      <RangeRefused range={range}>
        No report for this range:{' '}
        {report.error.refusal ?? 'the server refused the dates or versions asked for.'}
      </RangeRefused>
    );
  } else if (report.error instanceof FileLoadError && report.error.status === 401) {
    const back = `${import.meta.env.BASE_URL}${paths.report.getHref(treeId, search).slice(1)}`;
    body = (
      <p>
        Reports are for authors and publishers.{' '}
        <a href={`${import.meta.env.BASE_URL}sign-in?return=${encodeURIComponent(back)}`}>
          Sign in
        </a>{' '}
        to see this one.
      </p>
    );
  } else if (report.error) {
    body = (
      <p role="alert">
        The report could not be loaded
        {report.error instanceof FileLoadError && report.error.status === 403
          ? ': your account may not see reports.'
          : '. Try again in a moment.'}
      </p>
    );
  } else if (!report.data) {
    body = <p>There is no published troubleshooter “{treeId}”.</p>;
  } else {
    const data = report.data;
    body = (
      <>
        <RangeForm
          published={data.published}
          range={{ ...range, from: data.from, to: data.to }}
          shown={data.versions.map((v) => v.version)}
        />
        <p className="report-links">
          <a
            href={`${import.meta.env.BASE_URL}api/analytics/${treeId}/csv${apiSearch ? `?${apiSearch}` : ''}`}
            download
          >
            Download CSV
          </a>{' '}
          <span aria-hidden="true">·</span>{' '}
          <Link to={paths.map.getTrafficHref(treeId, search)}>Traffic on the map</Link>
        </p>
        <p>
          From {data.from} to {data.to}.
        </p>
        <div
          className={
            data.versions.length > 1 ? 'report-versions report-versions--two' : 'report-versions'
          }
        >
          {data.versions.map((version) => (
            <VersionColumn key={version.version} version={version} />
          ))}
        </div>
      </>
    );
  }
  return (
    <article className="report-page">
      <DocumentTitle>{`Report: ${title}`}</DocumentTitle>
      <PageHeading caption="Report">{title}</PageHeading>
      {body}
    </article>
  );
}

/**
 * A range the report cannot be made for: why, said at once (role="alert"), and the dates
 * again to put it right. The versions asked for are kept as they were.
 */
function RangeRefused({
  range,
  datesWrong = false,
  children,
}: {
  range: ReportRange;
  /** The dates are what is wrong: their fields say so and point at the message. */
  datesWrong?: boolean;
  children: ReactNode;
}) {
  const messageId = useId();
  return (
    <>
      <p role="alert" className="panel panel--warning" id={messageId}>
        {children}
      </p>
      <RangeForm range={range} problemId={datesWrong ? messageId : undefined} />
    </>
  );
}

function RangeForm({
  published,
  range,
  shown = [],
  problemId,
}: {
  /** The dates' problem, said in the element with this id. */
  problemId?: string;
  /** The versions to choose from; without them (no report yet) those asked for are kept. */
  published?: number[];
  range: ReportRange;
  shown?: number[];
}) {
  const [first, second] = shown;
  const newestFirst = [...(published ?? [])].reverse();
  return (
    <Form method="get" className="report-range" aria-label="What the report covers">
      {published ? (
        <>
          <VersionSelect name="v" label="Version" versions={newestFirst} value={first} />
          <VersionSelect
            name="compare"
            label="Compare with"
            versions={newestFirst}
            value={second}
            optional
          />
        </>
      ) : (
        <>
          {range.version ? <input type="hidden" name="v" value={range.version} /> : null}
          {range.compare ? <input type="hidden" name="compare" value={range.compare} /> : null}
        </>
      )}
      <label>
        From{' '}
        <input
          type="date"
          name="from"
          defaultValue={range.from}
          required
          aria-invalid={problemId ? true : undefined}
          aria-describedby={problemId}
        />
      </label>
      <label>
        To{' '}
        <input
          type="date"
          name="to"
          defaultValue={range.to}
          required
          aria-invalid={problemId ? true : undefined}
          aria-describedby={problemId}
        />
      </label>
      <button type="submit" className="button">
        Show
      </button>
    </Form>
  );
}

function VersionSelect({
  name,
  label,
  versions,
  value,
  optional = false,
}: {
  name: string;
  label: string;
  versions: number[];
  value: number | undefined;
  optional?: boolean;
}) {
  return (
    <label>
      {label}{' '}
      <select name={name} defaultValue={value ?? ''}>
        {optional ? <option value="">None</option> : null}
        {versions.map((version) => (
          <option key={version} value={version}>
            {version}
          </option>
        ))}
      </select>
    </label>
  );
}

function VersionColumn({ version }: { version: VersionReport }) {
  const questions = version.nodes.filter(
    (node): node is QuestionReport => node.kind === 'question',
  );
  const outcomes = version.nodes.filter((node): node is OutcomeReport => node.kind === 'outcome');
  return (
    <section className="report-version" aria-labelledby={`version-${version.version}`}>
      <h2 id={`version-${version.version}`}>Version {version.version}</h2>
      <dl className="report-totals">
        <div>
          <dt>Walks started</dt>
          <dd>{version.walks}</dd>
        </div>
        <div>
          <dt>Started again</dt>
          <dd>{version.restarts}</dd>
        </div>
        <div>
          <dt>Copied for a ticket</dt>
          <dd>{version.copies}</dd>
        </div>
        <div>
          <dt>Printed</dt>
          <dd>{version.prints}</dd>
        </div>
      </dl>
      <DropOff version={version.version} questions={questions} />
      <Answers version={version.version} questions={questions} />
      <Outcomes version={version.version} outcomes={outcomes} />
    </section>
  );
}

function DropOff({ version, questions }: { version: number; questions: QuestionReport[] }) {
  const headingId = useId();
  const { labels, series } = useMemo(
    () => ({
      labels: questions.map((q) => q.label),
      series: [
        { label: 'Reached', values: questions.map((q) => q.reached), colour: 'first' as const },
        { label: 'Left there', values: questions.map((q) => q.left), colour: 'second' as const },
      ],
    }),
    [questions],
  );
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Questions: reached and left</h3>
      <ReportChart
        labels={labels}
        series={series}
        summary={`Bar chart of how many walks reached each question of version ${version} and how many left there; the numbers are in the table below.`}
      />
      <ReportTable label={`Reached and left, per question, version ${version}`}>
        <table>
          <caption className="visually-hidden">
            Reached and left, per question, version {version}
          </caption>
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Reached</th>
              <th scope="col">Left there</th>
            </tr>
          </thead>
          <tbody>
            {questions.map((q) => (
              <tr key={q.id} data-node={q.id}>
                <th scope="row">{q.label}</th>
                <td>{q.reached}</td>
                <td>{q.left}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ReportTable>
    </section>
  );
}

function Answers({ version, questions }: { version: number; questions: QuestionReport[] }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Answers chosen</h3>
      {questions.map((q) => {
        const total = q.answers.reduce((sum, a) => sum + a.count, 0);
        return (
          <ReportTable label={`Answers to “${q.label}”, version ${version}`} key={q.id}>
            <table data-node={q.id}>
              <caption>
                {q.label}
                {q.notSureFrequent ? (
                  <strong className="report-flag">
                    {' '}
                    “Not sure” is frequent: is the question clear?
                  </strong>
                ) : null}
                <span className="visually-hidden"> (version {version})</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">Answer</th>
                  <th scope="col">Chosen</th>
                  <th scope="col">Share</th>
                </tr>
              </thead>
              <tbody>
                {q.answers.map((a) => (
                  <tr key={a.slug} data-answer={a.slug}>
                    <th scope="row">{a.label}</th>
                    <td>{a.count}</td>
                    <td>{share(a.count, total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ReportTable>
        );
      })}
    </section>
  );
}

const OUTCOME_TYPE = {
  diagnosis: 'Diagnosis',
  escalate: 'Escalate',
  'ruled-out': 'Not this problem',
};

function Outcomes({ version, outcomes }: { version: number; outcomes: OutcomeReport[] }) {
  const headingId = useId();
  const { labels, series } = useMemo(
    () => ({
      labels: outcomes.map((o) => o.label),
      series: [
        { label: 'Reached', values: outcomes.map((o) => o.reached), colour: 'first' as const },
        { label: 'Solved', values: outcomes.map((o) => o.solved), colour: 'second' as const },
      ],
    }),
    [outcomes],
  );
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Outcomes and “Did this solve it?”</h3>
      <ReportChart
        labels={labels}
        series={series}
        summary={`Bar chart of how many walks reached each outcome of version ${version} and how many said it solved the problem; the numbers are in the table below.`}
      />
      <ReportTable label={`Outcomes, version ${version}`}>
        <table>
          <caption className="visually-hidden">Outcomes, version {version}</caption>
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              <th scope="col">Kind</th>
              <th scope="col">Reached</th>
              <th scope="col">Solved: yes</th>
              <th scope="col">Solved: no</th>
            </tr>
          </thead>
          <tbody>
            {outcomes.map((o) => (
              <tr key={o.id} data-node={o.id}>
                <th scope="row">{o.label}</th>
                <td>{OUTCOME_TYPE[o.type]}</td>
                <td>{o.reached}</td>
                <td>{o.solved}</td>
                <td>{o.unsolved}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ReportTable>
    </section>
  );
}
