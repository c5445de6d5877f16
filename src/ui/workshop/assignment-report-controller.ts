/**
 * The teacher's live report of an assignment: the class link, code and QR code, then how many
 * started and finished, the split at each decision with each option's evidence label, the endings,
 * the sources most and least opened, the reasons and each student's path (a list, and the same path
 * on the branch map). Updated as the server pushes what students record (folded into the tally by
 * the connection); printable; downloadable in three formats; deletable with everything recorded.
 */
import type { AssignmentReport } from '../../workshop/assignment-report.ts';
import { studentOrder, tallyView, type ReportSnapshot } from '../../workshop/assignment-tally.ts';
import { h } from '../dom.ts';
import { evidenceName } from '../evidence.ts';
import { forgetTeacherSecret, ReportConnection, teacherSecret, type ReportAck } from './assignment-connection.ts';
import { downloadFile, showScreen, showTopbar, type Controller, type WorkshopPage } from './page.ts';
import { qrCode } from './parts/qr-code.ts';
import { studentPathMap } from './parts/student-path-map.ts';

/**
 * A class of hundreds sends many small updates a second; the screen is drawn again at most this
 * often (the tally itself is always current), and each student's block only when they recorded more.
 */
const RENDER_EVERY_MS = 250;

export class AssignmentReportController implements Controller {
  private connection: ReportConnection | undefined;
  private snapshot: ReportSnapshot | undefined;
  private drawn = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Each student's block as last drawn, by student id, with the number of records it shows. */
  private blocks = new Map<string, { events: number; element: HTMLElement }>();
  private urls: string[] = [];
  private problem: string | undefined;
  private online = false;
  private confirming = false;
  private deleted = false;

  constructor(
    private readonly page: WorkshopPage,
    private readonly code: string,
  ) {
    const secret = teacherSecret(code);
    if (!secret)
      this.problem =
        'This browser does not hold the teacher key for that assignment (it stays in the browser that created it).';
    else
      this.connection = new ReportConnection(code, secret, {
        opened: (ack: ReportAck) => {
          if (ack.ok) {
            this.snapshot = ack.snapshot;
            this.urls = ack.urls;
            this.problem = undefined;
          } else this.problem = `The report could not be opened: ${ack.error.message}.`;
          this.render();
        },
        report: (snapshot) => {
          this.snapshot = snapshot;
          this.soon();
        },
        deleted: () => this.gone(),
        link: (up) => {
          this.online = up;
          this.render();
        },
      });
    this.render(true);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.connection?.close();
  }

  /** Draws again now, or when RENDER_EVERY_MS has passed since the last drawing. */
  private soon(): void {
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.drawn + RENDER_EVERY_MS - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.render();
    }, wait);
  }

  private gone(): void {
    this.deleted = true;
    this.snapshot = undefined;
    forgetTeacherSecret(this.code);
    this.connection?.close();
    this.render();
  }

  private async download(format: 'markdown' | 'csv' | 'json'): Promise<void> {
    const ack = await this.connection!.file(format);
    if (ack.ok) downloadFile(ack.filename, ack.content, ack.mimeType);
    else {
      this.problem = `The file could not be made: ${ack.error.message}.`;
      this.render();
    }
  }

  private async remove(): Promise<void> {
    const ack = await this.connection!.delete();
    if (ack.ok) this.gone();
    else {
      this.problem = `The assignment could not be deleted: ${ack.error.message}.`;
      this.render();
    }
  }

  private render(arrived = false): void {
    this.drawn = performance.now();
    showTopbar(
      this.page,
      h('span', { class: 'room-line' }, `Assignment ${this.code}`, this.online ? '' : ' · reconnecting…'),
    );
    const r = this.snapshot && tallyView(this.snapshot.tally, this.snapshot.catalog, new Date().toISOString());
    const body = this.deleted
      ? [
          h(
            'p',
            { role: 'status', class: 'assignment-deleted' },
            'The assignment and everything recorded for it have been deleted from the server.',
          ),
        ]
      : r
        ? this.sections(r)
        : [h('p', {}, this.problem ? '' : 'Loading the report…')];
    showScreen(
      this.page,
      h(
        'article',
        { class: 'screen assignment-report' },
        h('h2', {}, r ? `${r.assignment.scenarioTitle}: assignment report` : `Assignment ${this.code}`),
        this.problem ? h('p', { class: 'form-problem', role: 'alert' }, this.problem) : null,
        body,
      ),
      { arrived },
    );
  }

  private sections(r: AssignmentReport): HTMLElement[] {
    const url = this.urls[0];
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const byOpens = [...r.sources];
    const most = byOpens.slice(0, 3);
    const least = [...byOpens].reverse().slice(0, 3);
    return [
      h(
        'section',
        { class: 'assignment-link', 'aria-label': 'Class link' },
        h(
          'p',
          {},
          'Code ',
          h('strong', { class: 'assignment-code' }, r.assignment.code),
          r.assignment.deadline ? ` · due ${new Date(r.assignment.deadline).toLocaleString()}` : '',
          r.assignment.askReasons ? ' · reasons asked' : '',
        ),
        url ? h('p', {}, h('a', { class: 'assignment-url', href: url }, url)) : null,
        url ? qrCode(url, `QR code for the assignment link ${url}`) : null,
      ),
      h(
        'section',
        { 'aria-labelledby': 'report-summary' },
        h('h3', { id: 'report-summary' }, 'Progress'),
        h('p', { class: 'assignment-counts' }, `${plural(r.started, 'student')} started, ${r.finished} finished.`),
        h(
          'div',
          { class: 'actions no-print' },
          h('button', { type: 'button', onclick: () => void this.download('markdown') }, 'Download Markdown'),
          h('button', { type: 'button', onclick: () => void this.download('csv') }, 'Download CSV'),
          h('button', { type: 'button', onclick: () => void this.download('json') }, 'Download JSON'),
          h('button', { type: 'button', onclick: () => window.print() }, 'Print'),
          this.confirming
            ? h(
                'button',
                { type: 'button', class: 'danger-button', onclick: () => void this.remove() },
                'Yes, delete the assignment and all its records',
              )
            : h('button', { type: 'button', onclick: () => ((this.confirming = true), this.render()) }, 'Delete…'),
        ),
      ),
      h(
        'section',
        { 'aria-labelledby': 'report-decisions' },
        h('h3', { id: 'report-decisions' }, 'Decisions'),
        r.decisions.map((d) =>
          h(
            'div',
            { class: 'assignment-decision' },
            h('h4', {}, d.title, ` (${plural(d.total, 'student')})`),
            h(
              'table',
              { class: 'assignment-split' },
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  h('th', { scope: 'col' }, 'Option'),
                  h('th', { scope: 'col' }, 'Evidence'),
                  h('th', { scope: 'col' }, 'Students'),
                ),
              ),
              h(
                'tbody',
                {},
                d.options.map((o) =>
                  h(
                    'tr',
                    {},
                    h('td', {}, o.label),
                    h('td', {}, evidenceName(o.evidence)),
                    h('td', { class: 'count' }, o.count),
                  ),
                ),
              ),
            ),
            d.reasons.length
              ? h(
                  'ul',
                  { class: 'assignment-reasons' },
                  d.reasons.map((x) => h('li', {}, h('strong', {}, x.nickname), ` (${x.optionLabel}): `, x.text)),
                )
              : null,
          ),
        ),
      ),
      h(
        'section',
        { 'aria-labelledby': 'report-endings' },
        h('h3', { id: 'report-endings' }, 'Endings reached'),
        h(
          'ul',
          {},
          r.endings.map((e) => h('li', {}, `${e.title}: ${e.count}`)),
        ),
      ),
      h(
        'section',
        { 'aria-labelledby': 'report-sources', class: 'assignment-sources' },
        h('h3', { id: 'report-sources' }, 'Sources opened'),
        h('p', {}, 'Most opened: ', most.map((s) => `${s.title} (${plural(s.students, 'student')})`).join('; ')),
        h('p', {}, 'Least opened: ', least.map((s) => `${s.title} (${plural(s.students, 'student')})`).join('; ')),
      ),
      h(
        'section',
        { 'aria-labelledby': 'report-students' },
        h('h3', { id: 'report-students' }, 'Students'),
        h(
          'p',
          { class: 'fine-print' },
          'Each path is listed step by step, then drawn on the branch map: the points a student passed are filled, their choices drawn bold, the ending they reached outlined.',
        ),
        this.studentBlocks(r),
      ),
    ];
  }

  /** One block per student, drawn again only when the student has recorded more since. */
  private studentBlocks(r: AssignmentReport): HTMLElement[] {
    const ids = studentOrder(this.snapshot!.tally).map((s) => s.id);
    const blocks = new Map<string, { events: number; element: HTMLElement }>();
    const elements = r.students.map((s, i) => {
      const id = ids[i]!;
      const kept = this.blocks.get(id);
      const block = kept && kept.events === s.events ? kept : { events: s.events, element: this.studentBlock(s) };
      blocks.set(id, block);
      return block.element;
    });
    this.blocks = blocks;
    return elements;
  }

  private studentBlock(s: AssignmentReport['students'][number]): HTMLElement {
    return h(
      'div',
      { class: 'assignment-student' },
      h('h4', {}, s.nickname, s.ending ? ` — ${s.ending.title}` : ' — not finished'),
      s.path.length
        ? h(
            'ol',
            { class: 'assignment-path' },
            s.path.map((p) => h('li', {}, `${p.decisionTitle}: ${p.optionLabel}`)),
          )
        : h('p', {}, 'No choice yet.'),
      s.sourcesOpened.length ? h('p', { class: 'fine-print' }, 'Sources opened: ', s.sourcesOpened.join(', ')) : null,
      studentPathMap(this.snapshot!.layout, s),
    );
  }
}
