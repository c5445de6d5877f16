/**
 * Sends statements to a learning record store in order, one batch at a time. A statement the
 * store could not take (the network dropped) stays queued and goes with the next send; the
 * statement ids make a resend harmless, since a store ignores an id it already holds.
 */
import type { Context, Statement } from './statements.ts';

const VERSION_HEADER = { 'X-Experience-API-Version': '1.0.3' };

export class LrsClient {
  private queue: Statement[] = [];
  private sending: Promise<void> | undefined;

  constructor(
    private readonly endpoint: string,
    private readonly authorization: string,
    private readonly onProblem: (message: string) => void,
  ) {}

  send(statement: Statement): Promise<void> {
    this.queue.push(statement);
    this.sending = (this.sending ?? Promise.resolve()).then(() => this.post());
    return this.sending;
  }

  /**
   * The page is going away: everything still queued goes now, in a request that outlives the page
   * (a send waiting behind another would never start). A statement already on its way may go
   * twice; the store keeps one, by its id.
   */
  sendLeaving(statement: Statement): void {
    this.queue.push(statement);
    void this.request(this.queue.slice(), true).catch(() => undefined);
  }

  private async post(): Promise<void> {
    const batch = this.queue.slice();
    if (batch.length === 0) return;
    try {
      await this.request(batch, false);
      this.queue.splice(0, batch.length);
    } catch (error) {
      this.onProblem(`xAPI statements not sent yet (${String(error)}); they will go with the next one.`);
    }
  }

  private async request(batch: Statement[], leaving: boolean): Promise<void> {
    const response = await fetch(`${this.endpoint}statements`, {
      method: 'POST',
      headers: { ...VERSION_HEADER, Authorization: this.authorization, 'Content-Type': 'application/json' },
      body: JSON.stringify(batch),
      keepalive: leaving,
    });
    if (!response.ok) throw new Error(`the store answered ${response.status}`);
  }

  /** cmi5 (section 10): the platform's launch data, whose context template goes into every statement. */
  async launchData(activityId: string, agent: object, registration: string): Promise<{ contextTemplate: Context }> {
    const query = new URLSearchParams({
      stateId: 'LMS.LaunchData',
      activityId,
      agent: JSON.stringify(agent),
      registration,
    });
    const response = await fetch(`${this.endpoint}activities/state?${query}`, {
      headers: { ...VERSION_HEADER, Authorization: this.authorization },
    });
    if (!response.ok) throw new Error(`the store gave no launch data (${response.status})`);
    const data = (await response.json()) as { contextTemplate?: Context };
    return { contextTemplate: data.contextTemplate ?? {} };
  }
}

/** cmi5 (section 8.2): trades the one-time fetch URL for the session's authorization token. */
export async function cmi5Token(fetchUrl: string): Promise<string> {
  const response = await fetch(fetchUrl, { method: 'POST' });
  const body = (await response.json()) as Record<string, unknown>;
  const token = body['auth-token'];
  if (!response.ok || typeof token !== 'string')
    throw new Error(`the platform gave no session token (${String(body['error-text'] ?? response.status)})`);
  return `Basic ${token}`;
}
