import { SetMetadata } from '@nestjs/common';
import { Permission } from '@wegweiser/shared/contracts';

/**
 * `@RequirePermission` of @wegweiser/api/auth, restated with the same
 * metadata key for auth's global guard to read. Importing it from there
 * would close a circle: api-auth depends on this lib (it audits sign-ins and
 * denials). apps/api-e2e/src/audit/audit-route.e2e-spec.ts fails if the two
 * drift apart. Once the decorator lives in @wegweiser/api/core, import it
 * from there and delete this file.
 */
const PERMISSION_KEY = 'wegweiser:permission';

export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);
