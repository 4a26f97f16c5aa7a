/**
 * The gender the evaluation publishes: weiblich or männlich only. Persons with the gender "divers" or "keine
 * Angabe" are assigned to one of the two at random, as official statistics do for statistical confidentiality
 * (Statistische Ämter des Bundes und der Länder, "Drittes Geschlecht": "divers" and "ohne Angabe" are assigned
 * to "männlich" or "weiblich" by a random procedure when they cannot be published). The draw is a pseudo-random
 * bit of a stable key (the client id), so the same person is in the same group in every release and on every
 * day; the anonymous record of an erased client stores the assigned value (the record has no key).
 *
 * Always, not only when the group is below k: a group that is published in one release and assigned in another
 * would give its members away by differencing the two releases, and the release ledger compares releases by the
 * same groups.
 */
export const PUBLISHED_GENDERS = ['female', 'male'] as const;
export type PublishedGender = (typeof PUBLISHED_GENDERS)[number];

/**
 * SQL of the published gender: `gender` itself when female or male, else female or male by the lowest bit of the
 * first byte of md5 of `key` (text). md5 rather than `hashtext`: its value is fixed, `hashtext` is internal to
 * PostgreSQL and may change between major versions.
 */
export const publishedGenderSql = (gender: string, key: string): string =>
  `CASE WHEN ${gender} IN (${PUBLISHED_GENDERS.map((g) => `'${g}'`).join(', ')}) THEN ${gender}::text
        WHEN get_byte(decode(md5((${key})::text), 'hex'), 0) % 2 = 0 THEN 'female' ELSE 'male' END`;
