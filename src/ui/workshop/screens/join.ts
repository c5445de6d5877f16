/** A participant comes in: the room code (filled in from the link or QR code) and a nickname. No account. */
import { LIMITS, ROOM_CODE_LENGTH } from '../../../workshop/protocol.ts';
import { h } from '../../dom.ts';

export interface JoinActions {
  join: (code: string, nickname: string) => void;
}

/** What the person had typed, kept across a failed join, and which field the problem is about. */
export interface JoinDraft {
  nickname?: string;
  /** The field to put right: it is marked invalid, described by the problem, and takes focus. */
  problemField?: 'code' | 'nickname';
}

export function joinScreen(
  code: string,
  problem: string | undefined,
  busy: boolean,
  actions: JoinActions,
  draft: JoinDraft = {},
): HTMLElement {
  const invalid = (field: JoinDraft['problemField']) =>
    problem && draft.problemField === field
      ? { 'aria-invalid': 'true', 'aria-describedby': `join-${field}-hint join-problem` }
      : {};
  const problemLine = problem ? h('p', { class: 'form-problem', id: 'join-problem', role: 'alert' }, problem) : null;
  const codeInput = h('input', {
    type: 'text',
    id: 'join-code',
    class: 'text-field code-field',
    value: code,
    required: true,
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    maxlength: ROOM_CODE_LENGTH + 4,
    'aria-describedby': 'join-code-hint',
    ...invalid('code'),
  });
  const nameInput = h('input', {
    type: 'text',
    id: 'join-nickname',
    class: 'text-field',
    required: true,
    autocomplete: 'nickname',
    value: draft.nickname ?? '',
    maxlength: LIMITS.nickname,
    'aria-describedby': 'join-nickname-hint',
    ...invalid('nickname'),
  });
  const form = h(
    'form',
    { class: 'join-form' },
    h('label', { class: 'field-label', for: 'join-code' }, 'Room code'),
    h(
      'p',
      { class: 'fine-print', id: 'join-code-hint' },
      `The ${ROOM_CODE_LENGTH} letters and digits on the screen at the front.`,
    ),
    codeInput,
    // The problem sits under the field it is about, so the eye finds what to put right.
    draft.problemField === 'code' ? problemLine : null,
    h('label', { class: 'field-label', for: 'join-nickname' }, 'Your nickname'),
    h(
      'p',
      { class: 'fine-print', id: 'join-nickname-hint' },
      `Up to ${LIMITS.nickname} characters. The facilitator sees it; the screen at the front does not.`,
    ),
    nameInput,
    draft.problemField === 'nickname' || !draft.problemField ? problemLine : null,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary-button', disabled: busy }, busy ? 'Joining…' : 'Join'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    actions.join(codeInput.value, nameInput.value);
  });
  return h(
    'article',
    { class: 'screen join-screen', 'aria-labelledby': 'screen-title' },
    h('h2', { id: 'screen-title' }, 'Join a workshop'),
    h('p', {}, 'Vote on each decision with the rest of the room. You need no account.'),
    form,
  );
}
