import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { TotpEnrolmentResponse } from '@wegweiser/shared/contracts';
import { AuthService } from '../core/auth/auth.service';
import { authErrorKey } from './auth-error-key';

/**
 * The second factor: first sign-in sets up an authenticator app (QR code or
 * secret, confirmed with a code, then the recovery codes once); later
 * sign-ins check a code or a recovery code.
 */
@Component({
  selector: 'ww-totp-page',
  imports: [ReactiveFormsModule, MatButton, MatCardModule, MatFormFieldModule, MatInput, TranslocoDirective],
  templateUrl: './totp-page.html',
  styleUrl: './sign-in.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TotpPage implements OnInit {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly enrolling = computed(() => this.auth.stage() === 'totp_enrol');
  protected readonly enrolment = signal<TotpEnrolmentResponse | null>(null);
  protected readonly recoveryCodes = signal<string[] | null>(null);
  protected readonly useRecoveryCode = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required]],
  });

  ngOnInit(): void {
    if (this.enrolling()) {
      this.auth
        .enrol()
        .then((enrolment) => this.enrolment.set(enrolment))
        .catch((error: unknown) => this.errorKey.set(authErrorKey(error)));
    }
  }

  protected toggleRecovery(): void {
    this.useRecoveryCode.update((value) => !value);
    this.form.reset();
    this.errorKey.set(null);
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    const code = this.form.getRawValue().code.replace(/\s+/g, '');
    this.busy.set(true);
    this.errorKey.set(null);
    try {
      if (this.enrolling()) {
        this.recoveryCodes.set((await this.auth.confirm(code)).recoveryCodes);
      } else {
        await (this.useRecoveryCode() ? this.auth.recover(code) : this.auth.verifyTotp(code));
        await this.continue();
      }
    } catch (error) {
      this.errorKey.set(authErrorKey(error));
      this.form.reset();
    } finally {
      this.busy.set(false);
    }
  }

  protected async continue(): Promise<void> {
    await this.router.navigateByUrl(this.auth.homeUrl());
  }
}
