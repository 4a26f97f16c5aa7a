import {
  SubjectAccessClient,
  SubjectAccessConversation,
  SubjectAccessConversationVersion,
  SubjectAccessGoal,
  SubjectAccessInput,
  SubjectAccessStep,
} from '@wegweiser/api/documents';

/** A row as the driver returns it: timestamptz columns as `Date`, the rest as the SQL aliases name them. */
type DbRow = Record<string, unknown>;

export interface ClientRow extends DbRow {
  municipality: string;
}

export interface GoalRow extends DbRow {
  id: string;
}

export interface StepRow extends DbRow {
  goalId: string;
}

export interface ConversationRow extends DbRow {
  id: string;
  noteCiphertext: string;
  agreementsCiphertext: string | null;
}

/** An earlier version of a conversation as selected (`conversationRevisions`). */
export interface ConversationRevisionRow extends ConversationRow {
  conversationId: string;
}

type Decrypted<T> = T & { note: string; agreements: string | null };

/** The rows of every query, conversations already decrypted. */
export interface SubjectAccessRows {
  client: ClientRow;
  supportEvents: DbRow[];
  extensions: DbRow[];
  assignments: DbRow[];
  languages: DbRow[];
  qualification: DbRow | null;
  workExperience: DbRow[];
  goals: GoalRow[];
  steps: StepRow[];
  agreements: DbRow[];
  reviews: DbRow[];
  referrals: DbRow[];
  consents: DbRow[];
  /** Each with its earlier versions (oldest first), all decrypted. */
  conversations: (Decrypted<ConversationRow> & { earlierVersions: Decrypted<ConversationRevisionRow>[] })[];
  outcomes: DbRow[];
  ratings: DbRow[];
  reminders: DbRow[];
  accessLog: DbRow[];
}

/**
 * Points in time as ISO instants; every other value as selected. The SQL
 * aliases are the renderer's field names (see subject-access.sql.ts), so the
 * row is the renderer's record once its times are strings.
 */
export function withIsoTimes<T>(row: DbRow, omit: readonly string[] = []): T {
  return Object.fromEntries(
    Object.entries(row)
      .filter(([key]) => !omit.includes(key))
      .map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
  ) as T;
}

export function toSubjectAccessInput(rows: SubjectAccessRows, now: Date): SubjectAccessInput {
  const { municipality, ...client } = rows.client;
  const steps = new Map<string, SubjectAccessStep[]>();
  for (const step of rows.steps) {
    steps.set(step.goalId, [...(steps.get(step.goalId) ?? []), withIsoTimes<SubjectAccessStep>(step, ['goalId'])]);
  }
  return {
    municipality,
    createdAt: now.toISOString(),
    client: withIsoTimes<SubjectAccessClient>(client),
    supportEvents: rows.supportEvents.map((row) => withIsoTimes(row)),
    extensions: rows.extensions.map((row) => withIsoTimes(row)),
    assignments: rows.assignments.map((row) => withIsoTimes(row)),
    languages: rows.languages.map((row) => withIsoTimes(row)),
    qualification: rows.qualification ? withIsoTimes(rows.qualification) : null,
    workExperience: rows.workExperience.map((row) => withIsoTimes(row)),
    goals: rows.goals.map((goal) => ({ ...withIsoTimes<Omit<SubjectAccessGoal, 'steps'>>(goal, ['id']), steps: steps.get(goal.id) ?? [] })),
    agreements: rows.agreements.map((row) => withIsoTimes(row)),
    reviews: rows.reviews.map((row) => withIsoTimes(row)),
    referrals: rows.referrals.map((row) => withIsoTimes(row)),
    consents: rows.consents.map((row) => withIsoTimes(row)),
    conversations: rows.conversations.map((row) => ({
      ...withIsoTimes<Omit<SubjectAccessConversation, 'earlierVersions'>>(row, ['id', 'noteCiphertext', 'agreementsCiphertext', 'earlierVersions']),
      earlierVersions: row.earlierVersions.map((version) =>
        withIsoTimes<SubjectAccessConversationVersion>(version, ['id', 'conversationId', 'noteCiphertext', 'agreementsCiphertext']),
      ),
    })),
    outcomes: rows.outcomes.map((row) => withIsoTimes(row)),
    ratings: rows.ratings.map((row) => withIsoTimes(row)),
    reminders: rows.reminders.map((row) => withIsoTimes(row)),
    accessLog: rows.accessLog.map((row) => withIsoTimes(row)),
  };
}
