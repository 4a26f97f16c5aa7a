import { SessionData, Store } from 'express-session';
import { throttleTouch, touchIntervalMs } from './throttled-touch';

class RecordingStore extends Store {
  readonly calls: string[] = [];
  fail = false;
  get(_sid: string, callback: (err: unknown, session?: SessionData | null) => void): void {
    callback(null, null);
  }
  set(sid: string, _session: SessionData, callback?: (err?: unknown) => void): void {
    this.calls.push(`set ${sid}`);
    callback?.();
  }
  destroy(sid: string, callback?: (err?: unknown) => void): void {
    this.calls.push(`destroy ${sid}`);
    callback?.();
  }
  override touch(sid: string, _session: SessionData, callback?: (err?: unknown) => void): void {
    this.calls.push(`touch ${sid}`);
    callback?.(this.fail ? new Error('database down') : undefined);
  }
}

const session = {} as SessionData;

describe('throttleTouch', () => {
  let clock: number;
  let inner: RecordingStore;
  let store: RecordingStore;

  beforeEach(() => {
    clock = 1_000_000;
    inner = new RecordingStore();
    store = throttleTouch(inner, 60_000, () => clock);
  });

  const touch = (sid: string) => new Promise<unknown>((resolve) => store.touch(sid, session, resolve));

  it('writes the first touch of a session, then at most one per interval', async () => {
    await touch('a');
    clock += 59_999;
    await touch('a');
    expect(inner.calls).toEqual(['touch a']);
    clock += 1;
    await touch('a');
    expect(inner.calls).toEqual(['touch a', 'touch a']);
  });

  it('throttles each session on its own', async () => {
    await touch('a');
    await touch('b');
    await touch('a');
    expect(inner.calls).toEqual(['touch a', 'touch b']);
  });

  it('counts a saved session as touched, and touches again after it was destroyed', async () => {
    await new Promise((resolve) => store.set('a', session, resolve));
    await touch('a');
    await new Promise((resolve) => store.destroy('a', resolve));
    await touch('a');
    expect(inner.calls).toEqual(['set a', 'destroy a', 'touch a']);
  });

  it('passes errors on and does not count a failed touch', async () => {
    inner.fail = true;
    expect(await touch('a')).toBeInstanceOf(Error);
    inner.fail = false;
    expect(await touch('a')).toBeUndefined();
    expect(inner.calls).toEqual(['touch a', 'touch a']);
  });

  it('uses a tenth of the idle timeout, at most a minute', () => {
    expect(touchIntervalMs(1_800)).toBe(60_000);
    expect(touchIntervalMs(300)).toBe(30_000);
    expect(touchIntervalMs(2)).toBe(200);
  });
});
