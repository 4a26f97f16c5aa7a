import {
  generateClients,
  generatePartners,
  type SyntheticClient,
  type SyntheticDataOptionsInput,
  type SyntheticGoal,
  type SyntheticOrganisation,
  type SyntheticPartner,
} from '@wegweiser/api/synthetic-data';
import type { PoolClient } from 'pg';
import { copyRows } from './copy-writer';

/**
 * The partner directory of every municipality and the clients' integration
 * plans (goals with their agreed steps), see migration AddPlansConsentsPartners.
 * Clients are generated again per table: the stream is deterministic and never held in memory.
 */
export async function seedPlanRows(client: PoolClient, options: SyntheticDataOptionsInput, organisation: SyntheticOrganisation): Promise<Record<string, number>> {
  const partners = generatePartners(organisation);
  return {
    partners: await copyRows(client, 'partner', PARTNER_COLUMNS, partnerRows(partners)),
    partnerOffers: await copyRows(client, 'partner_offer', PARTNER_OFFER_COLUMNS, partnerOfferRows(partners)),
    goals: await copyRows(client, 'goal', GOAL_COLUMNS, goalRows(generateClients(options, organisation))),
    goalSteps: await copyRows(client, 'goal_step', GOAL_STEP_COLUMNS, goalStepRows(generateClients(options, organisation))),
  };
}

const PARTNER_COLUMNS = ['id', 'municipality_id', 'name', 'kind', 'description', 'email', 'phone', 'website', 'address'];

export function* partnerRows(partners: Iterable<SyntheticPartner>) {
  for (const p of partners) yield [p.id, p.municipalityId, p.name, p.kind, p.description, p.email, p.phone, p.website, p.address];
}

const PARTNER_OFFER_COLUMNS = ['id', 'municipality_id', 'partner_id', 'topic', 'title', 'description'];

export function* partnerOfferRows(partners: Iterable<SyntheticPartner>) {
  for (const p of partners) for (const o of p.offers) yield [o.id, p.municipalityId, p.id, o.topic, o.title, o.description];
}

const GOAL_COLUMNS = ['id', 'municipality_id', 'client_id', 'field_of_action', 'target', 'target_level', 'due_on', 'state', 'state_changed_on', 'created_at'];

/** Dates inside the support window, as the API keeps them (the generator's late goals may reach beyond it). */
const withinWindow = (date: string, client: SyntheticClient) => (date > client.support.windowEndsOn ? client.support.windowEndsOn : date);

/** The day a goal reached its state: achieved on the outcome day; failed or dropped at the due date (or when the case closed). */
function stateChangedOn(goal: SyntheticGoal, client: SyntheticClient): string {
  if (goal.achievedOn) return goal.achievedOn;
  if (goal.state === 'not_achieved' || goal.state === 'dropped') {
    const closed = client.support.closedOn;
    const due = withinWindow(goal.dueOn, client);
    return closed && closed < due ? closed : due;
  }
  return goal.createdOn;
}

export function* goalRows(clients: Iterable<SyntheticClient>) {
  for (const c of clients) {
    for (const g of c.goals) {
      // The generator's language goals aim at B1 (the success criterion of the evaluation); B2 for those who arrived with B1.
      const level = g.fieldOfAction === 'language' ? (c.outcomes.b1PresentAtStart ? 'B2' : 'B1') : null;
      yield [g.id, c.municipalityId, c.id, g.fieldOfAction, g.target, level, withinWindow(g.dueOn, c), g.state, stateChangedOn(g, c), `${g.createdOn}T08:00:00Z`];
    }
  }
}

const GOAL_STEP_COLUMNS = ['id', 'municipality_id', 'goal_id', 'description', 'assignee', 'due_on', 'done_on', 'created_at'];

export function* goalStepRows(clients: Iterable<SyntheticClient>) {
  for (const c of clients) {
    for (const g of c.goals) {
      for (const [i, s] of g.steps.entries()) {
        // Steps keep their order through created_at (one second apart).
        yield [s.id, c.municipalityId, g.id, s.description, s.assignee, withinWindow(s.dueOn, c), s.doneOn, `${g.createdOn}T08:00:${String(i).padStart(2, '0')}Z`];
      }
    }
  }
}
