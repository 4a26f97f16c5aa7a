import { INTAKE_DRAFT_KEY, readHistoryDraft, writeHistoryDraft } from './history-draft';

describe('intake draft in the history entry', () => {
  afterEach(() => window.history.replaceState(null, ''));

  it('keeps the router’s keys of the state and adds, replaces and removes the draft', () => {
    window.history.replaceState({ navigationId: 3, ɵrouterPageId: 2 }, '');
    expect(readHistoryDraft()).toBeUndefined();

    writeHistoryDraft({ firstName: 'Rania' });
    expect(window.history.state).toEqual({ navigationId: 3, ɵrouterPageId: 2, [INTAKE_DRAFT_KEY]: { firstName: 'Rania' } });
    expect(readHistoryDraft()).toEqual({ firstName: 'Rania' });

    writeHistoryDraft(null);
    expect(window.history.state).toEqual({ navigationId: 3, ɵrouterPageId: 2 });
  });

  it('writes nothing to web storage', () => {
    writeHistoryDraft({ firstName: 'Rania' });
    expect(window.sessionStorage.length).toBe(0);
    expect(window.localStorage.length).toBe(0);
  });
});
