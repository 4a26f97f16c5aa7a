import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthService } from '../core/auth/auth.service';
import { authErrorKey } from './auth-error-key';

/** At least 12 characters (the API checks the rest). */
export const MIN_PASSWORD_LENGTH = 12;

function repeated(group: AbstractControl): ValidationErrors | null {
  const { newPassword, repeat } = group.value as { newPassword?: string; repeat?: string };
  return newPassword === repeat ? null : { mismatch: true };
}

/** A new password, due after a one-time password (e.g. the first administrator). */
@Component({
  selector: 'ww-password-page',
  imports: [ReactiveFormsModule, MatButton, MatCardModule, MatFormFieldModule, MatInput, TranslocoDirective],
  templateUrl: './password-page.html',
  styleUrl: './sign-in.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly minLength = MIN_PASSWORD_LENGTH;
  protected readonly errorKey = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      currentPassword: ['', Validators.required],
      newPassword: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)]],
      repeat: ['', Validators.required],
    },
    { validators: repeated },
  );

  protected async submit(): Promise<void> {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      this.errorKey.set(this.form.hasError('mismatch') ? 'password.mismatch' : null);
      return;
    }
    this.busy.set(true);
    this.errorKey.set(null);
    const { currentPassword, newPassword } = this.form.getRawValue();
    try {
      await this.auth.changePassword(currentPassword, newPassword);
      await this.router.navigateByUrl(this.auth.homeUrl());
    } catch (error) {
      this.errorKey.set(authErrorKey(error));
    } finally {
      this.busy.set(false);
    }
  }
}
