/**
 * Puts a screen in the page as the app does (inside <main> of an English document) and runs axe
 * on it. color-contrast needs real layout and styles, which a DOM without a renderer does not
 * have: the Chromium end-to-end tests check contrast; everything else axe checks here.
 */
import axe from 'axe-core';

export function mount(screen: Node): HTMLElement {
  document.documentElement.lang = 'en';
  document.title = 'Branchpoint';
  const main = document.createElement('main');
  main.appendChild(screen);
  document.body.replaceChildren(main);
  return main;
}

/** Mounts the screen and lists each violation as "rule: selector", so a failing test says what and where. */
export async function axeViolations(screen: Node): Promise<string[]> {
  mount(screen);
  return axeViolationsIn(document.body);
}

/** The violations in what the document holds now (for a dialog opened beside the screen). */
export async function axeViolationsIn(root: Element): Promise<string[]> {
  const result = await axe.run(root, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  return result.violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

/** The visible text of an element with its white space squeezed, for readable assertions. */
export const textOf = (element: Node): string => (element.textContent ?? '').replace(/\s+/g, ' ').trim();
