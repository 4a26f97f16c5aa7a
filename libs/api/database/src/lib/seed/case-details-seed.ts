import { FieldCipher, fieldAad, FieldKeySet } from '@wegweiser/api/crypto';
import {
  generateClients,
  resolveOptions,
  type SyntheticClient,
  type SyntheticDataOptionsInput,
  type SyntheticOrganisation,
} from '@wegweiser/api/synthetic-data';
import type { EducationCertificate, InterpreterKind } from '@wegweiser/shared/contracts';
import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { copyRows } from './copy-writer';

/** Clients generated at once: one pass over the stream, bounded memory, six COPYs per chunk. */
const CHUNK = 2_000;

/**
 * Conversations (notes and agreements encrypted in Node with the configured
 * keys, exactly as the API writes them), outcomes, soft ratings,
 * qualifications, work experience and language skills of every synthetic
 * client; see migration AddConversationsOutcomesQualifications.
 */
export async function seedCaseDetailRows(
  client: PoolClient,
  options: SyntheticDataOptionsInput,
  organisation: SyntheticOrganisation,
  fieldKeys: FieldKeySet,
): Promise<Record<string, number>> {
  const cipher = new FieldCipher(fieldKeys);
  const counts = { conversations: 0, outcomes: 0, softRatings: 0, qualifications: 0, workExperience: 0, languageSkills: 0 };
  const total = resolveOptions(options).clients;
  for (let from = 0; from < total; from += CHUNK) {
    const clients = [...generateClients(options, organisation, { from, to: Math.min(total, from + CHUNK) })];
    counts.conversations += await copyRows(client, 'conversation', CONVERSATION_COLUMNS, conversationRows(clients, cipher));
    counts.outcomes += await copyRows(client, 'outcome', OUTCOME_COLUMNS, outcomeRows(clients));
    counts.softRatings += await copyRows(client, 'soft_rating', RATING_COLUMNS, ratingRows(clients));
    counts.qualifications += await copyRows(client, 'qualification', QUALIFICATION_COLUMNS, qualificationRows(clients));
    counts.workExperience += await copyRows(client, 'work_experience', WORK_EXPERIENCE_COLUMNS, workExperienceRows(clients));
    counts.languageSkills += await copyRows(client, 'language_skill', LANGUAGE_COLUMNS, languageRows(clients));
  }
  return counts;
}

/** A stable uuid for rows the generator gives no id (same seed, same ids). */
export function derivedUuid(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('|')).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const CONVERSATION_COLUMNS = [
  'id',
  'municipality_id',
  'client_id',
  'staff_id',
  'held_at',
  'duration_minutes',
  'form',
  'interpreter',
  'language',
  'topics',
  'note_ciphertext',
  'agreements_ciphertext',
  'next_appointment_at',
  'created_at',
];

/** The generator knows only whether an interpreter was there; most are professionals. */
function interpreterKind(present: boolean, id: string): InterpreterKind {
  if (!present) return 'none';
  const digit = parseInt(id.slice(-1), 16);
  return digit < 10 ? 'professional' : digit < 13 ? 'volunteer' : 'family';
}

export function* conversationRows(clients: Iterable<SyntheticClient>, cipher: FieldCipher) {
  for (const c of clients) {
    const native = c.languages.find((l) => l.native && l.language !== 'de')?.language ?? 'de';
    for (const v of c.conversations) {
      yield [
        v.id,
        c.municipalityId,
        c.id,
        v.staffId,
        v.heldAt,
        v.durationMinutes,
        v.form,
        interpreterKind(v.interpreter, v.id),
        v.interpreter ? native : 'de',
        v.topics,
        cipher.encrypt(v.note, fieldAad('conversation', v.id, 'note')),
        v.agreements === null ? null : cipher.encrypt(v.agreements, fieldAad('conversation', v.id, 'agreements')),
        v.nextAppointmentAt,
        v.heldAt,
      ];
    }
  }
}

const OUTCOME_COLUMNS = [
  'id',
  'municipality_id',
  'client_id',
  'kind',
  'achieved_on',
  'level',
  'certificate',
  'employment_kind',
  'full_time',
  'matches_qualification',
  'ended_on',
  'present_at_start',
  'completed',
];

/** Outcome rows as the API would accept them: none in the future, before the support start only "bei Beginn vorhanden". */
export function* outcomeRows(clients: Iterable<SyntheticClient>) {
  for (const c of clients) {
    const { b1ReachedOn, b1PresentAtStart, employment, apprenticeshipStartedOn, apprenticeshipEnd, studiesStartedOn, studiesEnd } = c.outcomes;
    const certificate = c.languages.find((l) => l.language === 'de')?.certificate ?? null;
    const b1Certificate = certificate?.endsWith('B1') ? certificate : null;
    if (b1PresentAtStart) {
      yield [derivedUuid(c.id, 'outcome', 'b1-at-start'), c.municipalityId, c.id, 'b1', b1PresentAtStart, 'B1', b1Certificate, null, null, null, null, true, null];
    }
    if (b1ReachedOn) {
      yield [derivedUuid(c.id, 'outcome', 'b1'), c.municipalityId, c.id, 'b1', b1ReachedOn, 'B1', b1Certificate, null, null, null, null, false, null];
    }
    if (employment) {
      yield [
        derivedUuid(c.id, 'outcome', 'employment'),
        c.municipalityId,
        c.id,
        'employment',
        employment.startedOn,
        null,
        null,
        employment.kind,
        employment.fullTime,
        employment.matchesQualification,
        employment.endedOn,
        false,
        null,
      ];
    }
    if (apprenticeshipStartedOn) {
      yield [derivedUuid(c.id, 'outcome', 'apprenticeship'), c.municipalityId, c.id, 'apprenticeship', apprenticeshipStartedOn, null, null, null, null, null, apprenticeshipEnd?.endedOn ?? null, false, apprenticeshipEnd?.completed ?? null];
    }
    if (studiesStartedOn) {
      yield [derivedUuid(c.id, 'outcome', 'studies'), c.municipalityId, c.id, 'studies', studiesStartedOn, null, null, null, null, null, studiesEnd?.endedOn ?? null, false, studiesEnd?.completed ?? null];
    }
  }
}

const RATING_COLUMNS = ['id', 'municipality_id', 'client_id', 'rated_by', 'rated_on', 'health', 'social_environment', 'employment_quality', 'created_at'];

export function* ratingRows(clients: Iterable<SyntheticClient>) {
  for (const c of clients) {
    for (const [i, r] of c.ratings.entries()) {
      const by = [...c.assignments].reverse().find((a) => a.from <= r.ratedOn)?.staffId ?? c.managerId;
      yield [derivedUuid(c.id, 'rating', String(i)), c.municipalityId, c.id, by, r.ratedOn, r.health, r.socialEnvironment, r.employmentQuality, `${r.ratedOn}T12:00:00Z`];
    }
  }
}

const QUALIFICATION_COLUMNS = [
  'id',
  'municipality_id',
  'client_id',
  'school_years',
  'school_country',
  'school_certificate',
  'vocational_training',
  'university_degree',
  'recognition_state',
  'interests',
];

/** The generator names German leaving certificates; the file keeps the vocabulary's codes. */
const SCHOOL_CERTIFICATES: Record<string, EducationCertificate> = {
  Grundschulabschluss: 'primary',
  'Mittlerer Schulabschluss': 'secondary',
  Hochschulzugangsberechtigung: 'university_entrance',
};

export function* qualificationRows(clients: Iterable<SyntheticClient>) {
  for (const c of clients) {
    const q = c.qualifications;
    const certificate = q.schoolCertificate === null ? 'none' : (SCHOOL_CERTIFICATES[q.schoolCertificate] ?? null);
    yield [derivedUuid(c.id, 'qualification'), c.municipalityId, c.id, q.schoolYears, q.schoolCountry, certificate, q.vocationalTraining, q.universityDegree, q.recognitionState, q.interests];
  }
}

const WORK_EXPERIENCE_COLUMNS = ['id', 'municipality_id', 'client_id', 'occupation', 'years', 'country'];

export function* workExperienceRows(clients: Iterable<SyntheticClient>) {
  for (const c of clients) {
    for (const [i, w] of c.qualifications.workExperience.entries()) {
      yield [derivedUuid(c.id, 'work', String(i)), c.municipalityId, c.id, w.occupation, w.years, w.country];
    }
  }
}

const LANGUAGE_COLUMNS = ['id', 'municipality_id', 'client_id', 'language', 'level', 'native', 'certificate', 'exam', 'certified_on'];

/** The exam (provider) behind a German certificate's name. */
function examOf(certificate: string): string | null {
  if (certificate.includes('(DTZ)')) return 'DTZ';
  if (certificate.startsWith('telc')) return 'telc';
  if (certificate.startsWith('Goethe')) return 'Goethe-Institut';
  if (certificate.startsWith('ÖSD')) return 'ÖSD';
  return null;
}

export function* languageRows(clients: Iterable<SyntheticClient>) {
  for (const c of clients) {
    const seen = new Set<string>();
    for (const l of c.languages) {
      if (seen.has(l.language)) continue;
      seen.add(l.language);
      const german = l.language === 'de';
      const certificate = german ? l.certificate : null;
      yield [derivedUuid(c.id, 'language', l.language), c.municipalityId, c.id, l.language, l.level, l.native, certificate, certificate ? examOf(certificate) : null, german ? l.certifiedOn : null];
    }
  }
}
