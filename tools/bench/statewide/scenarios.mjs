// The requests of each scenario, built per request from the signed-in users' own data (a manager opens only files of
// their own caseload, searches names of their own team, records conversations for their own active clients).
import { randomInt } from 'node:crypto';

const pick = (items) => items[randomInt(items.length)];
const SORTS = ['name', 'windowEnd', 'lastContact'];
const FIELDS = ['language', 'work', 'apprenticeship', 'housing', 'health'];

const get = (session, path) => ({ method: 'GET', path, headers: { cookie: session.cookie } });

/** Caseload list as the caseload page asks for it: open cases, a sort, now and then a filter. */
function caseload(manager) {
  const params = new URLSearchParams({ openCases: 'true', pageSize: '25' });
  const sort = pick(SORTS);
  if (sort !== 'name') params.set('sort', sort);
  if (randomInt(4) === 0) params.set('fieldOfAction', pick(FIELDS));
  return get(manager.session, `/api/clients?${params}`);
}

function conversation(manager) {
  const client = pick(manager.activeClients);
  return {
    method: 'POST',
    path: `/api/clients/${client}/conversations`,
    headers: { cookie: manager.session.cookie, 'x-csrf-token': manager.session.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({
      heldAt: new Date().toISOString(),
      durationMinutes: 45,
      form: 'office',
      interpreter: 'none',
      language: 'de',
      topics: ['work', 'language'],
      note: 'Bewerbung besprochen, Termin beim Sprachkursträger vereinbart. (Benchmark)',
    }),
  };
}

/**
 * Scenario name → request factory over the users of the run.
 * `users`: { managers: [{ session, clients, activeClients, searchTerms }], leads: [{ session }], evaluator: { session } }
 */
export function scenarios(users, { evaluationRequest }) {
  const withClients = users.managers.filter((m) => m.clients.length);
  const withActive = users.managers.filter((m) => m.activeClients.length);
  const withTerms = users.managers.filter((m) => m.searchTerms.length);
  return {
    caseload: () => caseload(pick(users.managers)),
    clientFile: () => {
      const manager = pick(withClients);
      return get(manager.session, `/api/clients/${pick(manager.clients)}/file`);
    },
    timeline: () => {
      const manager = pick(withClients);
      return get(manager.session, `/api/clients/${pick(manager.clients)}/timeline`);
    },
    search: () => {
      const manager = pick(withTerms);
      return get(manager.session, `/api/clients?${new URLSearchParams({ q: pick(manager.searchTerms), pageSize: '25' })}`);
    },
    recordConversation: () => conversation(pick(withActive)),
    teamDashboard: () => get(pick(users.leads).session, '/api/team/dashboard'),
    metrics: () => ({
      method: 'POST',
      path: '/api/evaluation/preview',
      headers: { cookie: users.evaluator.session.cookie, 'x-csrf-token': users.evaluator.session.csrf, 'content-type': 'application/json' },
      body: JSON.stringify(evaluationRequest),
    }),
  };
}

/** The daily mix of the people at work: mostly lists and files, some writing, team leads now and then. */
export const DAILY_MIX = [
  ['caseload', 30],
  ['clientFile', 25],
  ['timeline', 15],
  ['search', 15],
  ['recordConversation', 10],
  ['teamDashboard', 5],
];

export function mixed(factories, weights = DAILY_MIX) {
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  return () => {
    let roll = randomInt(total);
    for (const [name, weight] of weights) {
      if (roll < weight) return factories[name]();
      roll -= weight;
    }
    return factories[weights[0][0]]();
  };
}
