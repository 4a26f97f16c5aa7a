export { type ClientRange, generateClient, generateClients } from './lib/client';
export { NAME_GROUPS, type NameGroup, type NamePair } from './lib/names';
export {
  DEFAULT_AVERAGES,
  DEFAULT_OPTIONS,
  DEFAULT_RATES,
  GOALS_PER_CLIENT_RANGE,
  resolveOptions,
  STEPS_PER_GOAL_RANGE,
  type SyntheticAverages,
  type SyntheticDataOptions,
  type SyntheticDataOptionsInput,
  type SyntheticRates,
} from './lib/options';
export { generateOrganisation, organisationSize, type OrganisationSize } from './lib/organisation';
export type * from './lib/types';
export { generatePartners, type SyntheticPartner, type SyntheticPartnerOffer } from './lib/partners';
