import { teamLabel } from './duplicate-panel';

describe('teamLabel', () => {
  it('names a team once as "Team …"', () => {
    expect(teamLabel('Team Süd')).toBe('Team Süd');
    expect(teamLabel('team nord ')).toBe('team nord');
    expect(teamLabel('Süd')).toBe('Team Süd');
    expect(teamLabel('Teamwork Ost')).toBe('Team Teamwork Ost');
  });
});
