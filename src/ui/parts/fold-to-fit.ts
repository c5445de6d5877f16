/**
 * Text that folds to the lines a short screen has room for, so that what comes after it (a
 * decision's options) shows without scrolling; a button unfolds it. The fold is only visual (a
 * line clamp): screen readers read the whole text. It measures the laid-out page, so it runs when
 * the screen is in the page and again when its width or the window's height changes (the stage
 * arriving beside the text, a phone turned), unless the student unfolded the text.
 */
import { h } from '../dom.ts';

let count = 0;

/** A paragraph of `className` with its (hidden until needed) unfold button. */
export function foldingText(text: string | Node[], className: string, unfoldLabel: string): HTMLElement {
  const id = `folding-${++count}`;
  const toggle = h(
    'button',
    { type: 'button', class: 'link-button fold-toggle', 'aria-controls': id, 'aria-expanded': 'true', hidden: true },
    unfoldLabel,
  );
  const paragraph = h('p', { class: className, id }, text);
  toggle.addEventListener('click', () => {
    const folded = paragraph.classList.toggle('folded');
    toggle.setAttribute('aria-expanded', String(!folded));
    toggle.textContent = folded ? unfoldLabel : 'Show less';
    toggle.dataset.studentChose = 'true';
  });
  return h('div', { class: 'folding' }, paragraph, toggle);
}

/**
 * Folds `folding` (from foldingText) inside `screen` so that the elements matching `target` end
 * within view: all of them where the text column scrolls on its own (a wide screen), the first
 * where the whole page scrolls (a phone, once the student has scrolled the screen's top up).
 */
export function foldToFit(screen: HTMLElement, folding: HTMLElement, target: string): void {
  const paragraph = folding.querySelector('p')!;
  const toggle = folding.querySelector('button')!;
  let measuredFor = '';
  const observer = new ResizeObserver(() => {
    if (!screen.isConnected) return observer.disconnect();
    const size = `${screen.clientWidth}x${innerHeight}`;
    if (size === measuredFor || toggle.dataset.studentChose) return;
    measuredFor = size;
    const lines = linesThatFit(screen, paragraph, toggle, target);
    paragraph.classList.toggle('folded', lines !== undefined);
    if (lines !== undefined) paragraph.style.setProperty('--fold-lines', String(lines));
    toggle.hidden = lines === undefined;
    toggle.setAttribute('aria-expanded', String(lines === undefined));
  });
  observer.observe(screen);
}

/** How many lines of `paragraph` leave room for the targets; undefined when all of it fits. */
function linesThatFit(
  screen: HTMLElement,
  paragraph: HTMLElement,
  toggle: HTMLElement,
  target: string,
): number | undefined {
  paragraph.classList.remove('folded');
  toggle.hidden = true;
  const targets = screen.querySelectorAll(target);
  const box = scrollBox(screen);
  const last = box ? targets[targets.length - 1] : targets[0];
  if (!last) return undefined;
  const overflow = () => {
    const top = screen.getBoundingClientRect().top + (box ? box.scrollTop : 0);
    const room = box ? box.getBoundingClientRect().bottom - top : innerHeight;
    return last.getBoundingClientRect().bottom - screen.getBoundingClientRect().top - room + MARGIN;
  };
  if (overflow() <= 0) return undefined;
  toggle.hidden = false;
  const style = getComputedStyle(paragraph);
  const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
  const height = paragraph.getBoundingClientRect().height;
  const lines = Math.max(MIN_LINES, Math.floor((height - overflow()) / lineHeight));
  return lines < Math.round(height / lineHeight) ? lines : undefined;
}

const MARGIN = 12;
/** Fewer lines than this would not say what the decision is about. */
const MIN_LINES = 2;

/** The nearest ancestor that scrolls on its own, if any (else the page scrolls). */
function scrollBox(element: HTMLElement): HTMLElement | undefined {
  for (let at = element.parentElement; at && at !== document.body; at = at.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(at).overflowY)) return at;
  }
  return undefined;
}
