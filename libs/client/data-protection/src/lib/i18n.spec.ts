import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { provideIcuPlurals } from '@wegweiser/client/ui';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, ERASURE_REASONS, ERASURE_REQUEST_STATES, ROLES } from '@wegweiser/shared/contracts';
import { dataProtectionTexts, dataProtectionTranslations } from './i18n.testing';
import { NAMED_ENTITY_TYPES } from './shared/labels';

type Texts = { [key: string]: string | Texts };

function flatten(texts: Texts, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(texts)) {
    if (typeof value === 'string') flat.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) flat.set(k, v);
  }
  return flat;
}

describe('data-protection texts', () => {
  const de = flatten(dataProtectionTexts('de'));
  const en = flatten(dataProtectionTexts('en'));

  it('have the same non-empty keys in German and English', () => {
    expect([...en.keys()].sort()).toEqual([...de.keys()].sort());
    expect([...de, ...en].filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('name every action, outcome, role, erasure reason and state of the contracts, and every named entity type', () => {
    const wanted = [
      ...AUDIT_ACTIONS.map((a) => `actions.${a}`),
      ...AUDIT_OUTCOMES.map((o) => `outcomes.${o}`),
      ...ROLES.map((r) => `roles.${r}`),
      ...ERASURE_REASONS.map((r) => `requests.reasons.${r}`),
      ...ERASURE_REQUEST_STATES.map((s) => `requests.states.${s}`),
      ...[...NAMED_ENTITY_TYPES].map((t) => `entityTypes.${t}`),
    ];
    expect(wanted.filter((key) => !de.has(key))).toEqual([]);
  });

  it('count with ICU plurals (one / other), not by concatenation', () => {
    TestBed.configureTestingModule({ imports: [dataProtectionTranslations()], providers: [provideIcuPlurals()] });
    const transloco = TestBed.inject(TranslocoService);
    expect(transloco.translate('dataProtection.log.count', { count: 1 })).toBe('1 Eintrag angezeigt');
    expect(transloco.translate('dataProtection.log.count', { count: 1200 })).toBe('1.200 Einträge angezeigt');
    expect(transloco.translate('dataProtection.log.count', { count: 0 })).toBe('Keine Einträge angezeigt');
    expect(transloco.translate('dataProtection.access.count', { count: 1 })).toBe('1 Zugriff');
    expect(transloco.translate('dataProtection.access.count', { count: 2 })).toBe('2 Zugriffe');
    expect(transloco.translate('dataProtection.requests.erasureCount', { count: 1 })).toBe('1 Löschantrag');
  });
});
