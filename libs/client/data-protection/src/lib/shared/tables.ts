/** Styles of the area's tables: wide tables scroll inside their own focusable container, never the page. */
export const TABLE_STYLES = `
  .table-scroll { overflow-x: auto; max-width: 100%; margin-block: 0.5rem 1rem; }
  .table-scroll:focus-visible { outline: 2px solid var(--mat-sys-primary, #005cbb); outline-offset: 2px; }
  table { border-collapse: collapse; width: 100%; }
  caption { text-align: start; font-weight: 500; padding-block: 0.25rem; }
  th, td { text-align: start; padding: 0.5rem 0.75rem; border-bottom: 1px solid var(--mat-sys-outline-variant, #c4c6d0); white-space: nowrap; vertical-align: top; }
  th { font-weight: 500; }
  .denied { color: var(--mat-sys-error, #b3261e); font-weight: 500; }
  .error { color: var(--mat-sys-error, #b3261e); }
`;
