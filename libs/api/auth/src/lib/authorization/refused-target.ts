/** What a refused request was aimed at, for its `denied` audit row: ids only, never a name. */
export interface RefusedTarget {
  entityType: string;
  entityId: string | null;
  clientId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OPAQUE_ID = /^[A-Za-z0-9-]{1,64}$/;
const ENTITY_TYPE_MAX_LENGTH = 32;

/**
 * The target of a request refused for lack of permission, from the route
 * pattern and its parameters: `/api/clients/:clientId/plan/review/approve` with
 * `clientId` → entity type `clients_plan_review_approve`, the client's id as
 * entity and client. So the data-protection officer's filter by client also
 * finds who tried and was refused. Parameters that are not well-formed ids are
 * left out (the request was refused anyway; the audit row must not fail).
 */
export function refusedTarget(routePath: string | undefined, params: Record<string, unknown>): RefusedTarget {
  const segments = (routePath ?? '').split('/').filter((segment) => segment && segment !== 'api');
  const words = segments.filter((segment) => !segment.startsWith(':')).map((segment) => segment.toLowerCase().replace(/[^a-z]+/g, '_').replace(/^_+|_+$/g, ''));
  const entityType = words.filter(Boolean).join('_').slice(0, ENTITY_TYPE_MAX_LENGTH).replace(/_+$/, '') || 'route';
  const paramNames = segments.filter((segment) => segment.startsWith(':')).map((segment) => segment.slice(1).replace(/\?$/, ''));
  const value = (name: string | undefined): string | null => {
    const raw = name === undefined ? undefined : params[name];
    return typeof raw === 'string' && OPAQUE_ID.test(raw) ? raw : null;
  };
  const uuid = (name: string | undefined): string | null => {
    const raw = value(name);
    return raw && UUID.test(raw) ? raw : null;
  };
  const clientParam = paramNames.includes('clientId') ? 'clientId' : segments[0] === 'clients' && segments[1]?.startsWith(':') ? segments[1].slice(1) : undefined;
  return {
    entityType: /^[a-z]/.test(entityType) ? entityType : 'route',
    entityId: value(paramNames[paramNames.length - 1]),
    clientId: uuid(clientParam),
  };
}
