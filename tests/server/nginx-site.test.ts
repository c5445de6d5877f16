/**
 * The repository's nginx site (deploy/nginx-branchpoint.conf) as the tests and `npm run cluster`
 * fill it in; nginx itself runs it in cluster.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderNginxSite } from '../../src/server/local-engines.ts';
import { repoRoot } from '../e2e/server.ts';

const template = readFileSync(join(repoRoot, 'deploy/nginx-branchpoint.conf'), 'utf8');

describe('the nginx site', () => {
  it('hashes on the room code, passes WebSocket upgrades and keeps the Host with its port', () => {
    expect(template).toMatch(/hash \$branchpoint_affinity consistent;/);
    expect(template).toMatch(/default \$arg_room;/);
    expect(template).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(template).toMatch(/proxy_set_header Host \$http_host;/);
  });

  it('takes the upstream servers and the port it is given, and nothing else changes', () => {
    const site = renderNginxSite(template, 2222, ['127.0.0.1:1111', '10.0.0.5:5173']);
    expect(site).toContain('server 127.0.0.1:1111 max_fails=1 fail_timeout=5s;');
    expect(site).toContain('server 10.0.0.5:5173 max_fails=1 fail_timeout=5s;');
    expect(site).not.toContain('127.0.0.1:5101');
    expect(site).toContain('listen 127.0.0.1:2222;');
    expect(site.replace(/ {2}# upstream servers: begin[\s\S]*# upstream servers: end/, '').split('\n').length).toBe(
      template.replace(/ {2}# upstream servers: begin[\s\S]*# upstream servers: end/, '').split('\n').length,
    );
  });
});
