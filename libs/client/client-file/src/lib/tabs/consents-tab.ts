import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { FileTab } from './file-tab';

/** Einwilligungen: what the client agreed to, for whom, since when, until when. */
@Component({
  selector: 'ww-consents-tab',
  imports: [DatePipe, TranslocoDirective],
  templateUrl: './consents-tab.html',
  styleUrl: './tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsentsTab extends FileTab {}
