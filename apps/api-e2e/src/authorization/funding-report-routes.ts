import { Role } from '@wegweiser/shared/contracts';

interface FundingReportRouteCase {
  method: 'GET';
  path: string;
  allowed: Role[];
  prepare?: () => Promise<{ path?: string }>;
}

/** The funder's Verwendungsnachweis: counts per manager are staff data, for administrators only. */
const admins: Role[] = ['admin'];
const QUARTER = 'from=2025-01-01&to=2025-03-31';

/** `/api/funding-report`: the figures (JSON) and the downloads; the period is the only parameter. */
export const FUNDING_REPORT_ROUTES: FundingReportRouteCase[] = [
  { method: 'GET', path: '/api/funding-report', allowed: admins, prepare: async () => ({ path: `/api/funding-report?${QUARTER}` }) },
  { method: 'GET', path: '/api/funding-report/xlsx', allowed: admins, prepare: async () => ({ path: `/api/funding-report/xlsx?${QUARTER}` }) },
  { method: 'GET', path: '/api/funding-report/pdf', allowed: admins, prepare: async () => ({ path: `/api/funding-report/pdf?${QUARTER}` }) },
];
