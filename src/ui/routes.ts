/**
 * Addresses inside the page, kept in the URL's hash so they work from a web server and from
 * file:// alike. A link is untrusted input: anything that does not parse goes to the title screen.
 */
export type Route =
  | { screen: 'title' }
  | { screen: 'open' }
  /** The editor: the scenario in progress is kept in the browser, so the address names no scenario. */
  | { screen: 'edit' }
  | { screen: 'briefing'; scenario: string }
  | { screen: 'play'; scenario: string }
  | { screen: 'link'; scenario: string; options: string[] }
  | { screen: 'map'; scenario: string }
  | { screen: 'compare'; scenario: string }
  | { screen: 'labels'; scenario: string }
  | { screen: 'structure'; scenario: string }
  | { screen: 'guide'; scenario: string }
  | { screen: 'handout'; scenario: string };

const ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const MAX_LINK_STEPS = 200;

export function parseRoute(hash: string): Route | undefined {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(safeDecode);
  if (parts.length === 0) return { screen: 'title' };
  if (parts.length === 1 && parts[0] === 'open') return { screen: 'open' };
  if (parts.length === 1 && parts[0] === 'edit') return { screen: 'edit' };
  const [s, scenario, screen, rest, ...extra] = parts;
  if (s !== 's' || !scenario || !ID.test(scenario) || extra.length > 0) return undefined;
  if (screen === undefined) return rest === undefined ? { screen: 'briefing', scenario } : undefined;
  if (screen === 'at') {
    const options = (rest ?? '').split('.').filter(Boolean);
    if (options.length > MAX_LINK_STEPS || !options.every((o) => ID.test(o))) return undefined;
    return { screen: 'link', scenario, options };
  }
  if (rest !== undefined) return undefined;
  if (
    screen === 'play' ||
    screen === 'map' ||
    screen === 'compare' ||
    screen === 'structure' ||
    screen === 'labels' ||
    screen === 'guide' ||
    screen === 'handout'
  )
    return { screen, scenario };
  return undefined;
}

export function formatRoute(route: Route): string {
  switch (route.screen) {
    case 'title':
      return '#/';
    case 'open':
      return '#/open';
    case 'edit':
      return '#/edit';
    case 'briefing':
      return `#/s/${route.scenario}`;
    case 'link':
      return `#/s/${route.scenario}/at/${route.options.join('.')}`;
    default:
      return `#/s/${route.scenario}/${route.screen}`;
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return '\u0000';
  }
}
