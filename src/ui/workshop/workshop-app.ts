/** The workshop page: follows the address and hands the page to the controller of that route. */
import { h } from '../dom.ts';
import { AssignController } from './assign-controller.ts';
import { AssignmentReportController } from './assignment-report-controller.ts';
import type { Controller, WorkshopPage } from './page.ts';
import { HostController } from './host-controller.ts';
import { OfflineController } from './offline-controller.ts';
import { ParticipantController } from './participant-controller.ts';
import { PresenterController } from './presenter-controller.ts';
import { formatWorkshopRoute, parseWorkshopRoute, type WorkshopRoute } from './routes.ts';
import { StartController } from './start-controller.ts';
import { showScreen, showTopbar } from './page.ts';

export class WorkshopApp {
  private controller: Controller | undefined;
  private readonly page: WorkshopPage;

  constructor(page: Omit<WorkshopPage, 'navigate'>) {
    this.page = { ...page, navigate: (route) => this.navigate(route) };
    window.addEventListener('hashchange', () => this.follow());
  }

  start(): void {
    this.follow();
  }

  private navigate(route: WorkshopRoute): void {
    const hash = formatWorkshopRoute(route);
    if (location.hash === hash) this.follow();
    else location.hash = hash;
  }

  private follow(): void {
    this.controller?.dispose();
    this.page.sources.close();
    const route = parseWorkshopRoute(location.hash);
    if (!route) {
      showTopbar(this.page);
      showScreen(
        this.page,
        h(
          'article',
          { class: 'screen' },
          h('h2', {}, 'Link not understood'),
          h('p', { role: 'alert' }, 'That link is not one the workshop understands.'),
          h('p', {}, h('a', { href: '#/' }, 'Go to the start')),
        ),
        { arrived: true },
      );
      this.controller = undefined;
      return;
    }
    this.controller = this.controllerFor(route);
  }

  private controllerFor(route: WorkshopRoute): Controller {
    switch (route.screen) {
      case 'start':
        return new StartController(this.page);
      case 'join':
        return new ParticipantController(this.page, route.code);
      case 'host':
        return new HostController(this.page, route.code);
      case 'present':
        return new PresenterController(this.page, route.code);
      case 'offline':
        return new OfflineController(this.page, route.scenario);
      case 'assign':
        return new AssignController(this.page, route.scenario);
      case 'assignment':
        return new AssignmentReportController(this.page, route.code);
    }
  }
}
