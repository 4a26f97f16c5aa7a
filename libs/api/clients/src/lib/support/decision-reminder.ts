import { EntityManager } from 'typeorm';

/**
 * Reminds the client's responsible manager of a team lead's decision that
 * needs their work (`plan_returned`, `extension_rejected`): one reminder per
 * decision (subject and occasion the decided row), due today (Germany).
 * Nobody responsible: the reminder still goes to the team (recipient null).
 */
export async function remindOfDecision(tx: EntityManager, kind: 'plan_returned' | 'extension_rejected', clientId: string, subjectId: string, today: string): Promise<void> {
  await tx.query(
    `INSERT INTO reminder (municipality_id, team_id, client_id, recipient_id, kind, subject_id, occasion, due_on, appointment_at, weeks)
     SELECT c.municipality_id, c.team_id, c.id, c.responsible_manager_id, $2, $3::uuid, $3::text, $4::date, NULL, NULL
       FROM client c WHERE c.id = $1
     ON CONFLICT ON CONSTRAINT reminder_occasion_key DO NOTHING`,
    [clientId, kind, subjectId, today],
  );
}
