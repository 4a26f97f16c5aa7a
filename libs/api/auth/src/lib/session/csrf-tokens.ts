import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { CsrfTokenIssuer } from './configure-sessions';

/** Issues CSRF tokens; wired to the csrf-csrf middleware by `configureSessions`. */
@Injectable()
export class CsrfTokens {
  private issuer?: CsrfTokenIssuer;

  use(issuer: CsrfTokenIssuer): void {
    this.issuer = issuer;
  }

  issue(req: Request, res: Response, fresh = false): string {
    if (!this.issuer) throw new Error('configureSessions() has not been called');
    return this.issuer(req, res, fresh);
  }
}
