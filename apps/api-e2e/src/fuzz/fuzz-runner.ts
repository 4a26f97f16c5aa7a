import { CSRF_HEADER } from '@wegweiser/shared/contracts';
import request from 'supertest';
import { Variant } from './variants';

type TestAgent = ReturnType<typeof request.agent>;

export interface Caller {
  label: string;
  agent: TestAgent;
  csrf?: string;
}

/** Sends one variant; the status, or 0 when the connection failed. */
export async function sendVariant(
  caller: Caller,
  method: string,
  variant: Variant,
): Promise<{ status: number; error?: string }> {
  const agent = caller.agent as unknown as Record<
    string,
    (url: string) => request.Test
  >;
  const call = agent[method.toLowerCase()];
  if (!call) throw new Error(`no agent method for ${method}`);
  let test = call.call(caller.agent, variant.path);
  if (caller.csrf) test = test.set(CSRF_HEADER, caller.csrf);
  if (variant.contentEncoding)
    test = test.set('Content-Encoding', variant.contentEncoding);
  if (variant.contentType !== undefined)
    test = test.set('Content-Type', variant.contentType);
  if (variant.body !== undefined)
    test = test.send(variant.body as string | object);
  try {
    const response = await test;
    return { status: response.status };
  } catch (error) {
    return {
      status: 0,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Status histogram, failures and row changes of a fuzz run. */
export class FuzzReport {
  readonly histogram = new Map<number, number>();
  readonly serverErrors: string[] = [];
  readonly transportErrors: string[] = [];
  readonly rowChanges: string[] = [];
  readonly covered = new Set<string>();
  sent = 0;
  /** Accepted writes whose row changes the fingerprint saw. */
  acceptedWrites = 0;

  record(
    operation: string,
    caller: string,
    variant: Variant,
    status: number,
    error?: string,
  ): void {
    this.sent++;
    this.covered.add(operation);
    this.histogram.set(status, (this.histogram.get(status) ?? 0) + 1);
    const line = `${operation} [${caller}] ${variant.kind} → ${status}${error ? ` (${error})` : ''} path=${variant.path.slice(0, 160)}`;
    if (status >= 500) this.serverErrors.push(line);
    if (status === 0) this.transportErrors.push(line);
  }

  summary(total: number): string {
    const statuses = [...this.histogram.entries()]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}: ${n}`);
    return [
      `requests sent: ${this.sent}`,
      `accepted writes seen by the row fingerprint: ${this.acceptedWrites}`,
      `operations covered: ${this.covered.size} / ${total}`,
      `status histogram: ${statuses.join(', ')}`,
    ].join('\n');
  }
}
