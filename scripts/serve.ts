/**
 * Serves a built H5 folder on loopback only (http://127.0.0.1:PORT, default 4173) with the
 * enrolment server's own static site (server/node/staticSite.ts: gzip, caching, index.html for page
 * navigations and 404 for anything else missing) and no API: the offline demo (`npm run start:mock`,
 * where the server runs inside the page) and the bench's size and Lighthouse runs.
 * Usage: tsx scripts/serve.ts <dir> [port]
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { staticSite } from '../server/node/staticSite';

export function createStaticServer(root: string): http.Server {
  const site = staticSite(root);
  return http.createServer((req, res) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const answer = site(new Request(`http://127.0.0.1${req.url ?? '/'}`, { method: req.method, headers })) ?? new Response('not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    void answer.arrayBuffer().then((body) => {
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(req.method === 'HEAD' ? undefined : Buffer.from(body));
    });
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const root = process.argv[2] ?? 'dist/h5-mock';
  const port = Number(process.argv[3] ?? process.env.PORT ?? 4173);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    console.error(`No build in ${root}: run npm run build:h5-mock first.`);
    process.exit(1);
  }
  createStaticServer(root).listen(port, '127.0.0.1', () => {
    // eslint-disable-next-line no-console -- a command-line server says where it is
    console.log(`入学一件事 (mock host) is ready: http://127.0.0.1:${port}/`);
    // eslint-disable-next-line no-console
    console.log('QA: the round "QA" button at the bottom right opens the test panel.');
  });
}
