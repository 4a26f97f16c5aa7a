import '../session/session-data';
import { Body, Controller, ForbiddenException, Get, HttpCode, Inject, Patch, Post, Req, Res, UnauthorizedException, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditService } from '@wegweiser/api/audit';
import { APP_CONFIG, AppConfig, Public, SignedIn, TenantContext } from '@wegweiser/api/core';
import { TenantTransactions } from '@wegweiser/api/database';
import { UserAccountsService } from '@wegweiser/api/users';
import {
  API_ROUTES,
  AUTH_ERROR_CODES,
  CsrfTokenResponse,
  RecoveryCodesResponse,
  SESSION_COOKIE,
  SessionResponse,
  SessionStage,
  TotpEnrolmentResponse,
} from '@wegweiser/shared/contracts';
import type { Request, Response } from 'express';
import type { SessionData } from 'express-session';
import { CsrfTokens } from '../session/csrf-tokens';
import { destroy, regenerate, save } from '../session/session-helpers';
import { ChangePasswordDto, LoginDto, PreferencesDto, RecoveryCodeDto, TotpCodeDto } from './dto/auth.dto';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { PasswordChangeService } from './password-change.service';
import { SecondFactorService } from './second-factor.service';
import { SignInService } from './sign-in.service';

/** Sign-in, second factor, password change, sign-out, "who am I", and the user's own preferences. */
@ApiTags('auth')
@Controller(API_ROUTES.auth)
export class AuthController {
  constructor(
    private readonly signInService: SignInService,
    private readonly secondFactor: SecondFactorService,
    private readonly passwords: PasswordChangeService,
    private readonly accounts: UserAccountsService,
    private readonly csrf: CsrfTokens,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
    private readonly transactions: TenantTransactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A CSRF token for the current (possibly anonymous) session. */
  @Public()
  @Get('csrf')
  csrfToken(@Req() req: Request, @Res({ passthrough: true }) res: Response): CsrfTokenResponse {
    return { csrfToken: this.csrf.issue(req, res) };
  }

  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionResponse> {
    const { account, stage } = await this.signInService.signIn(dto.email, dto.password);
    await regenerate(req);
    Object.assign(req.session, { userId: account.id, municipalityId: account.municipalityId, role: account.role, stage, signedInAt: Date.now() });
    await save(req.session);
    this.tenant.setUser({ id: account.id, municipalityId: account.municipalityId, teamId: account.teamId, role: account.role });
    return this.transactions.withTenant(account.municipalityId, account.id, () => this.sessionResponse(req, res, stage, true));
  }

  @SignedIn({ pendingSecondFactor: true })
  @Get('me')
  async me(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionResponse> {
    return this.sessionResponse(req, res, req.session.stage ?? 'active');
  }

  @SignedIn({ pendingSecondFactor: true })
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.audit.record({ action: 'logout', outcome: 'success', entityType: 'user', entityId: req.session.userId });
    await destroy(req);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @SignedIn({ pendingSecondFactor: true })
  @Post('totp/enrol')
  @HttpCode(200)
  async enrolTotp(@Req() req: Request): Promise<TotpEnrolmentResponse> {
    this.requireStage(req, ['totp_enrol', 'active']);
    return this.secondFactor.startEnrolment(this.tenant.requireUser().id);
  }

  @SignedIn({ pendingSecondFactor: true })
  @Post('totp/confirm')
  @HttpCode(200)
  async confirmTotp(@Body() dto: TotpCodeDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<RecoveryCodesResponse> {
    this.requireStage(req, ['totp_enrol', 'active']);
    const recoveryCodes = await this.secondFactor.confirmEnrolment(this.tenant.requireUser().id, dto.code);
    return { recoveryCodes, session: await this.advance(req, res) };
  }

  @SignedIn({ pendingSecondFactor: true })
  @UseGuards(LoginThrottlerGuard)
  @Post('totp/verify')
  @HttpCode(200)
  async verifyTotp(@Body() dto: TotpCodeDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionResponse> {
    this.requireStage(req, ['totp_verify']);
    await this.secondFactor.verify(this.tenant.requireUser().id, dto.code);
    return this.advance(req, res);
  }

  @SignedIn({ pendingSecondFactor: true })
  @UseGuards(LoginThrottlerGuard)
  @Post('totp/recover')
  @HttpCode(200)
  async recover(@Body() dto: RecoveryCodeDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionResponse> {
    this.requireStage(req, ['totp_verify']);
    await this.secondFactor.useRecoveryCode(this.tenant.requireUser().id, dto.recoveryCode);
    return this.advance(req, res);
  }

  /**
   * Rate-limited like sign-in (per IP, per account). A wrong current password counts towards the account's lockout;
   * the attempt that locks it (or any during a lock) ends every session of the account: 401 `sessionExpired` with
   * `Retry-After` (seconds until the lock ends). A successful change ends the account's other sessions and gives
   * this one a new id and a new CSRF token (in the answer).
   */
  @SignedIn({ pendingSecondFactor: true })
  @UseGuards(LoginThrottlerGuard)
  @Post('password')
  @HttpCode(200)
  async changePassword(@Body() dto: ChangePasswordDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionResponse> {
    this.requireStage(req, ['password_change', 'active']);
    const outcome = await this.passwords.change(this.tenant.requireUser(), req.sessionID, dto.currentPassword, dto.newPassword);
    if (outcome.kind === 'locked') {
      await destroy(req);
      res.clearCookie(SESSION_COOKIE, { path: '/' });
      res.setHeader('Retry-After', String(outcome.retryAfterSeconds));
      throw new UnauthorizedException({ code: AUTH_ERROR_CODES.sessionExpired, message: 'Too many wrong passwords: the account is locked for a while. Please sign in again later.' });
    }
    const stage: SessionStage = req.session.stage === 'password_change' ? 'active' : (req.session.stage ?? 'active');
    await this.renew(req, { stage });
    return this.sessionResponse(req, res, stage, true);
  }

  /** The signed-in user's own settings (the interface language), kept with the account for the next sign-in. */
  @SignedIn()
  @Patch('preferences')
  async updatePreferences(@Body() dto: PreferencesDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionResponse> {
    const userId = this.tenant.requireUser().id;
    await this.accounts.update(userId, { locale: dto.locale });
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'user_preferences', entityId: userId });
    return this.sessionResponse(req, res, req.session.stage ?? 'active');
  }

  /** After a completed second factor: a new session id, then the password step if one is due. */
  private async advance(req: Request, res: Response): Promise<SessionResponse> {
    const user = await this.accounts.findActive(this.tenant.requireUser().id);
    const stage: SessionStage = user?.passwordMustChange ? 'password_change' : 'active';
    await this.renew(req, { stage });
    return this.sessionResponse(req, res, stage, true);
  }

  /** The same signed-in session under a new id (the old id ends): after the second factor and after a password change. */
  private async renew(req: Request, changes: Partial<SessionData>): Promise<void> {
    const data = { userId: req.session.userId, municipalityId: req.session.municipalityId, role: req.session.role, stage: req.session.stage, signedInAt: req.session.signedInAt };
    await regenerate(req);
    Object.assign(req.session, data, changes);
    await save(req.session);
  }

  private requireStage(req: Request, allowed: SessionStage[]): void {
    if (!allowed.includes(req.session.stage ?? 'active')) {
      throw new ForbiddenException({ code: AUTH_ERROR_CODES.secondFactorRequired, message: 'This step is not due.' });
    }
  }

  private async sessionResponse(req: Request, res: Response, stage: SessionStage, freshCsrf = false): Promise<SessionResponse> {
    const user = await this.accounts.findActive(this.tenant.requireUser().id);
    if (!user) throw new ForbiddenException({ code: AUTH_ERROR_CODES.sessionExpired, message: 'The account is not active.' });
    return { me: await this.accounts.me(user, stage), csrfToken: this.csrf.issue(req, res, freshCsrf), idleTimeoutSeconds: this.config.SESSION_IDLE_TIMEOUT_SECONDS };
  }
}
