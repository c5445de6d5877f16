/**
 * A scenario -> a printable teacher's guide or student handout, as HTML. Pure: the command line
 * writes it to a file (`npm run scenario -- guide`), the page shows it (#/s/<id>/guide, /handout).
 * Every text from the scenario is escaped. The handout never contains the teacher-only notes, the
 * structure of the branches or the endings: students meet those by playing.
 */
import type { ScenarioBundle } from '../scenario/validate.ts';
import { escapeMarkup } from '../lib/escape-markup.ts';

export type GuideAudience = 'teacher' | 'student';

export interface GuideParts {
  title: string;
  /** Styles for screen and print (A4 and Letter alike: margins, no fixed page width). */
  css: string;
  /** The body markup, every scenario text escaped. */
  body: string;
}

interface CitationLike {
  quote: string;
  evidence?: string;
  note?: string;
}
interface TeacherText {
  text: string;
  citations?: CitationLike[];
  outsideSource?: boolean;
}
interface Teacher {
  ageBand?: string;
  minutes?: number;
  objectives?: string[];
  background?: TeacherText[];
  glossary?: Array<{ term: string; definition: string; citations?: CitationLike[]; outsideSource?: boolean }>;
  roleBriefs?: Array<{ actor: string; text: string }>;
  debrief?: string[];
  exitTicket?: string[];
  lessonPlans?: Array<{ minutes: number; steps: Array<{ minutes: number; activity: string }> }>;
  sensitivity?: string[];
  notes?: string;
}

const EVIDENCE_WORDS: Record<string, string> = {
  reported: 'reported',
  'stated-position': 'stated position',
  analysis: 'analysis',
  hypothetical: 'hypothetical',
};

/** Paragraphs of a block of text (blank lines part them; single line breaks are wrapping). */
function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const rawLines = p.split('\n');
      const lines = rawLines.map((l) => l.trim());
      // A block whose later lines start "1." or "-" (or continue one, indented) is a list in the author's notes.
      if (
        rawLines.length > 1 &&
        /^(\d+\.|-)\s/.test(rawLines[1]!) &&
        rawLines.slice(1).every((l) => /^(\d+\.|-)\s/.test(l) || /^\s/.test(l))
      ) {
        const [head, ...items] = joinItems(lines);
        return `<p>${escapeMarkup(head!)}</p><ol>${items.map((i) => `<li>${escapeMarkup(i.replace(/^(\d+\.|-)\s+/, ''))}</li>`).join('')}</ol>`;
      }
      return `<p>${escapeMarkup(lines.join(' '))}</p>`;
    })
    .join('\n');
}

/** Lines of a list: an item runs until the next "1." or "-" line. */
function joinItems(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (out.length === 0 || /^(\d+\.|-)\s/.test(line)) out.push(line);
    else out[out.length - 1] += ` ${line}`;
  }
  return out;
}

const list = (items: readonly string[] | undefined, tag: 'ul' | 'ol' = 'ul') =>
  items && items.length ? `<${tag}>${items.map((i) => `<li>${escapeMarkup(i)}</li>`).join('')}</${tag}>` : '';

function citationsHtml(citations: CitationLike[] | undefined, outsideSource?: boolean): string {
  if (outsideSource) return '<p class="cite outside">Background the article does not give.</p>';
  if (!citations || citations.length === 0) return '';
  return `<ul class="cites">${citations
    .map(
      (c) =>
        `<li><q>${escapeMarkup(c.quote)}</q>${c.evidence ? ` <span class="label">${escapeMarkup(EVIDENCE_WORDS[c.evidence] ?? c.evidence)}</span>` : ''}${c.note ? ` <span class="note">${escapeMarkup(c.note)}</span>` : ''}</li>`,
    )
    .join('')}</ul>`;
}

function section(id: string, title: string, content: string, extraClass = ''): string {
  return content.trim()
    ? `<section id="${id}" class="${extraClass}"><h2>${escapeMarkup(title)}</h2>${content}</section>`
    : '';
}

/** The scenario's texts as lists, whether written as one string or as variants. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value))
    return value.flatMap((v) => (v && typeof v === 'object' && typeof v.text === 'string' ? [v.text as string] : []));
  return [];
}

/** A condition in words, for the teacher's overview of the branches. */
function conditionWords(conditions: unknown, labels: Map<string, string>, variables: Map<string, string>): string {
  if (!Array.isArray(conditions) || conditions.length === 0) return '';
  const name = (id: string) => `“${labels.get(id.split('/').pop()!) ?? id}”`;
  const names = (ids: unknown) => (Array.isArray(ids) ? ids : [ids]).map((id) => name(String(id))).join(' or ');
  const one = (c: Record<string, unknown>): string => {
    if ('chose' in c) return `after ${names(c.chose)}`;
    if ('notChose' in c) return `unless ${names(c.notChose)} was chosen`;
    if ('passed' in c) return `after the decision “${String(c.passed)}”`;
    if ('notPassed' in c) return `before the decision “${String(c.notPassed)}”`;
    if ('anyOf' in c && Array.isArray(c.anyOf)) return (c.anyOf as Record<string, unknown>[]).map(one).join(', or ');
    if ('variable' in c) {
      const label = variables.get(String(c.variable)) ?? String(c.variable);
      const bounds = [
        c.atLeast !== undefined ? `at least ${String(c.atLeast)}` : '',
        c.atMost !== undefined ? `at most ${String(c.atMost)}` : '',
      ].filter(Boolean);
      return `when “${label}” is ${bounds.join(' and ')}`;
    }
    return '';
  };
  return (conditions as Record<string, unknown>[]).map(one).filter(Boolean).join('; ');
}

const STYLE = `
:root { color: #1b1b1b; background: #fff; }
.guide { font: 11pt/1.45 "Source Serif 4", Georgia, serif; max-width: 46rem; margin: 0 auto; padding: 1.5rem; }
.guide h1 { font-size: 1.7em; margin: 0 0 .3em; line-height: 1.2; }
.guide h2 { font-size: 1.25em; margin: 1.4em 0 .4em; border-bottom: 1px solid #999; padding-bottom: .15em; break-after: avoid; }
.guide h3 { font-size: 1.05em; margin: 1em 0 .3em; break-after: avoid; }
.guide p, .guide li { orphans: 3; widows: 3; }
.guide .meta { color: #444; margin: 0 0 1em; }
.guide .cites { list-style: none; padding-left: 1em; margin: .2em 0 .8em; font-size: .9em; color: #333; }
.guide .cites li { margin: .15em 0; }
.guide .label { font: 600 .8em/1 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .03em; border: 1px solid #777; border-radius: 3px; padding: 0 .3em; }
.guide .note, .guide .cite.outside { font-style: italic; color: #555; }
.guide table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; break-inside: avoid; }
.guide th, .guide td { border: 1px solid #999; padding: .3em .5em; text-align: left; vertical-align: top; }
.guide .card { border: 1.5px dashed #666; padding: .6em .9em; margin: .6em 0; break-inside: avoid; }
.guide .write { border-bottom: 1px solid #999; height: 2.2em; }
.guide table.worksheet { table-layout: fixed; }
.guide table.worksheet td { height: 4.5em; }
.guide .article p { margin: .4em 0; }
.guide .teacher-only { border: 2px solid #8a1c1c; padding: .2em .9em .6em; }
.guide .page { break-before: page; }
.guide .print-button { font: inherit; padding: .4em 1em; margin: 0 0 1em; }
dl.glossary dt { font-weight: 700; margin-top: .4em; }
dl.glossary dd { margin: 0 0 .2em 1.2em; }
@page { margin: 16mm 15mm; }
@media print {
  .guide { max-width: none; padding: 0; font-size: 10.5pt; }
  .guide .print-button, .no-print { display: none !important; }
  .guide a { color: inherit; text-decoration: none; }
}
`;

export function guideParts(bundle: ScenarioBundle, audience: GuideAudience): GuideParts {
  const { scenario } = bundle;
  const teacher = ((scenario as { teacher?: Teacher }).teacher ?? {}) as Teacher;
  const actorName = new Map(scenario.actors.map((a) => [a.id, a.name]));
  const labels = new Map(scenario.decisions.flatMap((d) => d.options.map((o) => [o.id, o.label] as const)));
  const variables = new Map(scenario.variables.map((v) => [v.id, v.label]));
  const kind = audience === 'teacher' ? "Teacher's guide" : 'Student handout';
  const title = `${scenario.title}: ${kind}`;
  const meta = [
    teacher.ageBand ? `Ages ${teacher.ageBand}` : '',
    teacher.minutes ? `about ${teacher.minutes} minutes` : '',
    `${scenario.actors.length} roles`,
    `${scenario.decisions.length} decision points`,
    audience === 'teacher' ? `${scenario.endings.length} endings` : '',
  ]
    .filter(Boolean)
    .join(' · ');

  const head = `<header><p class="meta">Branchpoint · ${escapeMarkup(kind)}</p><h1>${escapeMarkup(scenario.title)}</h1><p>${escapeMarkup(scenario.summary)}</p><p class="meta">${escapeMarkup(meta)}</p></header>`;

  const background = section(
    'background',
    'Background',
    (teacher.background ?? [])
      .map((b) => `<p>${escapeMarkup(b.text)}</p>${citationsHtml(b.citations, b.outsideSource)}`)
      .join(''),
  );
  const glossary = section(
    'glossary',
    'Words to know',
    teacher.glossary?.length
      ? `<dl class="glossary">${teacher.glossary
          .map(
            (g) =>
              `<dt>${escapeMarkup(g.term)}</dt><dd>${escapeMarkup(g.definition)}${g.outsideSource ? ' <span class="note">(not from the article)</span>' : ''}</dd>`,
          )
          .join('')}</dl>`
      : '',
  );
  const labelsSection = section(
    'labels',
    'Evidence labels',
    `<p>Every choice and every quote in the game carries a label saying what kind of claim it is.</p>
<table><tbody>
<tr><th>reported</th><td>The article states it as fact.</td></tr>
<tr><th>stated position</th><td>Someone in the article argues, warns or claims it.</td></tr>
<tr><th>analysis</th><td>A judgement: a named analyst's, or the article's own.</td></tr>
<tr><th>hypothetical</th><td>The scenario's authors imagine it from the cited words. It did not necessarily happen.</td></tr>
</tbody></table>`,
  );
  const roleCards = section(
    'roles',
    audience === 'teacher' ? 'Role briefs (cut out, one per group member)' : 'Role cards (cut out)',
    (teacher.roleBriefs ?? [])
      .map(
        (r) =>
          `<div class="card"><h3>${escapeMarkup(actorName.get(r.actor) ?? r.actor)}</h3><p>${escapeMarkup(r.text)}</p></div>`,
      )
      .join(''),
    'page',
  );
  const articleSection = section(
    'source',
    'The source',
    scenario.sources
      .map(
        (s) =>
          `<h3>${escapeMarkup(s.title)}</h3><p class="meta">${escapeMarkup([s.publisher, s.date].filter(Boolean).join(', '))}</p>${s.notes ? `<p class="note">${escapeMarkup(s.notes)}</p>` : ''}<div class="article">${(
            bundle.sources[s.id] ?? ''
          )
            .split(/\n+/)
            .filter((l) => l.trim())
            .map((l) => `<p>${escapeMarkup(l.trim())}</p>`)
            .join('')}</div>`,
      )
      .join(''),
    'page',
  );
  const exitTicket = section(
    'exit-ticket',
    'Exit ticket',
    (teacher.exitTicket ?? [])
      .map(
        (q) =>
          `<p>${escapeMarkup(q)}</p>${audience === 'student' ? '<div class="write"></div><div class="write"></div>' : ''}`,
      )
      .join(''),
  );

  if (audience === 'student') {
    const worksheet = section(
      'worksheet',
      'Your path',
      `<p>At each decision point, write what was chosen, its evidence label, and the words of the article it rested on.</p>
<table class="worksheet"><colgroup><col style="width:20%"><col style="width:18%"><col style="width:24%"><col style="width:12%"><col style="width:26%"></colgroup><thead><tr><th>Decision point</th><th>Who decides</th><th>Choice made</th><th>Label</th><th>Words it rests on</th></tr></thead><tbody>${scenario.decisions
        .map(
          (d) =>
            `<tr><td>${escapeMarkup(d.title)}</td><td>${escapeMarkup(actorName.get(d.actor) ?? d.actor)}</td><td></td><td></td><td></td></tr>`,
        )
        .join('')}<tr><td>Ending reached</td><td colspan="4"></td></tr></tbody></table>`,
      'page',
    );
    const body = [
      head,
      section('you', 'What you will do', `<p>${escapeMarkup(studentIntro(scenario.actors.length))}</p>`),
      background,
      glossary,
      labelsSection,
      worksheet,
      exitTicket,
      roleCards,
      articleSection,
    ].join('\n');
    return { title, css: STYLE, body };
  }

  const objectives = section('objectives', 'Learning objectives', list(teacher.objectives));
  const notes = section(
    'about',
    'About this scenario, and what the model assumes',
    paragraphs(scenario.educatorNotes ?? ''),
  );
  const plans = section(
    'plans',
    'Lesson plans',
    (teacher.lessonPlans ?? [])
      .map(
        (p) =>
          `<h3>${p.minutes} minutes</h3><table><thead><tr><th>Minutes</th><th>Activity</th></tr></thead><tbody>${p.steps
            .map((s) => `<tr><td>${s.minutes}</td><td>${escapeMarkup(s.activity)}</td></tr>`)
            .join('')}</tbody></table>`,
      )
      .join(''),
  );
  const sensitivity = section('sensitivity', 'Sensitivity', list(teacher.sensitivity));
  const branches = section(
    'branches',
    'The decision points and their options',
    scenario.decisions
      .map((d) => {
        const situations = texts(d.situation as unknown);
        return `<h3>${escapeMarkup(d.title)} <span class="meta">(${escapeMarkup(actorName.get(d.actor) ?? d.actor)})</span></h3>${
          situations.length > 1
            ? `<p class="note">The situation reads differently on ${situations.length} kinds of path.</p>`
            : ''
        }<table><thead><tr><th>Option</th><th>Label</th><th>Offered</th></tr></thead><tbody>${d.options
          .map((o) => {
            const when = conditionWords((o as { when?: unknown }).when, labels, variables);
            return `<tr><td>${escapeMarkup(o.label)}</td><td>${escapeMarkup(EVIDENCE_WORDS[o.evidence] ?? o.evidence)}</td><td>${escapeMarkup(when || 'always')}</td></tr>`;
          })
          .join('')}</tbody></table>`;
      })
      .join(''),
    'page',
  );
  const endings = section(
    'endings',
    'Endings and their questions',
    scenario.endings.map((e) => `<h3>${escapeMarkup(e.title)}</h3>${list(e.questions)}`).join(''),
  );
  const debrief = section('debrief', 'Debrief (for every ending)', list(teacher.debrief, 'ol'));
  const teacherNotes = teacher.notes
    ? `<section id="teacher-notes" class="teacher-only"><h2>For the teacher only</h2>${paragraphs(teacher.notes)}</section>`
    : '';
  const body = [
    head,
    objectives,
    plans,
    notes,
    sensitivity,
    background,
    glossary,
    labelsSection,
    debrief,
    exitTicket,
    teacherNotes,
    branches,
    endings,
    roleCards,
    articleSection,
  ].join('\n');
  return { title, css: STYLE, body };
}

function studentIntro(roles: number): string {
  return `In this game you take the decisions of ${roles} actors in a real event, in turn. Every choice shows the exact words of the news article it rests on. Read the background and the words to know first. Then play with your group, fill in the table as you go, and be ready to say which of your choices rested on facts, which on someone's opinion, and which on guesses.`;
}

/** The guide as one HTML file that prints as it is, with nothing else to load. */
export function guideDocument(bundle: ScenarioBundle, audience: GuideAudience): string {
  const { title, css, body } = guideParts(bundle, audience);
  return `<!doctype html>
<html lang="${escapeMarkup(bundle.scenario.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeMarkup(title)}</title>
<style>${css}</style>
</head>
<body>
<main class="guide">
${body}
</main>
</body>
</html>
`;
}
