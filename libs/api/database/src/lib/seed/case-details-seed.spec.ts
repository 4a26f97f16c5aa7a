import { FieldCipher, fieldAad, generateFieldKey, parseFieldKeys } from '@wegweiser/api/crypto';
import { generateClients, generateOrganisation } from '@wegweiser/api/synthetic-data';
import { CEFR_LEVELS, EDUCATION_CERTIFICATES, INTERPRETER_KINDS } from '@wegweiser/shared/contracts';
import { conversationRows, derivedUuid, languageRows, outcomeRows, qualificationRows, ratingRows } from './case-details-seed';

const options = { seed: 7, clients: 60 };
const organisation = generateOrganisation(options);
const clients = [...generateClients(options, organisation)];
const key = generateFieldKey();
const cipher = new FieldCipher(parseFieldKeys(`${key.id}:${key.secret}`, key.id));

describe('case detail seed rows', () => {
  it('encrypts every note and agreement, bound to its conversation, and never copies plain text', () => {
    const rows = [...conversationRows(clients, cipher)];
    expect(rows.length).toBe(clients.reduce((n, c) => n + c.conversations.length, 0));
    const byId = new Map(clients.flatMap((c) => c.conversations.map((v) => [v.id, v] as const)));
    for (const row of rows) {
      const [id, , , , , , , interpreter, language, , note, agreements] = row as string[];
      const source = byId.get(id as string);
      expect(INTERPRETER_KINDS).toContain(interpreter);
      expect(language).toMatch(/^[a-z]{2,3}$/);
      expect(note).toMatch(/^v1:/);
      expect(cipher.decrypt(note as string, fieldAad('conversation', id as string, 'note'))).toBe(source?.note);
      expect(row).not.toContain(source?.note);
      if (source?.agreements) expect(cipher.decrypt(agreements as string, fieldAad('conversation', id as string, 'agreements'))).toBe(source.agreements);
      else expect(agreements).toBeNull();
    }
  });

  it('derives stable ids (same input, same uuid) in uuid form', () => {
    expect(derivedUuid('a', 'b')).toBe(derivedUuid('a', 'b'));
    expect(derivedUuid('a', 'b')).not.toBe(derivedUuid('a', 'c'));
    expect(derivedUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps one language row per client and language, German certificates only for German', () => {
    const rows = [...languageRows(clients)] as unknown[][];
    const keys = rows.map((r) => `${r[2]}:${r[3]}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of rows) {
      expect(CEFR_LEVELS).toContain(r[4]);
      if (r[3] !== 'de') expect([r[6], r[7], r[8]]).toEqual([null, null, null]);
      if (r[6] !== null) expect(r[7]).not.toBeNull();
    }
  });

  it('maps school certificates to the vocabulary and outcomes to consistent details', () => {
    for (const r of qualificationRows(clients) as Iterable<unknown[]>) expect([...EDUCATION_CERTIFICATES, null]).toContain(r[5]);
    for (const r of outcomeRows(clients) as Iterable<unknown[]>) {
      const [, , , kind, , level, , employmentKind, fullTime, matches] = r;
      expect(level !== null).toBe(kind === 'b1');
      expect([employmentKind, fullTime, matches].every((v) => v !== null)).toBe(kind === 'employment');
    }
    expect([...ratingRows(clients)].length).toBe(clients.reduce((n, c) => n + c.ratings.length, 0));
  });
});
