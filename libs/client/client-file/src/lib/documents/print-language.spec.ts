import { preselectedPrintLanguage } from './print-language';

describe('preselectedPrintLanguage', () => {
  it('takes the first of the client\'s languages the plan prints in', () => {
    expect(preselectedPrintLanguage(['ar', 'de'], 'SY')).toBe('ar');
    expect(preselectedPrintLanguage(['de', 'ku', 'tur'], 'TR')).toBe('tr');
    expect(preselectedPrintLanguage(['uk', 'ru', 'en'], 'UA')).toBe('uk');
    expect(preselectedPrintLanguage(['RUS'], 'GE')).toBe('ru');
  });

  it('reads Persian of a client from Afghanistan as Dari', () => {
    expect(preselectedPrintLanguage(['fa'], 'AF')).toBe('prs');
    expect(preselectedPrintLanguage(['fa'], 'IR')).toBe('fa');
    expect(preselectedPrintLanguage(['prs'], 'IR')).toBe('prs');
  });

  it('preselects nothing when no language maps', () => {
    expect(preselectedPrintLanguage(['ps', 'ti', 'de'], 'AF')).toBeNull();
    expect(preselectedPrintLanguage([], null)).toBeNull();
  });
});
