import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@wegweiser/api/auth';
import { API_ROUTES, APP_VERSION, HealthResponse } from '@wegweiser/shared/contracts';
import { ReadinessService } from './readiness.service';

/**
 * Liveness and readiness for load balancers and orchestrators. The only
 * unauthenticated API routes; they reveal no data.
 */
@ApiTags('health')
@Controller()
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Public()
  @Get(API_ROUTES.health)
  @ApiOkResponse({ description: 'The process is alive.' })
  live(): HealthResponse {
    return { status: 'ok', version: APP_VERSION };
  }

  @Public()
  @Get(API_ROUTES.healthReady)
  @ApiOkResponse({ description: 'Database reachable and all migrations applied.' })
  @ApiServiceUnavailableResponse({ description: 'Not ready; `errors` names the failing checks.' })
  async ready(): Promise<HealthResponse> {
    const checks = await this.readiness.check();
    const failing = Object.entries(checks).filter(([, check]) => check.status !== 'ok');
    if (failing.length > 0) {
      throw new ServiceUnavailableException({
        code: 'notReady',
        message: `Not ready: ${failing.map(([name]) => name).join(', ')}`,
        errors: Object.fromEntries(failing.map(([name, check]) => [name, check.code ?? 'failed'])),
      });
    }
    return { status: 'ok', version: APP_VERSION, checks };
  }
}
