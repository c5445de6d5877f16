/**
 * A button that asks before it does something a student cannot undo. The question is a modal
 * dialog (announced, focus kept inside, Escape says no) whose safe answer has the focus, and focus
 * returns to the button when it closes; never window.confirm, which screen readers and the page's
 * own styles cannot shape.
 */
import { h } from '../dom.ts';

export interface Question {
  title: string;
  text: string;
  yes: string;
  no: string;
}

let count = 0;

/** The button, and its dialog (kept beside it in the page, closed until asked). */
export function confirmButton(label: string, question: Question, onYes: () => void): HTMLElement[] {
  const id = `confirm-${++count}`;
  const no = h('button', { type: 'button', autofocus: true }, question.no);
  const yes = h('button', { type: 'button', class: 'primary-button' }, question.yes);
  const dialog = h(
    'dialog',
    { class: 'confirm-dialog', 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-text` },
    h('h3', { id: `${id}-title` }, question.title),
    h('p', { id: `${id}-text` }, question.text),
    h('div', { class: 'actions' }, no, yes),
  );
  no.addEventListener('click', () => dialog.close());
  yes.addEventListener('click', () => {
    dialog.close();
    onYes();
  });
  const button = h('button', { type: 'button', onclick: () => dialog.showModal() }, label);
  return [button, dialog];
}
