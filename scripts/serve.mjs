#!/usr/bin/env node
/**
 * Serves a built H5 folder on loopback only (http://127.0.0.1:PORT, default 4173) the way a
 * production web server would: gzip for text assets, long caching for hashed files, no caching of
 * index.html or the MSW worker, index.html for page navigations and 404 for anything else missing
 * (an API call to a static host must fail as an API call, not get a web page).
 * Usage: node scripts/serve.mjs <dir> [port]
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.map']);

export function createStaticServer(root) {
  const base = path.resolve(root);
  // Compressed once per file version; builds are immutable while served.
  const gzipCache = new Map();
  const gzipped = (file, stat) => {
    const key = `${file}:${stat.mtimeMs}:${stat.size}`;
    if (!gzipCache.has(key)) gzipCache.set(key, zlib.gzipSync(fs.readFileSync(file), { level: 6 }));
    return gzipCache.get(key);
  };
  return http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    let file = path.join(base, urlPath);
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      const navigation = urlPath === '/' || (req.headers.accept ?? '').includes('text/html');
      if (!navigation) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      file = path.join(base, 'index.html');
    }
    const ext = path.extname(file);
    const headers = { 'Content-Type': TYPES[ext] ?? 'application/octet-stream', Vary: 'Accept-Encoding' };
    headers['Cache-Control'] = file.endsWith('index.html') || file.endsWith('mockServiceWorker.js') ? 'no-cache' : 'public, max-age=31536000, immutable';
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      const body = gzipped(file, fs.statSync(file));
      res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length });
      res.end(body);
      return;
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
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
    console.log(`入学一件事 (mock host) is ready: http://127.0.0.1:${port}/`);
    console.log('QA: the round "QA" button at the bottom right opens the test panel.');
  });
}
