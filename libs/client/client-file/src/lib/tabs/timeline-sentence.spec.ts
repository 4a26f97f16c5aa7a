import { TimelineEventResponse } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { timelineActor, timelineSentence } from './timeline-tab';

const i18n = (lang: string) => JSON.parse(readFileSync(join(__dirname, `../../../../../../apps/client/public/i18n/client-file/${lang}.json`), 'utf8'));

const event = (kind: TimelineEventResponse['kind'], details: TimelineEventResponse['details']): TimelineEventResponse => ({ kind, at: '2026-11-20T10:00:00.000Z', entityId: 'e-1', details });

describe('timelineSentence', () => {
  it('names both managers of a reassignment, each isolated (FSI … PDI)', () => {
    expect(timelineSentence(event('reassigned', { fromManager: 'Julia Neumann', toManager: 'Nadine Wagner' }))).toEqual({
      key: 'reassignment.fromTo',
      params: { from: '\u2068Julia Neumann\u2069', to: '\u2068Nadine Wagner\u2069' },
    });
  });

  it('names only the new manager when nobody was responsible before', () => {
    expect(timelineSentence(event('reassigned', { fromManager: null, toManager: 'Nadine Wagner' }))).toEqual({ key: 'reassignment.to', params: { to: '\u2068Nadine Wagner\u2069' } });
  });

  it('adds nothing to other events', () => {
    expect(timelineSentence(event('conversation', { form: 'office' }))).toBeNull();
  });

  it.each(['de', 'en'])('has the label and both sentences in %s', (lang) => {
    const texts = i18n(lang);
    expect(texts.timeline.kind.reassigned).toEqual(expect.any(String));
    expect(texts.reassignment.fromTo).toContain('{{from}}');
    expect(texts.reassignment.fromTo).toContain('{{to}}');
    expect(texts.reassignment.to).toContain('{{to}}');
  });
});

describe('timelineActor', () => {
  it('names who recorded or corrected a conversation, and nobody where the event has no person', () => {
    expect(timelineActor(event('conversation', { form: 'office', by: 'Julia Neumann' }))).toBe('Julia Neumann');
    expect(timelineActor(event('conversation_corrected', { version: 1, by: 'Nadine Wagner' }))).toBe('Nadine Wagner');
    expect(timelineActor(event('goal_created', { fieldOfAction: 'work' }))).toBeNull();
    expect(timelineActor(event('conversation', { by: '' }))).toBeNull();
    for (const lang of ['de', 'en']) {
      expect(i18n(lang).timeline.by).toContain('{{name}}');
      expect(i18n(lang).timeline.kind.conversation_corrected).toBeTruthy();
    }
  });
});
