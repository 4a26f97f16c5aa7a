/**
 * Import of a partner list (CSV or XLSX): the columns by their German
 * headers, what a preview reports and what a confirmation answers.
 */

/** The columns of an import file; `Name` is required, the others optional (header case and spaces do not matter). */
export const PARTNER_IMPORT_COLUMNS = {
  name: 'Name',
  kind: 'Art',
  contactPerson: 'Ansprechperson',
  email: 'E-Mail',
  phone: 'Telefon',
  address: 'Adresse',
  website: 'Webseite',
  languages: 'Sprachen',
  workingGroups: 'Arbeitskreise',
  description: 'Beschreibung',
} as const;
export type PartnerImportField = keyof typeof PARTNER_IMPORT_COLUMNS;

/** Values of the `Art` column (empty means Organisation). */
export const PARTNER_IMPORT_KIND_VALUES = { organisation: 'Organisation', working_group: 'Arbeitskreis' } as const;

/** Largest accepted file (bytes; larger: 413 `payloadTooLarge`) and rows. */
export const PARTNER_IMPORT_LIMITS = { fileBytes: 1024 * 1024, rows: 2000 } as const;
export const PARTNER_IMPORT_EXTENSIONS = ['.csv', '.xlsx'] as const;

export const PARTNER_IMPORT_ACTIONS = ['create', 'update', 'unchanged'] as const;
export type PartnerImportAction = (typeof PARTNER_IMPORT_ACTIONS)[number];

/** Why a row cannot be imported. */
export const PARTNER_IMPORT_PROBLEMS = [
  'nameMissing',
  'tooLong',
  'emailInvalid',
  'phoneInvalid',
  'websiteInvalid',
  'languageInvalid',
  'kindUnknown',
  'workingGroupUnknown',
  'duplicateRow',
  /** A control, bidi-override or (except in `description`) line-break or invisible character, as in the API's fields. */
  'forbiddenCharacters',
] as const;
export type PartnerImportProblemCode = (typeof PARTNER_IMPORT_PROBLEMS)[number];

export interface PartnerImportProblem {
  code: PartnerImportProblemCode;
  field: PartnerImportField;
  /** `duplicateRow`: the line of the earlier row with the same name. */
  duplicateOf?: number;
  /** `workingGroupUnknown`: the name given (a working group, not personal data); `forbiddenCharacters`: the first refused character as `U+202E`. */
  value?: string;
}

/** A row that will be imported: line in the file (header = line 1), the partner's name, what happens. */
export interface PartnerImportRowResponse {
  line: number;
  name: string;
  action: PartnerImportAction;
  /** `update`: the fields that change. */
  changes: PartnerImportField[];
  partnerId: string | null;
}

export interface PartnerImportErrorResponse {
  line: number;
  name: string | null;
  problems: PartnerImportProblem[];
}

export interface PartnerImportCounts {
  create: number;
  update: number;
  unchanged: number;
  invalid: number;
}

/** `POST /api/partners/import/preview`: nothing is written; `token` identifies exactly this plan for the confirmation. */
export interface PartnerImportPreviewResponse {
  token: string;
  counts: PartnerImportCounts;
  rows: PartnerImportRowResponse[];
  errors: PartnerImportErrorResponse[];
  /** Headers that are not import columns (left out). */
  ignoredColumns: string[];
}

/** `POST /api/partners/import/confirm` (the same file plus the field `token`): what was written. */
export interface PartnerImportResultResponse {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export const PARTNER_IMPORT_ERROR_CODES = {
  /** 400: no file in the field `file`. */
  importFileMissing: 'importFileMissing',
  /** 415: not a .csv or .xlsx file. */
  importFileType: 'importFileType',
  /** 422: the file cannot be read, has no `Name` column or too many rows. */
  importFileUnreadable: 'importFileUnreadable',
  importNameColumnMissing: 'importNameColumnMissing',
  importTooManyRows: 'importTooManyRows',
  /** 409: the directory (or the file) changed since the preview: preview again. */
  importStale: 'importStale',
} as const;

/** The template offered for download (German headers, one example row). */
export const PARTNER_IMPORT_TEMPLATE_CSV =
  'Name;Art;Ansprechperson;E-Mail;Telefon;Adresse;Webseite;Sprachen;Arbeitskreise;Beschreibung\r\n' +
  'Beispielverein e. V.;Organisation;Erika Muster;kontakt@beispielverein.example;+49 251 123456;Hauptstraße 1, 48143 Musterstadt;https://beispielverein.example;de, en, ar;Sprache, Beratung;Sprachcafé und Beratung\r\n';
