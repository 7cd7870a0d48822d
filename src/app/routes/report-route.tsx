import { ReportPage } from '../../features/reports/report-page';

/** A troubleshooter's report (/map/<tree>/report): loaded on demand, with its chart library. */
export const Component = ReportPage;
