/**
 * Checks a statement against the rules of the xAPI 1.0.3 specification (Data, part two, section
 * 2.4) that a Learning Record Provider must keep: known properties only, an actor identified by
 * exactly one of mbox, mbox_sha1sum, openid or account, a verb with an IRI and a display map, an
 * object with an IRI, UUIDs, ISO 8601 timestamps and durations, language maps keyed by language
 * tags, extensions keyed by IRIs. No maintained validator package exists on npm (checked:
 * xapi-validator and xapi-statement-validator are not published), so this follows the text.
 * Returns every problem found, each as "where: what", or none for a valid statement.
 */
import { isRecord } from '../../lib/is-record.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** An absolute IRI: a scheme, a colon, and no characters RFC 3987 forbids. */
const IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i;
/** An IRL: an IRI that locates something, here http or https. */
const IRL = /^https?:\/\/[^\s<>"{}|\\^`]+$/i;
const LANGUAGE_TAG =
  /^(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-[a-wyz\d](?:-[a-z\d]{2,8})+)*(?:-x(?:-[a-z\d]{1,8})+)?$|^x(?:-[a-z\d]{1,8})+$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})$/;
const DURATION =
  /^P(?!$)(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?W)?(?:\d+(?:\.\d+)?D)?(?:T(?=\d)(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?$/;
const INTERACTION_TYPES = [
  'true-false',
  'choice',
  'fill-in',
  'long-fill-in',
  'matching',
  'performance',
  'sequencing',
  'likert',
  'numeric',
  'other',
];

type Problems = string[];

export function validateStatement(statement: unknown): string[] {
  const problems: Problems = [];
  if (!isRecord(statement)) return ['statement: must be a JSON object'];
  known(
    statement,
    'statement',
    [
      'id',
      'actor',
      'verb',
      'object',
      'result',
      'context',
      'timestamp',
      'stored',
      'authority',
      'version',
      'attachments',
    ],
    problems,
  );
  if (statement.id !== undefined && !(typeof statement.id === 'string' && UUID.test(statement.id)))
    problems.push('id: must be a UUID (RFC 4122)');
  agentOrGroup(statement.actor, 'actor', problems);
  verb(statement.verb, problems);
  object(statement.object, 'object', problems);
  if (statement.result !== undefined) result(statement.result, problems);
  if (statement.context !== undefined) context(statement.context, problems);
  if (statement.timestamp !== undefined) timestamp(statement.timestamp, 'timestamp', problems);
  if (
    statement.version !== undefined &&
    !(typeof statement.version === 'string' && /^1\.0\.\d+$/.test(statement.version))
  )
    problems.push('version: must be 1.0.x');
  return problems;
}

function known(value: Record<string, unknown>, where: string, allowed: string[], problems: Problems): void {
  for (const key of Object.keys(value))
    if (!allowed.includes(key)) problems.push(`${where}.${key}: is not a property xAPI allows here`);
}

function iri(value: unknown, where: string, problems: Problems, pattern = IRI, what = 'an IRI'): void {
  if (!(typeof value === 'string' && pattern.test(value))) problems.push(`${where}: must be ${what}`);
}

function languageMap(value: unknown, where: string, problems: Problems): void {
  if (!isRecord(value)) {
    problems.push(`${where}: must be a language map`);
    return;
  }
  for (const [tag, text] of Object.entries(value)) {
    if (!LANGUAGE_TAG.test(tag)) problems.push(`${where}.${tag}: is not a language tag (RFC 5646)`);
    if (typeof text !== 'string') problems.push(`${where}.${tag}: must be a string`);
  }
}

function extensions(value: unknown, where: string, problems: Problems): void {
  if (!isRecord(value)) {
    problems.push(`${where}: must be an object`);
    return;
  }
  for (const key of Object.keys(value)) iri(key, `${where}["${key}"]`, problems);
}

function timestamp(value: unknown, where: string, problems: Problems): void {
  if (!(typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value))))
    problems.push(`${where}: must be an ISO 8601 date and time with its time zone`);
}

function agentOrGroup(value: unknown, where: string, problems: Problems): void {
  if (!isRecord(value)) {
    problems.push(`${where}: must be an Agent or a Group`);
    return;
  }
  if (value.objectType === 'Group') {
    known(value, where, ['objectType', 'name', 'member', 'mbox', 'mbox_sha1sum', 'openid', 'account'], problems);
    const ifis = identifiers(value, where, problems);
    if (ifis === 0 && !Array.isArray(value.member)) problems.push(`${where}: an anonymous Group must list its members`);
    if (Array.isArray(value.member)) value.member.forEach((m, i) => agent(m, `${where}.member[${i}]`, problems));
    return;
  }
  agent(value, where, problems);
}

function agent(value: unknown, where: string, problems: Problems): void {
  if (!isRecord(value)) {
    problems.push(`${where}: must be an Agent`);
    return;
  }
  known(value, where, ['objectType', 'name', 'mbox', 'mbox_sha1sum', 'openid', 'account'], problems);
  if (value.objectType !== undefined && value.objectType !== 'Agent')
    problems.push(`${where}.objectType: must be Agent`);
  if (value.name !== undefined && typeof value.name !== 'string') problems.push(`${where}.name: must be a string`);
  if (identifiers(value, where, problems) !== 1)
    problems.push(`${where}: must be identified by exactly one of mbox, mbox_sha1sum, openid, account`);
}

/** Checks the inverse functional identifiers present and returns how many there are. */
function identifiers(value: Record<string, unknown>, where: string, problems: Problems): number {
  let count = 0;
  if (value.mbox !== undefined) {
    count++;
    if (!(typeof value.mbox === 'string' && /^mailto:[^@\s]+@[^@\s]+$/.test(value.mbox)))
      problems.push(`${where}.mbox: must be a mailto: address`);
  }
  if (value.mbox_sha1sum !== undefined) {
    count++;
    if (!(typeof value.mbox_sha1sum === 'string' && /^[0-9a-f]{40}$/i.test(value.mbox_sha1sum)))
      problems.push(`${where}.mbox_sha1sum: must be a SHA-1 hash in hexadecimal`);
  }
  if (value.openid !== undefined) {
    count++;
    iri(value.openid, `${where}.openid`, problems, IRI, 'a URI');
  }
  if (value.account !== undefined) {
    count++;
    const account = value.account;
    if (!isRecord(account)) problems.push(`${where}.account: must be an object`);
    else {
      known(account, `${where}.account`, ['homePage', 'name'], problems);
      iri(account.homePage, `${where}.account.homePage`, problems, IRL, 'an IRL (http or https)');
      if (!(typeof account.name === 'string' && account.name !== ''))
        problems.push(`${where}.account.name: must be a non-empty string`);
    }
  }
  return count;
}

function verb(value: unknown, problems: Problems): void {
  if (!isRecord(value)) {
    problems.push('verb: must be an object');
    return;
  }
  known(value, 'verb', ['id', 'display'], problems);
  iri(value.id, 'verb.id', problems);
  // The specification only recommends a display; statements from Branchpoint always carry one.
  if (value.display === undefined) problems.push('verb.display: is missing');
  else languageMap(value.display, 'verb.display', problems);
}

function object(value: unknown, where: string, problems: Problems): void {
  if (!isRecord(value)) {
    problems.push(`${where}: must be an object`);
    return;
  }
  const type = value.objectType ?? 'Activity';
  if (type === 'Agent' || type === 'Group') return agentOrGroup(value, where, problems);
  if (type === 'StatementRef') {
    known(value, where, ['objectType', 'id'], problems);
    if (!(typeof value.id === 'string' && UUID.test(value.id))) problems.push(`${where}.id: must be a UUID`);
    return;
  }
  if (type !== 'Activity') {
    problems.push(`${where}.objectType: must be Activity, Agent, Group or StatementRef`);
    return;
  }
  activity(value, where, problems);
}

function activity(value: unknown, where: string, problems: Problems): void {
  if (!isRecord(value)) {
    problems.push(`${where}: must be an Activity`);
    return;
  }
  known(value, where, ['objectType', 'id', 'definition'], problems);
  if (value.objectType !== undefined && value.objectType !== 'Activity')
    problems.push(`${where}.objectType: must be Activity`);
  iri(value.id, `${where}.id`, problems);
  const definition = value.definition;
  if (definition === undefined) return;
  const at = `${where}.definition`;
  if (!isRecord(definition)) {
    problems.push(`${at}: must be an object`);
    return;
  }
  const components = ['choices', 'scale', 'source', 'target', 'steps'];
  known(
    definition,
    at,
    [
      'name',
      'description',
      'type',
      'moreInfo',
      'interactionType',
      'correctResponsesPattern',
      'extensions',
      ...components,
    ],
    problems,
  );
  if (definition.name !== undefined) languageMap(definition.name, `${at}.name`, problems);
  if (definition.description !== undefined) languageMap(definition.description, `${at}.description`, problems);
  if (definition.type !== undefined) iri(definition.type, `${at}.type`, problems);
  if (definition.moreInfo !== undefined) iri(definition.moreInfo, `${at}.moreInfo`, problems, IRL, 'an IRL');
  if (definition.extensions !== undefined) extensions(definition.extensions, `${at}.extensions`, problems);
  if (definition.interactionType !== undefined && !INTERACTION_TYPES.includes(String(definition.interactionType)))
    problems.push(`${at}.interactionType: must be one of ${INTERACTION_TYPES.join(', ')}`);
  if (definition.correctResponsesPattern !== undefined) {
    const pattern = definition.correctResponsesPattern;
    if (!(Array.isArray(pattern) && pattern.every((p) => typeof p === 'string')))
      problems.push(`${at}.correctResponsesPattern: must be an array of strings`);
  }
  for (const name of components) {
    const list = definition[name];
    if (list === undefined) continue;
    if (definition.interactionType === undefined) problems.push(`${at}.${name}: needs an interactionType`);
    if (!Array.isArray(list)) {
      problems.push(`${at}.${name}: must be an array`);
      continue;
    }
    const ids = new Set<string>();
    list.forEach((item, i) => {
      const here = `${at}.${name}[${i}]`;
      if (!isRecord(item)) return void problems.push(`${here}: must be an object`);
      known(item, here, ['id', 'description'], problems);
      if (!(typeof item.id === 'string' && item.id !== '')) problems.push(`${here}.id: must be a non-empty string`);
      else if (ids.has(item.id)) problems.push(`${here}.id: "${item.id}" appears twice`);
      else ids.add(item.id);
      if (item.description !== undefined) languageMap(item.description, `${here}.description`, problems);
    });
  }
}

function result(value: unknown, problems: Problems): void {
  if (!isRecord(value)) {
    problems.push('result: must be an object');
    return;
  }
  known(value, 'result', ['score', 'success', 'completion', 'response', 'duration', 'extensions'], problems);
  for (const flag of ['success', 'completion'] as const)
    if (value[flag] !== undefined && typeof value[flag] !== 'boolean')
      problems.push(`result.${flag}: must be true or false`);
  if (value.response !== undefined && typeof value.response !== 'string')
    problems.push('result.response: must be a string');
  if (value.duration !== undefined && !(typeof value.duration === 'string' && DURATION.test(value.duration)))
    problems.push('result.duration: must be an ISO 8601 duration');
  if (value.extensions !== undefined) extensions(value.extensions, 'result.extensions', problems);
  if (value.score !== undefined) score(value.score, problems);
}

function score(value: unknown, problems: Problems): void {
  if (!isRecord(value)) return void problems.push('result.score: must be an object');
  known(value, 'result.score', ['scaled', 'raw', 'min', 'max'], problems);
  for (const key of ['scaled', 'raw', 'min', 'max'] as const)
    if (value[key] !== undefined && typeof value[key] !== 'number')
      problems.push(`result.score.${key}: must be a number`);
  const { scaled, raw, min, max } = value as Record<string, number | undefined>;
  if (scaled !== undefined && (scaled < -1 || scaled > 1)) problems.push('result.score.scaled: must be from -1 to 1');
  if (min !== undefined && max !== undefined && min > max) problems.push('result.score.min: must not exceed max');
  if (raw !== undefined && ((min !== undefined && raw < min) || (max !== undefined && raw > max)))
    problems.push('result.score.raw: must be between min and max');
}

function context(value: unknown, problems: Problems): void {
  if (!isRecord(value)) return void problems.push('context: must be an object');
  known(
    value,
    'context',
    [
      'registration',
      'instructor',
      'team',
      'contextActivities',
      'revision',
      'platform',
      'language',
      'statement',
      'extensions',
    ],
    problems,
  );
  if (value.registration !== undefined && !(typeof value.registration === 'string' && UUID.test(value.registration)))
    problems.push('context.registration: must be a UUID');
  if (value.instructor !== undefined) agentOrGroup(value.instructor, 'context.instructor', problems);
  if (value.team !== undefined) agentOrGroup(value.team, 'context.team', problems);
  for (const key of ['revision', 'platform'] as const)
    if (value[key] !== undefined && typeof value[key] !== 'string') problems.push(`context.${key}: must be a string`);
  if (value.language !== undefined && !(typeof value.language === 'string' && LANGUAGE_TAG.test(value.language)))
    problems.push('context.language: must be a language tag (RFC 5646)');
  if (value.extensions !== undefined) extensions(value.extensions, 'context.extensions', problems);
  const activities = value.contextActivities;
  if (activities === undefined) return;
  if (!isRecord(activities)) return void problems.push('context.contextActivities: must be an object');
  known(activities, 'context.contextActivities', ['parent', 'grouping', 'category', 'other'], problems);
  for (const [key, list] of Object.entries(activities)) {
    const items = Array.isArray(list) ? list : [list];
    items.forEach((item, i) => activity(item, `context.contextActivities.${key}[${i}]`, problems));
  }
}
