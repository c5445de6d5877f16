/**
 * A stand-in learning platform for the package tests, served from 127.0.0.1: a host page that
 * loads scorm-again (the maintained LMS side of SCORM 1.2 and 2004), sets window.API or
 * window.API_1484_11 and frames the package's index.html, as Moodle does; the unzipped packages;
 * and a minimal learning record store for a cmi5 launch (a token, the launch data, statements).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join, normalize } from 'node:path';
import { repoRoot } from './server.ts';

export const TOKEN = 'YnJhbmNocG9pbnQ6dGVzdA==';
export const SESSION_ID = 'cmi5-session-1';

export interface ReceivedStatements {
  statements: unknown[];
  headers: Array<Record<string, string | undefined>>;
}

const SCORM_AGAIN = join(repoRoot, 'node_modules/scorm-again/dist/scorm-again.min.js');

/** The host page: `?v=1.2|2004`; the test may put saved CMI data in window.__savedCmi before it runs. */
const hostPage = (version: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Test platform</title>
    <link rel="icon" href="data:," />
    <script src="/scorm-again.min.js"></script>
    <script>
      const settings = { logLevel: 5, autocommit: false };
      const api = ${version === '1.2' ? 'new Scorm12API(settings)' : 'new Scorm2004API(settings)'};
      if (window.__savedCmi) api.loadFromJSON(window.__savedCmi);
      window.${version === '1.2' ? 'API' : 'API_1484_11'} = api;
      window.__commits = 0;
      api.on('${version === '1.2' ? 'LMSCommit' : 'Commit'}', () => window.__commits++);
      window.__statements = [];
      addEventListener('message', (event) => {
        if (event.data && event.data.type === 'branchpoint:xapi') window.__statements.push(event.data.statement);
      });
    </script>
  </head>
  <body>
    <h1>Test platform</h1>
    <iframe id="course" title="Course" src="/pkg-${version}/index.html" width="1200" height="760"></iframe>
  </body>
</html>`;

export interface LmsHost {
  url: string;
  lrs: ReceivedStatements;
  close(): Promise<void>;
}

/** Serves the host page, scorm-again, the unzipped packages (folder per version) and the store. */
export async function startLmsHost(packages: Record<string, string>): Promise<LmsHost> {
  const lrs: ReceivedStatements = { statements: [], headers: [] };
  const server: Server = createServer((req, res) => {
    void handle(req).then(
      ([status, type, body]) => {
        res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
        res.end(body);
      },
      (error: unknown) => {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(String(error));
      },
    );
  });

  async function handle(req: IncomingMessage): Promise<[number, string, string | Buffer]> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (path === '/host') return [200, 'text/html', hostPage(url.searchParams.get('v') ?? '1.2')];
    if (path === '/scorm-again.min.js') return [200, 'text/javascript', readFileSync(SCORM_AGAIN)];
    const pkg = /^\/pkg-(1\.2|2004|cmi5)\/(.+)$/.exec(path);
    if (pkg) {
      const folder = packages[pkg[1]!]!;
      const file = normalize(join(folder, pkg[2]!));
      if (!file.startsWith(folder)) return [403, 'text/plain', 'no'];
      const type = file.endsWith('.html') ? 'text/html' : file.endsWith('.xml') ? 'application/xml' : 'text/plain';
      return [200, type, readFileSync(file)];
    }
    if (path === '/token' && req.method === 'POST')
      return [200, 'application/json', JSON.stringify({ 'auth-token': TOKEN })];
    if (path === '/xapi/activities/state' && req.method === 'GET') {
      if (url.searchParams.get('stateId') !== 'LMS.LaunchData') return [404, 'text/plain', 'no such state'];
      const contextTemplate = {
        extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': SESSION_ID },
      };
      return [200, 'application/json', JSON.stringify({ contextTemplate, launchMode: 'Normal', moveOn: 'Completed' })];
    }
    if (path === '/xapi/statements' && req.method === 'POST') {
      const body = await new Promise<string>((resolve) => {
        let text = '';
        req.on('data', (chunk: Buffer) => (text += chunk.toString()));
        req.on('end', () => resolve(text));
      });
      const batch = JSON.parse(body) as Array<{ id: string }>;
      // A store keeps one statement per id: a statement sent twice is stored once.
      const held = new Set(lrs.statements.map((s) => (s as { id: string }).id));
      lrs.statements.push(...batch.filter((s) => !held.has(s.id)));
      lrs.headers.push({
        authorization: req.headers.authorization,
        version: req.headers['x-experience-api-version'] as string | undefined,
      });
      return [200, 'application/json', JSON.stringify(batch.map((s) => s.id))];
    }
    return [404, 'text/plain', 'not found'];
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the test platform has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    lrs,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
