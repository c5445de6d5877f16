/** Setting a scenario as an assignment: an optional deadline and "ask for a reason", then the report page. */
import { h } from '../dom.ts';
import { createAssignment, keepTeacherSecret } from './assignment-connection.ts';
import { showScreen, showTopbar, type Controller, type WorkshopPage } from './page.ts';

export class AssignController implements Controller {
  private disposed = false;
  private problem: string | undefined;
  private busy = false;

  constructor(
    private readonly page: WorkshopPage,
    private readonly scenarioId: string,
  ) {
    this.render(true);
  }

  dispose(): void {
    this.disposed = true;
  }

  private render(arrived = false): void {
    const entry = this.page.catalog.find((e) => e.id === this.scenarioId);
    showTopbar(this.page);
    const deadline = h('input', { id: 'assignment-deadline', type: 'datetime-local' });
    const reasons = h('input', { id: 'assignment-reasons', type: 'checkbox' });
    const form = h(
      'form',
      {
        class: 'assignment-form',
        onsubmit: (event: Event) => {
          event.preventDefault();
          // datetime-local is the teacher's local time; the server keeps UTC.
          const due = deadline.value ? new Date(deadline.value).toISOString() : undefined;
          void this.create(reasons.checked, due);
        },
      },
      h('p', {}, h('label', { for: 'assignment-deadline' }, 'Deadline (optional)'), ' ', deadline),
      h('p', {}, reasons, ' ', h('label', { for: 'assignment-reasons' }, 'Ask for a reason at each decision')),
      this.problem ? h('p', { class: 'form-problem', role: 'alert' }, this.problem) : null,
      h('button', { type: 'submit', class: 'primary-button', disabled: this.busy }, 'Create the assignment'),
    );
    showScreen(
      this.page,
      h(
        'article',
        { class: 'screen' },
        h('h2', {}, 'Set as an assignment: ', entry?.title ?? this.scenarioId),
        h(
          'p',
          { class: 'lead' },
          'Students open a link, give a nickname and play at their own pace; you follow their choices, reasons and the sources they open in a live report.',
        ),
        form,
      ),
      { arrived },
    );
  }

  private async create(askReasons: boolean, deadline?: string): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.render();
    const ack = await createAssignment(this.scenarioId, askReasons, deadline);
    if (this.disposed) return;
    this.busy = false;
    if (!ack.ok) {
      this.problem = `The assignment could not be created: ${ack.error.message}.`;
      return this.render();
    }
    keepTeacherSecret(ack.code, ack.secret);
    location.hash = `#/assignment/${ack.code}`;
  }
}
