import { refusedTarget } from './refused-target';

const CLIENT = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const REVIEW = '9b2d6f3c-1c1e-4a57-8f3e-6d2a1b0c9e77';

describe('refusedTarget', () => {
  it('names the client of a route below /clients/:clientId', () => {
    expect(refusedTarget('/api/clients/:clientId/plan/review/approve', { clientId: CLIENT })).toEqual({
      entityType: 'clients_plan_review_approve',
      entityId: CLIENT,
      clientId: CLIENT,
    });
  });

  it('names the client of /clients/:id routes and the last parameter as the entity', () => {
    expect(refusedTarget('/api/clients/:id/legal-hold', { id: CLIENT })).toEqual({ entityType: 'clients_legal_hold', entityId: CLIENT, clientId: CLIENT });
    expect(refusedTarget('/api/clients/:clientId/conversations/:id', { clientId: CLIENT, id: REVIEW })).toEqual({
      entityType: 'clients_conversations',
      entityId: REVIEW,
      clientId: CLIENT,
    });
  });

  it('has no client for other routes', () => {
    expect(refusedTarget('/api/users/:id/reset-password', { id: REVIEW })).toEqual({ entityType: 'users_reset_password', entityId: REVIEW, clientId: null });
    expect(refusedTarget('/api/audit', {})).toEqual({ entityType: 'audit', entityId: null, clientId: null });
  });

  it('leaves out parameters that are not well-formed ids, and keeps the entity type within the audit pattern', () => {
    expect(refusedTarget('/api/clients/:clientId/plan', { clientId: "x' OR 1=1" })).toEqual({ entityType: 'clients_plan', entityId: null, clientId: null });
    expect(refusedTarget('/api/clients/:clientId/plan', { clientId: 'not-a-uuid' })).toEqual({ entityType: 'clients_plan', entityId: 'not-a-uuid', clientId: null });
    const long = refusedTarget('/api/clients/:clientId/very-long-segment-name/and-another-long-one/and-more', { clientId: CLIENT });
    expect(long.entityType).toMatch(/^[a-z][a-z_]{0,31}$/);
    expect(refusedTarget(undefined, {})).toEqual({ entityType: 'route', entityId: null, clientId: null });
  });
});
