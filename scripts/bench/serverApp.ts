/**
 * The bench's server process: the real Node server (startNodeServer, DATABASE_URL from the
 * environment, development so the QA clock drives the jobs) plus one bench-only route, mounted here
 * and nowhere in the production app: GET /api/v1/bench/bare?id=… answers after one indexed SELECT
 * (a child by primary key) through the same stack (Hono app, middleware, store, pool). Prints
 * "listening <url>" when ready.
 */
import { loadConfig } from '../../server/node/config';
import { startNodeServer } from '../../server/node/start';

async function main() {
  const config = { ...loadConfig(), port: 0, logRequests: false };
  if (!config.databaseUrl) throw new Error('the bench server needs DATABASE_URL');
  const running = await startNodeServer(config);
  const { app, deps } = running.server;
  app.get('/api/v1/bench/bare', async (c) => {
    const child = await deps.store.read((repos) => repos.children.get(c.req.query('id') ?? ''));
    return c.json({ found: child !== null });
  });
  process.stdout.write(`listening ${running.url}\n`);
  process.on('SIGTERM', () => void running.close().then(() => process.exit(0)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
