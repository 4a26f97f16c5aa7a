import { signal } from '@angular/core';
import { CaseloadSelection } from './caseload-selection';

describe('CaseloadSelection', () => {
  const visible = signal(['a', 'b', 'c']);
  let selection: CaseloadSelection;

  beforeEach(() => {
    visible.set(['a', 'b', 'c']);
    selection = new CaseloadSelection(visible);
  });

  it('ticks and unticks single rows, keeping the order they were ticked in', () => {
    selection.toggle('c', true);
    selection.toggle('a', true);
    expect(selection.selected()).toEqual(['c', 'a']);
    expect(selection.has('a')).toBe(true);
    expect(selection.someVisible()).toBe(true);
    expect(selection.allVisible()).toBe(false);
    selection.toggle('c', false);
    expect(selection.selected()).toEqual(['a']);
    expect(selection.count()).toBe(1);
  });

  it('selects all visible rows, and clears them when all were selected', () => {
    selection.toggle('b', true);
    selection.toggleAllVisible();
    expect([...selection.selected()].sort()).toEqual(['a', 'b', 'c']);
    expect(selection.allVisible()).toBe(true);
    expect(selection.someVisible()).toBe(false);
    selection.toggleAllVisible();
    expect(selection.count()).toBe(0);
  });

  it('is not "all selected" on an empty page; rows loaded later are not selected', () => {
    visible.set([]);
    expect(selection.allVisible()).toBe(false);
    visible.set(['a']);
    selection.toggleAllVisible();
    visible.set(['a', 'd']);
    expect(selection.allVisible()).toBe(false);
    expect(selection.someVisible()).toBe(true);
    selection.clear();
    expect(selection.count()).toBe(0);
  });
});
