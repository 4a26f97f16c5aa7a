export type HealthStatus = 'ok' | 'error';

/** `GET /api/health` (liveness) and `GET /api/health/ready` (readiness). */
export interface HealthResponse {
  status: HealthStatus;
  /** Only on readiness: each dependency checked, by name. */
  checks?: Record<string, { status: HealthStatus; code?: string }>;
  version: string;
}
