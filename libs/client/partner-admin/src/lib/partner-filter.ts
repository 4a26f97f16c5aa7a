import { PartnerResponse, PartnerTopic } from '@wegweiser/shared/contracts';

export type PartnerStatusFilter = 'all' | 'active' | 'inactive';

export interface PartnerFilter {
  text: string;
  workingGroupId: string | null;
  topic: PartnerTopic | null;
  status: PartnerStatusFilter;
}

export const NO_FILTER: PartnerFilter = { text: '', workingGroupId: null, topic: null, status: 'all' };

/**
 * The partners matching every filter: part of the name (case-insensitive),
 * a working group, a topic of one of its offers (active or not: the admin
 * keeps the directory), active or inactive.
 */
export function filterPartners(partners: readonly PartnerResponse[], filter: PartnerFilter): PartnerResponse[] {
  const text = filter.text.trim().toLocaleLowerCase('de');
  return partners.filter(
    (p) =>
      (!text || p.name.toLocaleLowerCase('de').includes(text)) &&
      (!filter.workingGroupId || p.workingGroupIds.includes(filter.workingGroupId)) &&
      (!filter.topic || p.offers.some((o) => o.topic === filter.topic)) &&
      (filter.status === 'all' || p.active === (filter.status === 'active')),
  );
}

/** Language codes from a text field (`de, EN;ar`): lower case, once each; `null` if one is not a code. */
export function parseLanguages(text: string): string[] | null {
  const codes = text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toLowerCase())
    .filter(Boolean);
  if (codes.some((code) => !/^[a-z]{2,3}$/.test(code))) return null;
  return [...new Set(codes)];
}
