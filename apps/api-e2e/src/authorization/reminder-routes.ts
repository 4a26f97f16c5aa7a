import { Role } from '@wegweiser/shared/contracts';
import { DemoUser } from '../support/sessions';
import { adminQuery, TestDatabase } from '../support/test-database';

/** What the permission matrix hands to `prepare` (structurally its Fixture). */
interface MatrixFixture {
  db: TestDatabase;
  actor(role: Role): DemoUser;
}

interface ReminderRouteCase {
  method: 'GET' | 'POST';
  path: string;
  allowed: Role[];
  prepare?: (f: MatrixFixture, role: Role) => Promise<{ path?: string; body?: object }>;
}

const readers: Role[] = ['manager', 'team_lead'];

/** A reminder the actor sees (about a client of the own caseload, or of the team for team leads), inserted as superuser. */
async function reminderOf(f: MatrixFixture, role: Role): Promise<string> {
  const actor = f.actor(role);
  const [row] = await adminQuery<{ id: string }>(
    `INSERT INTO reminder (municipality_id, team_id, client_id, recipient_id, kind, subject_id, occasion, due_on)
     SELECT c.municipality_id, c.team_id, c.id, c.responsible_manager_id, 'window_6m', c.id, gen_random_uuid()::text, c.support_window_end
       FROM client c
      WHERE ${role === 'manager' ? 'c.responsible_manager_id = $1' : 'c.team_id = (SELECT team_id FROM app_user WHERE id = $1)'}
      ORDER BY c.case_number LIMIT 1
     RETURNING id`,
    [actor.id],
    f.db.ownerUrl,
  );
  if (!row) throw new Error('no client for a reminder');
  return row.id;
}

/** A conversation with a next appointment, of a client the actor sees (own caseload; the team for team leads). */
async function appointmentOf(f: MatrixFixture, role: Role): Promise<string> {
  const actor = f.actor(role);
  const [row] = await adminQuery<{ id: string }>(
    `UPDATE conversation SET next_appointment_at = held_at + interval '30 days'
      WHERE id = (SELECT v.id FROM conversation v JOIN client c ON c.id = v.client_id
                   WHERE ${role === 'manager' ? 'c.responsible_manager_id = $1' : 'c.team_id = (SELECT team_id FROM app_user WHERE id = $1)'}
                   ORDER BY c.case_number, v.held_at DESC LIMIT 1)
     RETURNING id`,
    [actor.id],
    f.db.ownerUrl,
  );
  if (!row) throw new Error('no conversation for an appointment');
  return row.id;
}

/** Reminders and the start page "Heute": read by managers (own) and team leads (team); reminders created only by the job. */
export const REMINDER_ROUTES: ReminderRouteCase[] = [
  { method: 'GET', path: '/api/reminders', allowed: readers },
  { method: 'GET', path: '/api/reminders/count', allowed: readers },
  { method: 'POST', path: '/api/reminders/:id/read', allowed: readers, prepare: async (f, role) => ({ path: `/api/reminders/${await reminderOf(f, role)}/read` }) },
  { method: 'GET', path: '/api/today', allowed: readers },
  {
    method: 'GET',
    path: '/api/today/appointments/:conversationId/ics',
    allowed: readers,
    prepare: async (f, role) => ({ path: `/api/today/appointments/${await appointmentOf(f, role)}/ics` }),
  },
];
