/**
 * npm run server (and npm start): the enrolment server on Node. PORT, HOST, DATABASE_URL
 * (postgres://… for a PostgreSQL server; otherwise the embedded PGlite under DATA_DIR, default
 * .data/), STATIC_DIR (a built H5 folder to serve beside the API), NODE_ENV=production.
 */
import { ConfigError, loadConfig } from './node/config';
import { startNodeServer } from './node/start';

async function main() {
  const config = loadConfig();
  const running = await startNodeServer(config);
  console.warn(`入学一件事 enrolment server: ${running.url} (${config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`}${config.development ? ', development: QA API and dev host on' : ''})`);
  if (config.staticDir) console.warn(`serving ${config.staticDir}: open ${running.url}/ ${config.development ? '(QA: the round "QA" button at the bottom right)' : ''}`);
  const stop = async (signal: string) => {
    console.warn(`${signal}: finishing requests and closing the database`);
    await running.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `refusing to start: ${error.message}` : error);
  process.exit(1);
});
