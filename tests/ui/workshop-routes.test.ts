/** The workshop page's addresses: what parses, what is refused, and that formatting round-trips. */
import { describe, expect, it } from 'vitest';
import { formatWorkshopRoute, parseWorkshopRoute, type WorkshopRoute } from '../../src/ui/workshop/routes.ts';
import { joinRoute } from '../../src/workshop/protocol.ts';

describe('workshop routes', () => {
  it('reads every screen, with codes typed loosely', () => {
    expect(parseWorkshopRoute('')).toEqual({ screen: 'start' });
    expect(parseWorkshopRoute('#/')).toEqual({ screen: 'start' });
    expect(parseWorkshopRoute('#/join')).toEqual({ screen: 'join', code: '' });
    expect(parseWorkshopRoute('#/join/k7m-2qx')).toEqual({ screen: 'join', code: 'K7M2QX' });
    expect(parseWorkshopRoute('#/host/K7M2QX')).toEqual({ screen: 'host', code: 'K7M2QX' });
    expect(parseWorkshopRoute('#/present/K7M2QX')).toEqual({ screen: 'present', code: 'K7M2QX' });
    expect(parseWorkshopRoute('#/offline/atacms-2024')).toEqual({ screen: 'offline', scenario: 'atacms-2024' });
  });

  it('refuses what is not a route: unknown screens, bad codes, extra parts, odd scenario ids', () => {
    for (const hash of [
      '#/nope',
      '#/host',
      '#/join/K7M2Q',
      '#/join/K7M2QXX',
      '#/join/O0I1L2',
      '#/host/K7M2QX/more',
      '#/offline/../x',
      '#/offline/<b>',
      '#/present/%E0%A4%A',
    ]) {
      expect(parseWorkshopRoute(hash), hash).toBeUndefined();
    }
  });

  it('formats what it parses, and the protocol’s join route is one of them', () => {
    const routes: WorkshopRoute[] = [
      { screen: 'start' },
      { screen: 'join', code: '' },
      { screen: 'join', code: 'K7M2QX' },
      { screen: 'host', code: 'K7M2QX' },
      { screen: 'present', code: 'K7M2QX' },
      { screen: 'offline', scenario: 'atacms-2024' },
    ];
    for (const route of routes) expect(parseWorkshopRoute(formatWorkshopRoute(route))).toEqual(route);
    expect(parseWorkshopRoute(joinRoute('K7M2QX'))).toEqual({ screen: 'join', code: 'K7M2QX' });
  });
});
