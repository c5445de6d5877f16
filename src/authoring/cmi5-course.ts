/**
 * cmi5.xml, the course structure a cmi5 platform imports (cmi5 section 13): one course with one
 * assignable unit, the one-file player, which counts as done when completed (moveOn="Completed":
 * no choice is right, so there is nothing to pass). The unit's id is the activity id the platform
 * launches it with, and the one the player's statements use when no platform names one.
 */
import { scenarioActivityId } from './lms-package-ids.ts';
import { PLAYER_FILE } from './scorm-manifest.ts';
import { escapeMarkup } from '../lib/escape-markup.ts';

export interface CourseInput {
  id: string;
  title: string;
  summary: string;
  language: string;
}

export function cmi5CourseStructure({ id, title, summary, language }: CourseInput): string {
  const text = (value: string) => `<langstring lang="${escapeMarkup(language)}">${escapeMarkup(value)}</langstring>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="urn:branchpoint:course:${id}">
    <title>${text(title)}</title>
    <description>${text(summary)}</description>
  </course>
  <au id="${scenarioActivityId(id)}" moveOn="Completed" launchMethod="AnyWindow">
    <title>${text(title)}</title>
    <description>${text(summary)}</description>
    <url>${PLAYER_FILE}</url>
  </au>
</courseStructure>
`;
}
