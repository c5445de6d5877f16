/**
 * What ships to students: a scenario's teacher-only `notes` are removed from every bundle a build
 * or an export writes, unless the author set `teacher.shipNotes: true`. Everything else in the
 * teacher block (objectives, background, glossary, role briefs...) is meant for students too.
 */
import type { ScenarioBundle } from './validate.ts';

export function studentBundle(bundle: ScenarioBundle): ScenarioBundle {
  const teacher = bundle.scenario.teacher;
  if (!teacher || teacher.notes === undefined || teacher.shipNotes === true) return bundle;
  const { notes: _notes, ...kept } = teacher;
  return { ...bundle, scenario: { ...bundle.scenario, teacher: kept } };
}
