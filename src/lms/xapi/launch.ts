/**
 * How the player learns it should send statements to a learning record store: from the address
 * it was opened with. A cmi5 platform launches it with endpoint, fetch (where to get a session
 * token), actor, registration and activityId (cmi5 section 8.1); an older "xAPI launch" names
 * endpoint and auth (and optionally actor, registration, activity_id) directly. The values are
 * untrusted: anything malformed means no store, never a half-set one.
 */
import { isRecord } from '../../lib/is-record.ts';
import type { Agent } from './statements.ts';

export type LrsLaunch =
  | { kind: 'cmi5'; endpoint: string; fetchUrl: string; actor: Agent; registration: string; activityId: string }
  | { kind: 'direct'; endpoint: string; auth: string; actor?: Agent; registration?: string; activityId?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The endpoint with one trailing slash, so "statements" can be appended; undefined unless http(s). */
function endpointOf(text: string | null): string | undefined {
  if (!text) return undefined;
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return url.href.endsWith('/') ? url.href : `${url.href}/`;
  } catch {
    return undefined;
  }
}

function agentOf(text: string | null): Agent | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (!isRecord(value)) return undefined;
    const account = value.account;
    const agent: Agent = { objectType: 'Agent' };
    if (typeof value.name === 'string') agent.name = value.name;
    if (typeof value.mbox === 'string') agent.mbox = value.mbox;
    else if (isRecord(account) && typeof account.homePage === 'string' && typeof account.name === 'string')
      agent.account = { homePage: account.homePage, name: account.name };
    else return undefined;
    return agent;
  } catch {
    return undefined;
  }
}

export function lrsLaunch(search: string): LrsLaunch | undefined {
  const params = new URLSearchParams(search);
  const endpoint = endpointOf(params.get('endpoint'));
  if (!endpoint) return undefined;
  const actor = agentOf(params.get('actor'));
  const registration = params.get('registration') ?? undefined;
  const fetchUrl = params.get('fetch');
  if (fetchUrl) {
    const activityId = params.get('activityId');
    if (!endpointOf(fetchUrl) || !actor || !registration || !UUID.test(registration) || !activityId) return undefined;
    return { kind: 'cmi5', endpoint, fetchUrl, actor, registration, activityId };
  }
  const auth = params.get('auth');
  if (!auth) return undefined;
  const activityId = params.get('activity_id') ?? undefined;
  return {
    kind: 'direct',
    endpoint,
    auth,
    ...(actor ? { actor } : {}),
    ...(registration && UUID.test(registration) ? { registration } : {}),
    ...(activityId ? { activityId } : {}),
  };
}
