import { ConsentResponse, REFERRAL_TRANSITIONS, ReferralState } from '@wegweiser/shared/contracts';

/** Whether data may reach a partner: the client's valid consent for it, if any. */
export type ConsentCheck = { status: 'valid'; validUntil: string | null } | { status: 'missing' };

/**
 * The consent check of a referral to `partnerId`: valid consents (today) of the
 * client for that partner; the longest-lasting one counts (`null` = until withdrawn).
 */
export function consentCheck(consents: readonly ConsentResponse[], partnerId: string): ConsentCheck {
  const valid = consents.filter((consent) => consent.recipientKind === 'partner' && consent.partnerId === partnerId && consent.valid);
  if (valid.length === 0) return { status: 'missing' };
  const validUntil = valid.some((consent) => consent.validUntil === null)
    ? null
    : valid.map((consent) => consent.validUntil as string).sort().at(-1) ?? null;
  return { status: 'valid', validUntil };
}

/** The states a referral may move on to from `state` (forward only). */
export function nextReferralStates(state: ReferralState): readonly ReferralState[] {
  return REFERRAL_TRANSITIONS[state];
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Today as `YYYY-MM-DD` in the browser's time zone (the manager's calendar day). */
export function today(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
