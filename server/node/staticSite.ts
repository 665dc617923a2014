/**
 * A built H5 folder served the way a production web server would: gzip for text assets, long
 * caching for hashed files, no caching of index.html, index.html for page navigations and 404 for
 * anything else missing (an API call to a static host fails as an API call, not with a web page).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES: Record<string, string> = {
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

export function staticSite(root: string): (request: Request) => Response | null {
  const base = path.resolve(root);
  const gzipCache = new Map<string, Buffer>();
  return (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return null;
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(request.url).pathname);
    } catch {
      return new Response('bad request', { status: 400 });
    }
    let file = path.join(base, urlPath);
    if (!file.startsWith(base)) return new Response('forbidden', { status: 403 });
    // A folder's own index.html (a page served under a sub-path, e.g. /host-h5/), as web servers do.
    if (fs.existsSync(file) && fs.statSync(file).isDirectory() && fs.existsSync(path.join(file, 'index.html'))) file = path.join(file, 'index.html');
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      const navigation = urlPath === '/' || (request.headers.get('accept') ?? '').includes('text/html');
      if (!navigation) return null;
      file = path.join(base, 'index.html');
      if (!fs.existsSync(file)) return null;
    }
    const ext = path.extname(file);
    const headers: Record<string, string> = { 'Content-Type': TYPES[ext] ?? 'application/octet-stream', Vary: 'Accept-Encoding' };
    headers['Cache-Control'] = file.endsWith('index.html') || file.endsWith('mockServiceWorker.js') ? 'no-cache' : 'public, max-age=31536000, immutable';
    const stat = fs.statSync(file);
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) {
      const key = `${file}:${stat.mtimeMs}:${stat.size}`;
      let body = gzipCache.get(key);
      if (!body) {
        body = zlib.gzipSync(fs.readFileSync(file), { level: 6 });
        gzipCache.set(key, body);
      }
      return new Response(new Uint8Array(body), { status: 200, headers: { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': String(body.length) } });
    }
    return new Response(new Uint8Array(fs.readFileSync(file)), { status: 200, headers });
  };
}
