import { Role } from '@wegweiser/shared/contracts';
import { createHash } from 'node:crypto';

interface PartnerAdminRouteCase {
  method: 'GET' | 'POST';
  path: string;
  allowed: Role[];
  prepare?: () => Promise<{ body?: object; file?: { name: string; content: Buffer; fields?: Record<string, string> } }>;
}

let serial = 0;
/** A file with the header only: an empty plan, whose token is the digest of `{"plan":[],"errors":[]}` (see toPreview). */
const emptyList = () => ({ name: 'partner.csv', content: Buffer.from('Name\r\n', 'utf8') });
const EMPTY_PLAN_TOKEN = createHash('sha256').update(JSON.stringify({ plan: [], errors: [] })).digest('base64url');

/** Working groups (read with the directory, added by admins) and the partner import (admins), for the permission matrix. */
export const PARTNER_ADMIN_ROUTES: PartnerAdminRouteCase[] = [
  { method: 'GET', path: '/api/working-groups', allowed: ['manager', 'team_lead', 'admin'] },
  { method: 'POST', path: '/api/working-groups', allowed: ['admin'], prepare: async () => ({ body: { name: `Matrix-Arbeitskreis ${++serial}` } }) },
  { method: 'POST', path: '/api/partners/import/preview', allowed: ['admin'], prepare: async () => ({ file: emptyList() }) },
  { method: 'POST', path: '/api/partners/import/confirm', allowed: ['admin'], prepare: async () => ({ file: { ...emptyList(), fields: { token: EMPTY_PLAN_TOKEN } } }) },
];
