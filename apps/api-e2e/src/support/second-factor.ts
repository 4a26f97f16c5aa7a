import { TotpService } from '@wegweiser/api/auth';
import { CSRF_HEADER, SessionResponse } from '@wegweiser/shared/contracts';
import { SignedInAgent } from './sessions';

/** Enrols TOTP for a freshly signed-in admin/dpo and returns the now active session (with the new CSRF token). */
export async function completeTotpEnrolment(signed: SignedInAgent): Promise<SignedInAgent & { secret: string; recoveryCodes: string[] }> {
  const enrolment = await signed.agent.post('/api/auth/totp/enrol').set(CSRF_HEADER, signed.csrf).expect(200);
  const secret = enrolment.body.secret as string;
  const code = await new TotpService().generate(secret);
  const confirmed = await signed.agent.post('/api/auth/totp/confirm').set(CSRF_HEADER, signed.csrf).send({ code }).expect(200);
  const session = confirmed.body.session as SessionResponse;
  return { agent: signed.agent, csrf: session.csrfToken, session, secret, recoveryCodes: confirmed.body.recoveryCodes };
}
