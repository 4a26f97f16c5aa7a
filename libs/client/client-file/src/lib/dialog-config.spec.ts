import { dialogSize } from './dialog-config';

describe('dialogSize', () => {
  it('keeps the width on wide screens', () => {
    expect(dialogSize('32rem', 1366)).toEqual({ width: '32rem', maxWidth: '95vw' });
  });

  it('takes the whole screen at tablet width', () => {
    expect(dialogSize('32rem', 768)).toMatchObject({ width: '100vw', maxWidth: '100vw', height: '100dvh' });
  });
});
