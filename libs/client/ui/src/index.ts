export * from './lib/status-card/status-card';
export * from './lib/support-window/support-window';
export * from './lib/support-window/support-window-bar';
export * from './lib/client-name/client-name';
export * from './lib/locale/active-locale';
export * from './lib/unsaved-changes/unsaved-changes';
export * from './lib/conflict-dialog/conflict-dialog';
export * from './lib/i18n/icu-transpiler';
