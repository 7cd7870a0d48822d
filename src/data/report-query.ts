import { queryOptions } from '@tanstack/react-query';
import { fetchPublicJson, FileNotFoundError } from '../lib/fetch-public-file';

// The report as the server sends it (server/analytics/report.ts).
export type AnswerCount = { slug: string; label: string; unsure: boolean; count: number };
export type QuestionReport = {
  kind: 'question';
  id: string;
  label: string;
  reached: number;
  left: number;
  answers: AnswerCount[];
  notSureFrequent: boolean;
};
export type OutcomeReport = {
  kind: 'outcome';
  id: string;
  label: string;
  type: 'diagnosis' | 'escalate' | 'ruled-out';
  reached: number;
  solved: number;
  unsolved: number;
};
export type VersionReport = {
  version: number;
  walks: number;
  restarts: number;
  copies: number;
  prints: number;
  nodes: (QuestionReport | OutcomeReport)[];
};
export type Report = {
  treeId: string;
  title: string;
  from: string;
  to: string;
  published: number[];
  versions: VersionReport[];
};

/** What a report is for, as the address says it (`?v=2&compare=1&from=…&to=…`). */
export type ReportRange = { version?: string; compare?: string; from?: string; to?: string };

const VERSION = /^[0-9]{1,7}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The range in an address's query string; anything malformed is left out. */
export function readReportRange(params: URLSearchParams): ReportRange {
  const pick = (name: string, pattern: RegExp) => {
    const value = params.get(name);
    return value && pattern.test(value) ? value : undefined;
  };
  return {
    version: pick('v', VERSION),
    compare: pick('compare', VERSION),
    from: pick('from', DAY),
    to: pick('to', DAY),
  };
}

/** The page's and the traffic map's query string for a range. */
export function reportSearch(range: ReportRange): string {
  const params = new URLSearchParams();
  if (range.version) params.set('v', range.version);
  if (range.compare && range.compare !== range.version) params.set('compare', range.compare);
  if (range.from) params.set('from', range.from);
  if (range.to) params.set('to', range.to);
  return params.toString();
}

/** The API's (and the CSV's) query string: both versions in `v`. */
export function reportApiSearch(range: ReportRange): string {
  const params = new URLSearchParams();
  const versions = [range.version, range.compare !== range.version ? range.compare : undefined];
  if (range.version) params.set('v', versions.filter(Boolean).join(','));
  if (range.from) params.set('from', range.from);
  if (range.to) params.set('to', range.to);
  return params.toString().replace(/%2C/g, ',');
}

export class NotSignedInError extends Error {}

/**
 * A troubleshooter's report, for authors and up: null when the server has no such
 * troubleshooter. Ask only where a server runs the site (config.json `server: true`).
 */
export function reportQueryOptions(treeId: string, range: ReportRange) {
  const search = reportApiSearch(range);
  return queryOptions({
    queryKey: ['report', treeId, search],
    queryFn: async ({ signal }): Promise<Report | null> => {
      try {
        return (await fetchPublicJson(
          `api/analytics/${treeId}${search ? `?${search}` : ''}`,
          signal,
        )) as Report;
      } catch (error) {
        if (error instanceof FileNotFoundError) return null;
        throw error;
      }
    },
    retry: false,
  });
}
