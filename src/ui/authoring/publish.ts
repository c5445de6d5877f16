/**
 * "Download as one HTML file": the same single-file player as `npm run scenario -- export`, made
 * in the page from the player template the build ships beside it. The template is fetched from
 * this page's own folder only; a page opened from file:// (or built without the template) cannot
 * fetch it, and says so.
 */
import { injectBundle, PLAYER_TEMPLATE_FILE } from '../../authoring/standalone-bundle.ts';
import type { ScenarioBundle } from '../../scenario/validate.ts';
import { h } from '../dom.ts';

export function publishButton(bundle: ScenarioBundle): HTMLElement {
  const status = h('p', { class: 'fine-print publish-status', role: 'status' });
  const button = h('button', { type: 'button' }, 'Download as one HTML file');
  button.addEventListener('click', () => {
    status.textContent = 'Making the file…';
    void publish(bundle).then((message) => (status.textContent = message));
  });
  return h('div', { class: 'publish' }, button, status);
}

async function publish(bundle: ScenarioBundle): Promise<string> {
  const template = await fetchTemplate();
  if (template === undefined) {
    return location.protocol === 'file:'
      ? 'This page was opened from a file, so it cannot make the single-file player. Open Branchpoint from a web server (npm start), or run: npm run scenario -- export <folder> -o <file>.html'
      : 'This copy of Branchpoint was built without the single-file player, so it cannot make the file here. Run: npm run scenario -- export <folder> -o <file>.html';
  }
  let html: string;
  try {
    html = injectBundle(template, bundle);
  } catch {
    return 'The single-file player that came with this page is damaged, so no file was made. Rebuild Branchpoint, or run: npm run scenario -- export <folder> -o <file>.html';
  }
  const name = `${bundle.scenario.id}.html`;
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  const link = h('a', { href: url, download: name });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return `Downloaded ${name} (${(html.length / 1024 / 1024).toFixed(1)} MB). It plays offline in any browser: hand it to your class.`;
}

async function fetchTemplate(): Promise<string | undefined> {
  if (location.protocol === 'file:') return undefined;
  try {
    const response = await fetch(new URL(PLAYER_TEMPLATE_FILE, location.href), { cache: 'no-cache' });
    if (!response.ok) return undefined;
    const text = await response.text();
    // A dev server answers unknown paths with the page itself; only the template has the scenario slot.
    return text.includes('id="branchpoint-scenario"') ? text : undefined;
  } catch {
    return undefined;
  }
}
