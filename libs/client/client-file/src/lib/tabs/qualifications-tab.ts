import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { DisplayNamePipe } from '../display-name.pipe';
import { FileTab } from './file-tab';

/** Qualifikationen & Sprachen: schooling, training, recognition, work experience, CEFR levels. */
@Component({
  selector: 'ww-qualifications-tab',
  imports: [DatePipe, DecimalPipe, TranslocoDirective, DisplayNamePipe],
  templateUrl: './qualifications-tab.html',
  styleUrl: './tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QualificationsTab extends FileTab {}
