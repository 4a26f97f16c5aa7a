import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { DuplicateCheckResponse } from '@wegweiser/shared/contracts';
import { IsolatePipe, UserText } from '@wegweiser/client/ui';

/**
 * Possible matches while the intake is typed: the own team's with a link to
 * the file, another team's only as "ask your team lead" (no name, § 35 SGB I).
 * A polite live region: screen readers hear the result without losing focus.
 */
@Component({
  selector: 'ww-duplicate-panel',
  imports: [RouterLink, TranslocoDirective, IsolatePipe, UserText],
  template: `
    <ng-container *transloco="let t; prefix: 'intake.duplicates'">
      <div class="duplicates" role="status" aria-live="polite" [attr.aria-busy]="checking()">
        @let found = result();
        @if (found && (found.matches.length || found.otherTeams.length)) {
          <div class="duplicates__box">
            <h2 class="duplicates__title">{{ t('title') }}</h2>
            <p class="duplicates__intro">{{ t('intro') }}</p>
            <ul class="duplicates__list">
              @for (match of found.matches; track match.id) {
                <li>
                  <a [routerLink]="['/klienten', match.id]">
                    <span dir="auto">{{ match.lastName }}, {{ match.firstName }}</span>
                    @if (match.lastNameOriginal || match.firstNameOriginal) {
                      (<span dir="auto">{{ match.firstNameOriginal }} {{ match.lastNameOriginal }}</span>)
                    }
                    · {{ match.caseNumber }}
                  </a>
                </li>
              }
              @for (team of found.otherTeams; track team.teamName) {
                <li class="duplicates__other"><ww-user-text [text]="t('otherTeam', { team: (label(team.teamName) | isolate) })" /></li>
              }
            </ul>
          </div>
        } @else if (found) {
          <p class="duplicates__none">{{ t('none') }}</p>
        }
      </div>
    </ng-container>
  `,
  styles: `
    .duplicates__box {
      border: 1px solid var(--mat-sys-outline);
      border-left: 4px solid var(--mat-sys-tertiary);
      border-radius: 8px;
      padding: 0.75rem 1rem;
      background: var(--mat-sys-surface-container-low);
    }
    .duplicates__title {
      font: var(--mat-sys-title-medium);
      margin: 0 0 0.25rem;
    }
    .duplicates__intro,
    .duplicates__none {
      margin: 0 0 0.5rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .duplicates__list {
      margin: 0;
      padding-left: 1.25rem;
    }
    .duplicates__list li {
      margin: 0.25rem 0;
      overflow-wrap: anywhere;
    }
    .duplicates__list a {
      color: var(--mat-sys-primary);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DuplicatePanel {
  /** The latest check (null: not enough typed yet). */
  readonly result = input<DuplicateCheckResponse | null>(null);
  readonly checking = input(false);
  protected readonly label = teamLabel;
}

/** "Team Süd" stays, "Süd" becomes "Team Süd": the texts say "im {{team}}". */
export function teamLabel(name: string): string {
  return /^team\b/i.test(name.trim()) ? name.trim() : `Team ${name.trim()}`;
}
