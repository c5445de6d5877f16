/** The front door: starting a session makes a room on the server and keeps its secret in this browser. */
import { createRoom } from './connection.ts';
import { keepHostSecret } from './credentials.ts';
import { showScreen, showTopbar, type Controller, type WorkshopPage } from './page.ts';
import { startScreen } from './screens/start.ts';

export class StartController implements Controller {
  private busy = false;
  private problem: string | undefined;
  private disposed = false;

  constructor(private readonly page: WorkshopPage) {
    this.render(true);
  }

  dispose(): void {
    this.disposed = true;
  }

  private render(arrived = false): void {
    showTopbar(this.page);
    showScreen(
      this.page,
      startScreen(this.page.catalog, this.problem, this.busy, {
        host: (scenario) => void this.host(scenario),
        offline: (scenario) => this.page.navigate({ screen: 'offline', scenario }),
        assign: (scenario) => this.page.navigate({ screen: 'assign', scenario }),
        join: () => this.page.navigate({ screen: 'join', code: '' }),
      }),
      { arrived },
    );
  }

  private async host(scenarioId: string): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.problem = undefined;
    this.render();
    const ack = await createRoom(scenarioId);
    if (this.disposed) return;
    this.busy = false;
    if (!ack.ok) {
      this.problem = `The session could not be started: ${ack.error.message}. Without a network, use “Offline, with hand counts”.`;
      this.render();
      return;
    }
    keepHostSecret(ack.code, ack.secret);
    this.page.navigate({ screen: 'host', code: ack.code });
  }
}
