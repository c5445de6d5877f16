/**
 * A tiny element builder. Scenario text is untrusted, so text always goes in as text nodes:
 * nothing here ever sets innerHTML.
 */
type Child = Node | string | number | false | null | undefined | Child[];
type Attributes = Record<string, string | number | boolean | EventListener | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    else if (name === 'class') element.className = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** Moves focus to an element that is not normally focusable, such as a screen's heading. */
export function focusHeading(element: HTMLElement | null): void {
  if (!element) return;
  element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll: false });
}

/** Scrolls `frame` so that `target` (inside it) sits in its middle, after this frame's layout. */
export function centreInFrame(frame: HTMLElement, findTarget: () => Element | null): void {
  requestAnimationFrame(() => {
    const target = findTarget();
    if (!target) return;
    const box = target.getBoundingClientRect();
    const view = frame.getBoundingClientRect();
    frame.scrollLeft += box.left + box.width / 2 - (view.left + view.width / 2);
    frame.scrollTop += box.top + box.height / 2 - (view.top + view.height / 2);
  });
}
