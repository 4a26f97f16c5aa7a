/** The tabs of a client file: path segment and text key (`client-file` scope). */
export const CLIENT_FILE_TABS = [
  { path: 'ueberblick', label: 'tabs.overview' },
  { path: 'integrationsplan', label: 'tabs.plan' },
  { path: 'gespraeche', label: 'tabs.conversations' },
  { path: 'qualifikationen', label: 'tabs.qualifications' },
  { path: 'ergebnisse', label: 'tabs.outcomes' },
  { path: 'einwilligungen', label: 'tabs.consents' },
  { path: 'verlauf', label: 'tabs.timeline' },
] as const;

export type ClientFileTabPath = (typeof CLIENT_FILE_TABS)[number]['path'];
