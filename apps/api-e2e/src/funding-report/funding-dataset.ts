import { adminQuery } from '../support/test-database';

/**
 * The hand-built period of the funding-report test: an own municipality "FUND" (no demo clients), one team, three
 * managers (Anna Adler, Bernd Berg, Cem Celik), eight clients c1–c8, and around them conversations, plan versions,
 * goals and referrals inside and outside the first quarter of 2025. Every figure the spec expects is counted by
 * hand from the comments here (the period is 2025-01-01 … 2025-03-31, German time).
 */
export interface FundingWorld {
  municipalityId: string;
  teamId: string;
  users: Record<'admin' | 'evaluator' | 'teamLead' | 'anna' | 'bernd' | 'cem', { id: string; email: string }>;
  clients: Record<string, string>;
  groups: Record<string, string>;
}

const CIPHERTEXT = 'v1:k1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==:AAAA';

export async function buildFundingWorld(ownerUrl: string): Promise<FundingWorld> {
  const sql = async <T extends object = Record<string, unknown>>(query: string, params: unknown[] = []) => adminQuery<T>(query, params, ownerUrl);
  const one = async (query: string, params: unknown[] = []) => {
    const [row] = await sql<{ id: string }>(query, params);
    if (!row) throw new Error(`nothing returned: ${query}`);
    return row.id;
  };
  const municipalityId = await one(`INSERT INTO municipality (code, name) VALUES ('FUND', 'Förderstadt') RETURNING id`);
  const teamId = await one(`INSERT INTO team (municipality_id, name) VALUES ($1, 'Team Förderung') RETURNING id`, [municipalityId]);
  // Same password as the demo accounts (the hash of any demo user).
  const [{ password_hash: hash } = { password_hash: '' }] = await sql<{ password_hash: string }>(`SELECT password_hash FROM app_user ORDER BY email LIMIT 1`);
  const user = async (role: string, first: string, last: string, team: boolean) => {
    const email = `${first.toLowerCase()}.${last.toLowerCase()}@fund.wegweiser.example`;
    const id = await one(
      `INSERT INTO app_user (municipality_id, team_id, email, first_name, last_name, role, password_hash) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [municipalityId, team ? teamId : null, email, first, last, role, hash],
    );
    return { id, email };
  };
  const users = {
    admin: await user('admin', 'Ada', 'Admin', false),
    evaluator: await user('evaluator', 'Eva', 'Evaluation', false),
    teamLead: await user('team_lead', 'Lea', 'Leitung', true),
    anna: await user('manager', 'Anna', 'Adler', true),
    bernd: await user('manager', 'Bernd', 'Berg', true),
    cem: await user('manager', 'Cem', 'Celik', true),
  };

  const clients: Record<string, string> = {};
  const client = async (key: string, start: string, manager: string | null, closed?: [string, string]) => {
    clients[key] = await one(
      `INSERT INTO client (municipality_id, team_id, case_number, first_name, last_name, date_of_birth, gender, country_of_origin, support_start,
                           support_window_end, support_state, closed_on, closure_reason, responsible_manager_id)
       VALUES ($1, $2, $3, 'Testperson', $4, '1990-01-01', 'female', 'SY', $5, ($5::date + interval '36 months')::date, $6, $7, $8, $9) RETURNING id`,
      [municipalityId, teamId, `FUND-2025-${key}`, `Förder ${key}`, start, closed ? 'closed' : 'active', closed?.[0] ?? null, closed?.[1] ?? null, manager],
    );
  };
  await client('c1', '2025-01-10', users.anna.id); // Anna: new
  await client('c2', '2024-06-01', users.anna.id); // Anna: ongoing
  await client('c3', '2024-09-15', users.bernd.id, ['2025-02-20', 'moved_away']); // Bernd: ongoing, closed (moved away)
  await client('c4', '2025-02-01', users.bernd.id, ['2025-03-31', 'goals_reached']); // Bernd: new, closed (goals reached)
  await client('c5', '2024-01-01', users.anna.id, ['2024-12-31', 'no_contact']); // closed before the period: not counted
  await client('c6', '2025-04-01', users.anna.id); // starts after the period: not counted
  await client('c7', '2024-11-01', users.cem.id); // Anna → Bernd on 10.02.2025, Bernd → Cem on 05.05.2025: Bernd's at the end, ongoing
  await client('c8', '2024-12-01', null); // no responsible manager: ongoing, column "ohne Zuständigkeit"
  const reassign = (key: string, from: string, to: string, at: string) =>
    sql(`INSERT INTO client_assignment (municipality_id, client_id, from_manager_id, to_manager_id, reason, assigned_by, assigned_at) VALUES ($1, $2, $3, $4, 'Urlaubsvertretung', $5, $6)`, [
      municipalityId,
      clients[key],
      from,
      to,
      users.teamLead.id,
      at,
    ]);
  await reassign('c7', users.anna.id, users.bernd.id, '2025-02-10T09:00:00+01:00');
  await reassign('c7', users.bernd.id, users.cem.id, '2025-05-05T09:00:00+02:00');

  const conversation = (key: string, form: string, at: string) =>
    sql(
      `INSERT INTO conversation (municipality_id, client_id, staff_id, held_at, duration_minutes, form, language, note_ciphertext) VALUES ($1, $2, $3, $4, 30, $5, 'de', $6)`,
      [municipalityId, clients[key], users.anna.id, at, form, CIPHERTEXT],
    );
  await conversation('c1', 'office', '2025-01-01T00:30:00+01:00'); // in (31.12.2024 23:30 UTC, 01.01. in Germany)
  await conversation('c1', 'phone', '2025-02-10T10:00:00+01:00'); // in
  await conversation('c1', 'phone', '2025-03-01T10:00:00+01:00'); // in
  await conversation('c2', 'video', '2025-03-15T10:00:00+01:00'); // in
  await conversation('c2', 'office', '2024-12-20T10:00:00+01:00'); // before
  await conversation('c3', 'home_visit', '2025-02-01T10:00:00+01:00'); // in (Bernd)
  await conversation('c4', 'office', '2025-04-01T00:30:00+02:00'); // after (31.03. 22:30 UTC, 01.04. in Germany)
  await conversation('c7', 'phone', '2025-01-20T10:00:00+01:00'); // in, counted under Bernd (manager at the end)
  await conversation('c8', 'office', '2025-02-02T10:00:00+01:00'); // in, unassigned

  const agree = (key: string, version: number, on: string) =>
    sql(`INSERT INTO plan_agreement (municipality_id, client_id, version, agreed_on, agreed_by, snapshot) VALUES ($1, $2, $3, $4, $5, '{"goals": [], "referrals": []}')`, [
      municipalityId,
      clients[key],
      version,
      on,
      users.anna.id,
    ]);
  await agree('c1', 1, '2025-02-15'); // agreed in the period
  await agree('c2', 1, '2024-07-20'); // before (within 3 months of the start)
  await agree('c2', 2, '2025-03-01'); // updated in the period
  await agree('c3', 1, '2025-01-20'); // agreed in the period (not within 3 months of the start)
  await agree('c7', 1, '2024-12-01'); // before (within 3 months)
  await agree('c7', 2, '2025-01-05'); // updated
  await agree('c7', 3, '2025-03-05'); // updated again: the client counts once
  await agree('c8', 1, '2025-04-10'); // after

  const goal = (key: string, field: string, state: string, changed: string, created: string) =>
    sql(
      `INSERT INTO goal (municipality_id, client_id, field_of_action, target, target_level, due_on, state, state_changed_on, created_at) VALUES ($1, $2, $3, 'Ziel', $4, '2026-01-01', $5, $6, $7)`,
      [municipalityId, clients[key], field, field === 'language' ? 'B1' : null, state, changed, `${created}T10:00:00+01:00`],
    );
  await goal('c1', 'language', 'in_progress', '2025-02-15', '2025-01-15');
  await goal('c1', 'work', 'achieved', '2025-04-15', '2025-01-15'); // achieved after the end: open at the end, not closed in the period
  await goal('c2', 'work', 'achieved', '2025-03-10', '2024-07-01'); // achieved in the period
  await goal('c2', 'housing', 'not_achieved', '2025-02-01', '2024-07-01'); // closed in the period, not achieved
  await goal('c2', 'housing', 'dropped', '2024-11-01', '2024-07-01'); // dropped before the period
  await goal('c3', 'language', 'achieved', '2025-02-15', '2024-10-01'); // achieved in the period (Bernd)
  await goal('c7', 'health', 'open', '2025-05-01', '2025-05-01'); // created after the end: not counted
  await goal('c8', 'family', 'open', '2024-12-05', '2024-12-05'); // unassigned

  const groups = Object.fromEntries(
    (await sql<{ id: string; name: string }>(`SELECT id, name FROM working_group WHERE municipality_id = $1`, [municipalityId])).map((g) => [g.name, g.id]),
  );
  const partner = async (name: string, groupNames: string[]) => {
    const id = await one(`INSERT INTO partner (municipality_id, name, kind) VALUES ($1, $2, 'organisation') RETURNING id`, [municipalityId, name]);
    const offer = await one(`INSERT INTO partner_offer (municipality_id, partner_id, topic, title) VALUES ($1, $2, 'language', 'Kurs') RETURNING id`, [municipalityId, id]);
    for (const g of groupNames) await sql(`INSERT INTO partner_working_group (municipality_id, partner_id, working_group_id) VALUES ($1, $2, $3)`, [municipalityId, id, groups[g]]);
    return { id, offer };
  };
  const p1 = await partner('Volkshochschule', ['Sprache']);
  const p2 = await partner('Caritas', ['Sprache', 'Beratung']);
  const p3 = await partner('Sportverein', []);
  const refer = (key: string, p: { id: string; offer: string }, state: string, sent: string | null) =>
    sql(`INSERT INTO referral (municipality_id, client_id, partner_offer_id, partner_id, state, sent_on, state_changed_on) VALUES ($1, $2, $3, $4, $5, $6, '2025-01-01')`, [
      municipalityId,
      clients[key],
      p.offer,
      p.id,
      state,
      sent,
    ]);
  await refer('c1', p1, 'sent', '2025-01-20'); // Anna: Sprache
  await refer('c1', p3, 'accepted', '2025-03-31'); // Anna: no working group
  await refer('c2', p2, 'completed', '2025-02-01'); // Anna: Sprache and Beratung (counts in each)
  await refer('c3', p1, 'sent', '2024-12-20'); // before
  await refer('c3', p2, 'proposed', null); // not sent
  await refer('c7', p3, 'sent', '2025-02-11'); // Bernd: no working group
  return { municipalityId, teamId, users, clients, groups };
}
