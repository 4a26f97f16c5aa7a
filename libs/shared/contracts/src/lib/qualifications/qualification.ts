import { CefrLevel, EducationCertificate, RecognitionState } from '../domain/case-vocabulary';

/** `/api/clients/:clientId/qualifications` (GET, PUT). */
export const QUALIFICATIONS_ROUTE = 'clients/:clientId/qualifications';
/** `/api/clients/:clientId/work-experience` (POST) and `.../:id` (PATCH, DELETE). */
export const WORK_EXPERIENCE_ROUTE = 'clients/:clientId/work-experience';
/** `/api/clients/:clientId/languages` (GET) and `.../:language` (PUT). */
export const LANGUAGE_SKILLS_ROUTE = 'clients/:clientId/languages';

/** ISO 639-1 (or -2) language code, lower case. */
export const LANGUAGE_CODE_PATTERN = /^[a-z]{2,3}$/;
/** ISO 3166-1 alpha-2 country code, upper case. */
export const COUNTRY_CODE_PATTERN = /^[A-Z]{2}$/;
/** The language whose certificate, exam and date are kept. */
export const GERMAN_LANGUAGE_CODE = 'de';

export interface WorkExperienceResponse {
  id: string;
  occupation: string;
  years: number;
  country: string | null;
  version: number;
}

/**
 * The client's qualifications (one record per client) with the work
 * experience. `version` 0: nothing recorded yet (PUT with version 0 creates).
 * `recognitionState` null: no foreign qualification to recognise.
 */
export interface QualificationsResponse {
  clientId: string;
  schoolYears: number | null;
  schoolCountry: string | null;
  schoolCertificate: EducationCertificate | null;
  vocationalTraining: string | null;
  universityDegree: string | null;
  recognitionState: RecognitionState | null;
  interests: string[];
  workExperience: WorkExperienceResponse[];
  version: number;
}

/** `PUT`: replaces the record; a field not sent is cleared. */
export interface UpdateQualificationsRequest {
  version: number;
  schoolYears?: number | null;
  schoolCountry?: string | null;
  schoolCertificate?: EducationCertificate | null;
  vocationalTraining?: string | null;
  universityDegree?: string | null;
  recognitionState?: RecognitionState | null;
  interests?: string[];
}

export interface CreateWorkExperienceRequest {
  occupation: string;
  years: number;
  country?: string | null;
}

export interface UpdateWorkExperienceRequest extends Partial<CreateWorkExperienceRequest> {
  version: number;
}

/** A language of the client with its CEFR level; for German also certificate, exam and date. */
export interface LanguageSkillResponse {
  id: string;
  language: string;
  level: CefrLevel;
  native: boolean;
  /** E.g. `telc Deutsch B1` (German only). */
  certificate: string | null;
  /** The exam or its provider, e.g. `DTZ`, `telc`, `Goethe-Institut` (German only). */
  exam: string | null;
  certifiedOn: string | null;
  version: number;
}

/** `PUT .../languages/:language`: `version` 0 adds the language, otherwise the one read last. A field not sent is cleared. */
export interface PutLanguageSkillRequest {
  version: number;
  level: CefrLevel;
  native?: boolean;
  certificate?: string | null;
  exam?: string | null;
  certifiedOn?: string | null;
}

export const QUALIFICATION_FIELD_CODES = {
  /** Certificate, exam and date are kept for German only. */
  onlyForGerman: 'onlyForGerman',
  /** `certifiedOn` after today (Berlin calendar day): 422. */
  inFuture: 'inFuture',
} as const;
