import type { Gender } from '@wegweiser/shared/contracts';

/** How notes refer to the client: 0 = Klientin, 1 = Klient, 2 = betreute Person. */
export type SubjectIndex = 0 | 1 | 2;

const SUBJECTS: readonly (readonly [sentenceStart: string, inSentence: string])[] = [
  ['Die Klientin', 'die Klientin'],
  ['Der Klient', 'der Klient'],
  ['Die betreute Person', 'die betreute Person'],
];

export function subjectIndexFor(gender: Gender): SubjectIndex {
  return gender === 'female' ? 0 : gender === 'male' ? 1 : 2;
}

/** Expands `{K}` (sentence start) and `{k}` (inside a sentence) once for every subject form. */
export function withSubjects(templates: readonly string[]): readonly (readonly string[])[] {
  return SUBJECTS.map(([start, inside]) => templates.map((t) => t.replace(/\{K\}/g, start).replace(/\{k\}/g, inside)));
}
