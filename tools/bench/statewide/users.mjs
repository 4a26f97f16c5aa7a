// Who works during the benchmark: managers spread over all teams (with the ids of their own clients and name
// fragments of their team's clients to search for), team leads, and the evaluator of the largest municipality.
import { query } from './postgres.mjs';

export async function loadUsers(ownerUrl, baseUrl, counts, signInAll) {
  const managers = await query(
    ownerUrl,
    `SELECT id, email, team_id FROM app_user WHERE role = 'manager' AND active ORDER BY md5(id::text) LIMIT $1`,
    [counts.managers],
  );
  const clients = await query(
    ownerUrl,
    `SELECT responsible_manager_id AS manager, id, support_state = 'active' AND support_window_end >= current_date AS writable
       FROM client WHERE responsible_manager_id = ANY($1::uuid[])`,
    [managers.map((m) => m.id)],
  );
  const terms = await query(
    ownerUrl,
    `SELECT team_id, array_agg(term) AS terms FROM (
       SELECT DISTINCT team_id, lower(left(last_name, 3)) AS term FROM client WHERE team_id = ANY($1::uuid[])) t GROUP BY team_id`,
    [[...new Set(managers.map((m) => m.team_id))]],
  );
  const leads = await query(
    ownerUrl,
    `SELECT email FROM app_user WHERE role = 'team_lead' AND active ORDER BY md5(id::text) LIMIT $1`,
    [counts.leads],
  );
  const [evaluator] = await query(
    ownerUrl,
    `SELECT u.email, m.name AS municipality, (SELECT count(*) FROM client c WHERE c.municipality_id = m.id)::int AS clients
       FROM app_user u JOIN municipality m ON m.id = u.municipality_id
      WHERE u.role = 'evaluator' AND u.active ORDER BY clients DESC, u.email LIMIT 1`,
  );

  const managerSessions = await signInAll(baseUrl, managers.map((m) => m.email));
  const leadSessions = await signInAll(baseUrl, leads.map((l) => l.email));
  const [evaluatorSession] = await signInAll(baseUrl, [evaluator.email]);
  const termsByTeam = new Map(terms.map((t) => [t.team_id, t.terms.slice(0, 40)]));
  return {
    managers: managers.map((m, i) => {
      const own = clients.filter((c) => c.manager === m.id);
      return {
        session: managerSessions[i],
        clients: own.map((c) => c.id),
        activeClients: own.filter((c) => c.writable).map((c) => c.id),
        searchTerms: termsByTeam.get(m.team_id) ?? [],
      };
    }),
    leads: leadSessions.map((session) => ({ session })),
    evaluator: { session: evaluatorSession, clients: evaluator.clients, municipality: evaluator.municipality },
  };
}
