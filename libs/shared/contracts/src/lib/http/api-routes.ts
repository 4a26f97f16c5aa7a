/** Route constants shared by the API controllers and the client's data-access services. */
export const API_PREFIX = 'api';
export const API_ROUTES = {
  health: 'health',
  healthReady: 'health/ready',
  docs: 'docs',
  auth: 'auth',
  users: 'users',
  teams: 'teams',
  clients: 'clients',
  supportExtensions: 'support-extensions',
  audit: 'audit',
  reminders: 'reminders',
  today: 'today',
  teamDashboard: 'team/dashboard',
  evaluation: 'evaluation',
  retention: 'retention',
  erasureRequests: 'erasure-requests',
  fundingReport: 'funding-report',
} as const;
