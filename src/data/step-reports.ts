import { queryOptions } from '@tanstack/react-query';
import { publicFileUrl } from '../lib/fetch-public-file';

/** What a person can say is wrong with a step (server/db/schema.ts REPORT_CATEGORIES). */
export const REPORT_CATEGORIES = [
  { value: 'wrong', label: 'It is wrong' },
  { value: 'unclear', label: 'It is unclear' },
  { value: 'out-of-date', label: 'It is out of date' },
  { value: 'other', label: 'Something else' },
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number]['value'];
export const REPORT_STATUSES = ['new', 'accepted', 'done'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const MAX_REPORT_TEXT = 1000;

export type StepReport = {
  id: number;
  tree: string;
  node: string;
  version: number;
  category: ReportCategory;
  text: string;
  status: ReportStatus;
  createdAt: string;
};

async function send(path: string, method: string, body: unknown): Promise<Response> {
  const response = await fetch(publicFileUrl(path), {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  return response;
}

/** POST /api/reports: no account needed (server/routes/reports.ts). */
export async function sendStepReport(report: {
  tree: string;
  node: string;
  category: ReportCategory;
  text: string;
}): Promise<void> {
  await send('api/reports', 'POST', report);
}

/** An author sets a report's status. */
export async function setReportStatus(id: number, status: ReportStatus): Promise<void> {
  await send(`api/reports/${id}`, 'PATCH', { status });
}

/** A tree's reports, for authors (signed in). */
export function stepReportsQueryOptions(tree: string) {
  return queryOptions({
    queryKey: ['step-reports', tree],
    queryFn: async ({ signal }): Promise<StepReport[]> => {
      const response = await fetch(publicFileUrl(`api/reports?tree=${tree}`), { signal });
      if (!response.ok) throw new Error(`reports: ${response.status}`);
      return (await response.json()) as StepReport[];
    },
  });
}
