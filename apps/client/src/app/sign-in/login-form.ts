import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthService } from '../core/auth/auth.service';
import { authErrorKey } from './auth-error-key';

/** E-mail and password; errors (wrong credentials, too many attempts) are shown in the form. */
@Component({
  selector: 'ww-login-form',
  imports: [ReactiveFormsModule, MatButton, MatCardModule, MatFormFieldModule, MatInput, TranslocoDirective],
  templateUrl: './login-form.html',
  styleUrl: './sign-in.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginForm {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** Why the user is here again, e.g. `abgelaufen` after the idle timeout. */
  readonly reason = input<string | undefined>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly errorKey = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected async submit(): Promise<void> {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.errorKey.set(null);
    const { email, password } = this.form.getRawValue();
    try {
      await this.auth.signIn(email.trim(), password);
      await this.router.navigateByUrl(this.auth.homeUrl());
    } catch (error) {
      this.errorKey.set(authErrorKey(error));
      this.form.controls.password.reset();
    } finally {
      this.busy.set(false);
    }
  }
}
