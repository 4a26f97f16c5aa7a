import { FreshCache, type InvalidationFeed } from './fresh-cache';

describe('FreshCache', () => {
  const feed = (): InvalidationFeed & { listening: boolean; epoch: number } => ({ listening: true, epoch: 0 });
  const counter = (value = 'v') => {
    const load = jest.fn(async () => value);
    return load;
  };

  it('reads once and answers from memory until the time is up', async () => {
    let now = 1_000;
    const cache = new FreshCache<string>(feed(), 5_000, 10, () => now);
    const load = counter();
    await cache.get('a', load);
    await cache.get('a', load);
    now += 4_999;
    await cache.get('a', load);
    expect(load).toHaveBeenCalledTimes(1);
    now += 1;
    await cache.get('a', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('forgets an announced key at once', async () => {
    const cache = new FreshCache<string>(feed(), 5_000);
    const load = counter();
    await cache.get('a', load);
    cache.evict('a');
    await cache.get('a', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('is not used while the feed is not listening (every request reads)', async () => {
    const f = feed();
    const cache = new FreshCache<string>(f, 5_000);
    const load = counter();
    await cache.get('a', load);
    f.listening = false;
    await cache.get('a', load);
    await cache.get('a', load);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('does not keep a value read while an announcement arrived (it may be stale already)', async () => {
    const f = feed();
    const cache = new FreshCache<string>(f, 5_000);
    const racing = jest.fn(async () => {
      f.epoch++;
      return 'old';
    });
    expect(await cache.get('a', racing)).toBe('old');
    expect(cache.size).toBe(0);
    const load = counter('new');
    expect(await cache.get('a', load)).toBe('new');
    expect(cache.size).toBe(1);
  });

  it('keeps only what `keep` accepts, nothing with a time of 0, and at most maxEntries (oldest out)', async () => {
    const cache = new FreshCache<string | null>(feed(), 5_000, 2);
    await cache.get('none', async () => null, (v) => v !== null);
    expect(cache.size).toBe(0);
    const off = new FreshCache<string>(feed(), 0);
    await off.get('a', counter());
    expect(off.size).toBe(0);
    await cache.get('a', counter());
    await cache.get('b', counter());
    await cache.get('c', counter());
    expect(cache.size).toBe(2);
    const load = counter();
    await cache.get('a', load);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
