import type { CefrLevel, ResidenceStatusCode } from '@wegweiser/shared/contracts';
import type { NameGroupCode } from './types';

/** A further language a client may speak: ISO 639-1 code, probability, level range. */
export type ExtraLanguage = readonly [language: string, probability: number, minLevel: CefrLevel, maxLevel: CefrLevel];

/**
 * Where clients come from. Weights roughly follow the main countries of origin
 * of people seeking protection in Germany since 2015.
 */
export interface OriginProfile {
  country: string;
  weight: number;
  nameGroup: NameGroupCode;
  femaleShare: number;
  /** Native languages with weights. */
  native: readonly (readonly [string, number])[];
  extra: readonly ExtraLanguage[];
  residence: readonly (readonly [ResidenceStatusCode, number])[];
  /** No arrival before this ISO date (e.g. Ukraine: 2022-02-24). */
  earliestArrival: string;
  /** School years: triangular min/mode/max. */
  schoolYears: readonly [number, number, number];
  vocationalShare: number;
  universityShare: number;
  /** Other countries where schooling or work may have happened (transit, exile). */
  otherCountries: readonly string[];
  statelessShare: number;
}

const ENGLISH: ExtraLanguage = ['en', 0.25, 'A1', 'B2'];

export const ORIGIN_PROFILES: readonly OriginProfile[] = [
  {
    country: 'UA', weight: 28, nameGroup: 'ukrainian', femaleShare: 0.68,
    native: [['uk', 1]], extra: [['ru', 0.85, 'B2', 'C2'], ['en', 0.4, 'A2', 'B2']],
    residence: [['temporary_protection', 0.95], ['residence_permit_humanitarian', 0.05]],
    earliestArrival: '2022-02-24', schoolYears: [10, 11, 12], vocationalShare: 0.35, universityShare: 0.4,
    otherCountries: ['PL'], statelessShare: 0,
  },
  {
    country: 'SY', weight: 20, nameGroup: 'arabic', femaleShare: 0.36,
    native: [['ar', 1]], extra: [ENGLISH, ['tr', 0.1, 'A1', 'B1']],
    residence: [['residence_permit_refugee', 0.62], ['permission_to_reside', 0.12], ['settlement_permit', 0.12], ['residence_permit_humanitarian', 0.1], ['residence_permit_asylum', 0.04]],
    earliestArrival: '2015-01-01', schoolYears: [4, 9, 14], vocationalShare: 0.2, universityShare: 0.12,
    otherCountries: ['TR', 'LB', 'JO'], statelessShare: 0,
  },
  {
    country: 'SY', weight: 3, nameGroup: 'kurdish', femaleShare: 0.4,
    native: [['ku', 1]], extra: [['ar', 0.9, 'B1', 'C2'], ENGLISH],
    residence: [['residence_permit_refugee', 0.6], ['permission_to_reside', 0.15], ['settlement_permit', 0.1], ['residence_permit_humanitarian', 0.15]],
    earliestArrival: '2015-01-01', schoolYears: [3, 8, 13], vocationalShare: 0.15, universityShare: 0.08,
    otherCountries: ['TR', 'IQ'], statelessShare: 0.2,
  },
  {
    country: 'AF', weight: 15, nameGroup: 'persian', femaleShare: 0.32,
    native: [['fa', 0.75], ['ps', 0.25]], extra: [['fa', 0.5, 'B1', 'C2'], ['ur', 0.1, 'A1', 'B1'], ENGLISH],
    residence: [['permission_to_reside', 0.28], ['residence_permit_refugee', 0.27], ['residence_permit_humanitarian', 0.2], ['toleration', 0.15], ['settlement_permit', 0.05], ['residence_permit_asylum', 0.05]],
    earliestArrival: '2015-01-01', schoolYears: [0, 6, 12], vocationalShare: 0.1, universityShare: 0.06,
    otherCountries: ['IR', 'PK', 'TR'], statelessShare: 0,
  },
  {
    country: 'IR', weight: 3, nameGroup: 'persian', femaleShare: 0.4,
    native: [['fa', 1]], extra: [['en', 0.45, 'A2', 'C1'], ['tr', 0.1, 'A1', 'B1']],
    residence: [['permission_to_reside', 0.4], ['residence_permit_refugee', 0.3], ['toleration', 0.15], ['residence_permit_humanitarian', 0.15]],
    earliestArrival: '2015-01-01', schoolYears: [8, 12, 16], vocationalShare: 0.2, universityShare: 0.35,
    otherCountries: ['TR'], statelessShare: 0,
  },
  {
    country: 'IQ', weight: 6, nameGroup: 'arabic', femaleShare: 0.38,
    native: [['ar', 0.85], ['ku', 0.15]], extra: [['ar', 0.1, 'B1', 'C2'], ENGLISH],
    residence: [['permission_to_reside', 0.3], ['residence_permit_refugee', 0.25], ['toleration', 0.2], ['residence_permit_humanitarian', 0.15], ['settlement_permit', 0.1]],
    earliestArrival: '2015-01-01', schoolYears: [3, 9, 14], vocationalShare: 0.15, universityShare: 0.1,
    otherCountries: ['TR', 'SY'], statelessShare: 0,
  },
  {
    country: 'TR', weight: 7, nameGroup: 'turkish', femaleShare: 0.38,
    native: [['tr', 1]], extra: [['en', 0.35, 'A2', 'B2']],
    residence: [['permission_to_reside', 0.5], ['residence_permit_refugee', 0.2], ['toleration', 0.2], ['residence_permit_humanitarian', 0.1]],
    earliestArrival: '2016-07-15', schoolYears: [5, 12, 16], vocationalShare: 0.2, universityShare: 0.3,
    otherCountries: [], statelessShare: 0,
  },
  {
    country: 'TR', weight: 4, nameGroup: 'kurdish', femaleShare: 0.35,
    native: [['ku', 1]], extra: [['tr', 0.95, 'B2', 'C2'], ENGLISH],
    residence: [['permission_to_reside', 0.5], ['residence_permit_refugee', 0.2], ['toleration', 0.2], ['residence_permit_humanitarian', 0.1]],
    earliestArrival: '2015-01-01', schoolYears: [5, 10, 15], vocationalShare: 0.2, universityShare: 0.15,
    otherCountries: [], statelessShare: 0,
  },
  {
    country: 'ER', weight: 4, nameGroup: 'tigrinya', femaleShare: 0.35,
    native: [['ti', 1]], extra: [['am', 0.2, 'A2', 'B2'], ['ar', 0.2, 'A1', 'B1'], ['en', 0.3, 'A1', 'B1']],
    residence: [['residence_permit_refugee', 0.6], ['residence_permit_humanitarian', 0.2], ['permission_to_reside', 0.15], ['settlement_permit', 0.05]],
    earliestArrival: '2015-01-01', schoolYears: [2, 8, 12], vocationalShare: 0.1, universityShare: 0.04,
    otherCountries: ['SD', 'ET', 'LY'], statelessShare: 0,
  },
  {
    country: 'SO', weight: 3, nameGroup: 'somali', femaleShare: 0.4,
    native: [['so', 1]], extra: [['ar', 0.4, 'A2', 'B2'], ['en', 0.3, 'A1', 'B2']],
    residence: [['residence_permit_refugee', 0.35], ['residence_permit_humanitarian', 0.25], ['permission_to_reside', 0.25], ['toleration', 0.15]],
    earliestArrival: '2015-01-01', schoolYears: [0, 6, 12], vocationalShare: 0.08, universityShare: 0.04,
    otherCountries: ['ET', 'KE', 'LY'], statelessShare: 0,
  },
  {
    country: 'RU', weight: 3, nameGroup: 'russian', femaleShare: 0.45,
    native: [['ru', 1]], extra: [['en', 0.45, 'A2', 'C1']],
    residence: [['permission_to_reside', 0.5], ['residence_permit_refugee', 0.2], ['residence_permit_humanitarian', 0.15], ['toleration', 0.15]],
    earliestArrival: '2015-01-01', schoolYears: [10, 11, 16], vocationalShare: 0.3, universityShare: 0.45,
    otherCountries: ['GE', 'AM'], statelessShare: 0,
  },
];
