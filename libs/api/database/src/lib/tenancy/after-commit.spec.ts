import { ClsService } from 'nestjs-cls';
import { AsyncLocalStorage } from 'node:async_hooks';
import { AfterCommit } from './after-commit';

describe('AfterCommit', () => {
  const cls = new ClsService(new AsyncLocalStorage());
  const afterCommit = new AfterCommit(cls);
  const inContext = <T>(work: () => Promise<T>) => cls.run(work);

  it('runs queued work only after the transaction resolved, in order', async () => {
    const steps: string[] = [];
    const result = await inContext(() =>
      afterCommit.around(async () => {
        afterCommit.add(async () => void steps.push('first'));
        afterCommit.add(async () => void steps.push('second'));
        steps.push('commit');
        return 42;
      }),
    );
    expect(result).toBe(42);
    expect(steps).toEqual(['commit', 'first', 'second']);
  });

  it('drops queued work when the transaction rolls back', async () => {
    const steps: string[] = [];
    const failing = inContext(() =>
      afterCommit.around(async () => {
        afterCommit.add(async () => void steps.push('ledger'));
        throw new Error('rolled back');
      }),
    );
    await expect(failing).rejects.toThrow('rolled back');
    expect(steps).toEqual([]);
  });

  it('joins an outer transaction: nested work waits for the outer commit', async () => {
    const steps: string[] = [];
    await inContext(() =>
      afterCommit.around(async () => {
        await afterCommit.around(async () => afterCommit.add(async () => void steps.push('inner work')));
        steps.push('outer commit');
      }),
    );
    expect(steps).toEqual(['outer commit', 'inner work']);
  });

  it('a failing item does not fail the committed transaction or the items after it', async () => {
    const steps: string[] = [];
    await inContext(() =>
      afterCommit.around(async () => {
        afterCommit.add(async () => {
          throw new Error('disk full');
        });
        afterCommit.add(async () => void steps.push('after'));
      }),
    );
    expect(steps).toEqual(['after']);
  });

  it('refuses work outside a transaction', async () => {
    await inContext(async () => expect(() => afterCommit.add(async () => undefined)).toThrow(/surrounding tenant transaction/));
  });
});
