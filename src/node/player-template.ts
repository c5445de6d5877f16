/**
 * The single-file player template: built from standalone.html by vite.standalone.config.ts, in
 * memory, and kept under node_modules/.cache/branchpoint/ keyed by a hash of everything that
 * goes into it, so an export rebuilds it only after the code or the dependencies change.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './project-root.ts';

const CONFIG = 'vite.standalone.config.ts';
const CACHE = join(projectRoot, 'node_modules/.cache/branchpoint');
/** What the template is built from, besides the files under src/. */
const INPUTS = ['standalone.html', CONFIG, 'package-lock.json'];

/** Runs the standalone Vite build and returns the one HTML file it makes. */
export async function buildPlayerTemplate(): Promise<string> {
  const { build } = await import('vite');
  const output = await build({
    root: projectRoot,
    configFile: join(projectRoot, CONFIG),
    logLevel: 'warn',
    build: { write: false },
  });
  const outputs = Array.isArray(output) ? output : [output];
  for (const result of outputs) {
    if (!('output' in result)) continue;
    const html = result.output.find((file) => file.type === 'asset' && file.fileName.endsWith('.html'));
    if (html && html.type === 'asset')
      return typeof html.source === 'string' ? html.source : new TextDecoder().decode(html.source);
  }
  throw new Error(`the standalone build (${CONFIG}) produced no HTML file`);
}

export interface CachedTemplate {
  html: string;
  /** False when it was built just now. */
  cached: boolean;
}

/** The template, from the cache when nothing that goes into it has changed since it was built. */
export async function cachedPlayerTemplate(): Promise<CachedTemplate> {
  const file = join(CACHE, `player-template-${inputsHash()}.html`);
  if (existsSync(file)) return { html: readFileSync(file, 'utf8'), cached: true };
  const html = await buildPlayerTemplate();
  mkdirSync(CACHE, { recursive: true });
  for (const old of readdirSync(CACHE).filter((name) => name.startsWith('player-template-')))
    rmSync(join(CACHE, old), { force: true });
  // Written under another name and renamed, so a second export running at the same time never reads half a file.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, html);
  renameSync(partial, file);
  return { html, cached: false };
}

function inputsHash(): string {
  const hash = createHash('sha256');
  const files = [...INPUTS.map((name) => join(projectRoot, name)), ...filesUnder(join(projectRoot, 'src'))];
  for (const file of files) {
    hash.update(file.slice(projectRoot.length));
    hash.update('\0');
    if (existsSync(file)) hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
