import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, type Route } from '../../src/ui/routes.ts';

describe('page addresses', () => {
  const routes: Route[] = [
    { screen: 'title' },
    { screen: 'open' },
    { screen: 'edit' },
    { screen: 'briefing', scenario: 'atacms-2024' },
    { screen: 'play', scenario: 'atacms-2024' },
    { screen: 'map', scenario: 'atacms-2024' },
    { screen: 'compare', scenario: 'atacms-2024' },
    { screen: 'guide', scenario: 'atacms-2024' },
    { screen: 'handout', scenario: 'atacms-2024' },
    { screen: 'link', scenario: 'atacms-2024', options: ['allow-limited', 'kursk-defensive'] },
    { screen: 'link', scenario: 'atacms-2024', options: [] },
  ];

  it.each(routes)('reads back what it writes: %o', (route) => {
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('treats an empty hash as the title screen', () => {
    expect(parseRoute('')).toEqual({ screen: 'title' });
  });

  it.each([
    '#/x/atacms-2024',
    '#/s/ATACMS',
    '#/s/a/unknown',
    '#/s/a/play/extra',
    '#/s/a/at/ok.<script>',
    '#/s/%E0%A4%A',
    '#/s/__proto__',
    '#/edit/more',
  ])('refuses a link it does not understand: %s', (hash) => {
    expect(parseRoute(hash)).toBeUndefined();
  });

  it('refuses absurdly long links', () => {
    expect(parseRoute(`#/s/a/at/${Array(500).fill('x').join('.')}`)).toBeUndefined();
  });
});
