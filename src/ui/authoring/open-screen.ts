/**
 * "Open a scenario": an educator picks or drops their scenario's folder, files or zip; the page
 * checks it and lists each problem with its line, or draws its structure. Nothing is uploaded.
 */
import { h } from '../dom.ts';
import type { OpenOutcome } from '../../authoring/open-scenario.ts';
import { problemList } from './problem-list.ts';

export type OpenState = { kind: 'empty' } | { kind: 'reading' } | OpenOutcome;

export interface OpenScreenActions {
  pickFolder: (files: FileList) => void;
  pickFiles: (files: FileList) => void;
  choose: (scenarioFile: string) => void;
  play: () => void;
  /** Drawn below the problems when the scenario's shape is right. */
  structure: () => HTMLElement | null;
  /** Download as one HTML file, when that can be offered. */
  publish: (() => HTMLElement | null) | undefined;
  /** Opens the checked scenario in the editor, when its text could be read. */
  edit: (() => void) | undefined;
}

export function openScreen(state: OpenState, actions: OpenScreenActions): HTMLElement {
  const input = (attributes: Record<string, string | boolean>, onPick: (files: FileList) => void) => {
    const element = h('input', { type: 'file', hidden: true, ...attributes });
    element.addEventListener('change', () => {
      if (element.files && element.files.length > 0) onPick(element.files);
      element.value = '';
    });
    return element;
  };
  const folderInput = input({ webkitdirectory: true, id: 'open-folder-input' }, actions.pickFolder);
  const filesInput = input(
    { multiple: true, accept: '.yaml,.yml,.json,.txt,.zip', id: 'open-files-input' },
    actions.pickFiles,
  );
  return h(
    'article',
    { class: 'screen open-screen', 'aria-labelledby': 'screen-title' },
    h('h2', { id: 'screen-title' }, 'Open a scenario'),
    h(
      'p',
      { class: 'lead' },
      'Check and play a scenario you wrote. The files stay on this device: this page reads them itself and sends them nowhere.',
    ),
    h(
      'div',
      { class: 'drop-zone' },
      h(
        'p',
        {},
        'Drop the scenario’s folder, its files (scenario.yaml with its sources), or a zip of them anywhere on this page, or choose them:',
      ),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { type: 'button', class: 'primary-button', onclick: () => folderInput.click() },
          'Choose a folder…',
        ),
        h('button', { type: 'button', onclick: () => filesInput.click() }, 'Choose files or a zip…'),
      ),
      folderInput,
      filesInput,
    ),
    h('div', { class: 'open-result', 'aria-live': 'polite' }, result(state, actions)),
  );
}

function result(state: OpenState, actions: OpenScreenActions): HTMLElement | null {
  switch (state.kind) {
    case 'empty':
      return h(
        'p',
        { class: 'fine-print' },
        'A scenario is a file named scenario.yaml with a sources folder beside it. docs/authoring.md explains how to write one.',
      );
    case 'reading':
      return h('p', { class: 'loading' }, 'Reading and checking…');
    case 'refused':
      return h('div', { class: 'notice', role: 'alert' }, h('p', {}, state.message));
    case 'choose':
      return h(
        'section',
        { 'aria-labelledby': 'choose-title' },
        h('h3', { id: 'choose-title' }, `${state.candidates.length} scenarios were opened: which one?`),
        h(
          'ul',
          { class: 'scenario-choices' },
          state.candidates.map((file) =>
            h(
              'li',
              {},
              h('button', { type: 'button', class: 'link-button', onclick: () => actions.choose(file) }, file),
            ),
          ),
        ),
      );
    case 'checked': {
      const { result, file } = state;
      const playable = result.bundle !== undefined;
      return h(
        'div',
        {},
        playable
          ? h(
              'section',
              { class: 'open-verdict ok', 'aria-labelledby': 'verdict-title' },
              h('h3', { id: 'verdict-title' }, `“${result.bundle!.scenario.title}” is ready to play`),
              h(
                'p',
                {},
                `${file} has no errors${result.diagnostics.length ? `, and ${result.diagnostics.length} ${result.diagnostics.length === 1 ? 'warning' : 'warnings'} (below)` : ''}.`,
              ),
              h(
                'div',
                { class: 'actions' },
                h('button', { type: 'button', class: 'primary-button', onclick: actions.play }, 'Play it'),
                actions.edit ? h('button', { type: 'button', onclick: actions.edit }, 'Edit it in the page') : null,
                actions.publish?.(),
              ),
            )
          : h(
              'div',
              {},
              h('p', { class: 'open-verdict', role: 'alert' }, `${file} cannot be played yet: fix the errors below.`),
              actions.edit
                ? h('button', { type: 'button', onclick: actions.edit }, 'Fix it in the page’s editor')
                : null,
            ),
        result.diagnostics.length > 0
          ? problemList({ file, text: state.text, diagnostics: result.diagnostics, scenario: state.scenario })
          : null,
        actions.structure(),
      );
    }
  }
}
