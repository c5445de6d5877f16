/**
 * Decision-level xAPI 1.0.3 statements about one game: launched (or cmi5's initialized), chose an
 * option (the option and its evidence label in the result), opened a source, completed (with the
 * ending), and cmi5's terminated. Pure: the learner, the ids, the clock and the cmi5 context come in.
 */
import { scenarioActivityId } from '../../authoring/lms-package-ids.ts';
import type { PlayEvent } from '../../ui/play-events.ts';
import { scorm2004SessionTime } from '../session-time.ts';

export type LanguageMap = Record<string, string>;

export interface Agent {
  objectType: 'Agent';
  name?: string;
  mbox?: string;
  account?: { homePage: string; name: string };
}

export interface Activity {
  objectType: 'Activity';
  id: string;
  definition?: {
    name?: LanguageMap;
    description?: LanguageMap;
    type?: string;
    interactionType?: string;
    choices?: Array<{ id: string; description: LanguageMap }>;
    extensions?: Record<string, unknown>;
  };
}

export interface Context {
  registration?: string;
  contextActivities?: { parent?: Activity[]; grouping?: Activity[]; category?: Activity[]; other?: Activity[] };
  language?: string;
  extensions?: Record<string, unknown>;
}

export interface Statement {
  id: string;
  actor: Agent;
  verb: { id: string; display: LanguageMap };
  object: Activity;
  result?: {
    completion?: boolean;
    response?: string;
    duration?: string;
    extensions?: Record<string, unknown>;
  };
  context?: Context;
  timestamp: string;
}

export interface StatementSettings {
  actor: Agent;
  /** The IRI of the scenario as an activity (cmi5's activityId when a cmi5 platform launched it). */
  activityId: string;
  title: string;
  language: string;
  registration?: string;
  /** cmi5: the platform's context template (session id, parents), and its rules for defined statements. */
  cmi5?: { contextTemplate: Context };
  uuid: () => string;
  now: () => Date;
}

export const VERBS = {
  launched: { id: 'http://adlnet.gov/expapi/verbs/launched', display: { 'en-US': 'launched' } },
  initialized: { id: 'http://adlnet.gov/expapi/verbs/initialized', display: { 'en-US': 'initialized' } },
  chose: { id: 'http://id.tincanapi.com/verb/selected', display: { 'en-US': 'selected' } },
  opened: { id: 'http://id.tincanapi.com/verb/viewed', display: { 'en-US': 'viewed' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  experienced: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
  terminated: { id: 'http://adlnet.gov/expapi/verbs/terminated', display: { 'en-US': 'terminated' } },
} as const;

/** The activity id of a scenario when no platform names one (and of its cmi5 assignable unit). */
export { scenarioActivityId };

/** Branchpoint's own extension keys: names (URNs), not addresses. */
export const EXTENSIONS = {
  evidence: 'urn:branchpoint:xapi:extension:evidence',
  optionLabel: 'urn:branchpoint:xapi:extension:option-label',
  ending: 'urn:branchpoint:xapi:extension:ending',
  path: 'urn:branchpoint:xapi:extension:path',
  cited: 'urn:branchpoint:xapi:extension:cited-passage',
} as const;

const CMI5_CATEGORY: Activity = { objectType: 'Activity', id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' };
const MOVEON_CATEGORY: Activity = {
  objectType: 'Activity',
  id: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
};

/** Keeps a path segment inside an IRI (ids are [a-z0-9-_] already; this is for safety). */
const segment = (id: string) => encodeURIComponent(id);

export class StatementMaker {
  private completedSent = false;

  constructor(private readonly settings: StatementSettings) {}

  /** The first statement of a session: cmi5's "initialized" under a cmi5 platform, "launched" elsewhere. */
  launched(): Statement {
    const { cmi5 } = this.settings;
    return this.make(
      cmi5 ? VERBS.initialized : VERBS.launched,
      this.scenario(),
      undefined,
      cmi5 ? [CMI5_CATEGORY] : [],
    );
  }

  /** One statement for a play event that is worth a statement (every kind but 'moved'). */
  forEvent(event: PlayEvent, elapsedMs: number): Statement | undefined {
    const { language } = this.settings;
    switch (event.kind) {
      case 'chose':
        return this.make(
          VERBS.chose,
          {
            objectType: 'Activity',
            id: `${this.settings.activityId}/decisions/${segment(event.decision.id)}`,
            definition: {
              name: { [language]: event.decision.title },
              type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
              interactionType: 'choice',
              choices: event.offered.map((o) => ({ id: o.id, description: { [language]: o.label } })),
            },
          },
          {
            response: event.option.id,
            extensions: { [EXTENSIONS.evidence]: event.option.evidence, [EXTENSIONS.optionLabel]: event.option.label },
          },
        );
      case 'opened-source':
        return this.make(
          VERBS.opened,
          {
            objectType: 'Activity',
            id: `${this.settings.activityId}/sources/${segment(event.source.id)}`,
            definition: {
              name: { [language]: event.source.title },
              type: 'http://id.tincanapi.com/activitytype/source',
            },
          },
          event.cited ? { extensions: { [EXTENSIONS.cited]: event.cited } } : undefined,
        );
      case 'ended':
        // cmi5 (9.3.3) allows one "completed" per registration: later endings are experienced, not completed again.
        if (this.settings.cmi5 && this.completedSent)
          return this.make(
            VERBS.experienced,
            {
              objectType: 'Activity',
              id: `${this.settings.activityId}/endings/${segment(event.ending.id)}`,
              definition: { name: { [language]: event.ending.title } },
            },
            { extensions: { [EXTENSIONS.ending]: event.ending.id, [EXTENSIONS.path]: event.path } },
          );
        this.completedSent = true;
        return this.make(
          VERBS.completed,
          this.scenario(),
          {
            completion: true,
            duration: scorm2004SessionTime(elapsedMs),
            extensions: { [EXTENSIONS.ending]: event.ending.id, [EXTENSIONS.path]: event.path },
          },
          this.settings.cmi5 ? [CMI5_CATEGORY, MOVEON_CATEGORY] : [],
        );
      default:
        return undefined;
    }
  }

  /** cmi5's last statement of a session. */
  terminated(elapsedMs: number): Statement {
    return this.make(VERBS.terminated, this.scenario(), { duration: scorm2004SessionTime(elapsedMs) }, [CMI5_CATEGORY]);
  }

  private scenario(): Activity {
    return {
      objectType: 'Activity',
      id: this.settings.activityId,
      definition: {
        name: { [this.settings.language]: this.settings.title },
        type: 'http://adlnet.gov/expapi/activities/simulation',
      },
    };
  }

  private make(
    verb: Statement['verb'],
    object: Activity,
    result: Statement['result'],
    categories: Activity[] = [],
  ): Statement {
    const { actor, registration, cmi5, language, uuid, now } = this.settings;
    const template = cmi5?.contextTemplate ?? {};
    const activities = { ...template.contextActivities };
    if (object.id !== this.settings.activityId)
      activities.parent = [...(activities.parent ?? []), { objectType: 'Activity', id: this.settings.activityId }];
    if (categories.length) activities.category = [...(activities.category ?? []), ...categories];
    const context: Context = {
      ...template,
      ...(registration ? { registration } : {}),
      language,
      ...(Object.keys(activities).length ? { contextActivities: activities } : {}),
    };
    return {
      id: uuid(),
      actor,
      verb,
      object,
      ...(result ? { result } : {}),
      context,
      timestamp: now().toISOString(),
    };
  }
}
