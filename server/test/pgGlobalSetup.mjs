/**
 * Global set-up of the `postgres` jest project: the server tests need a PostgreSQL server. CI (and
 * anyone) may give one in PG_TEST_URL; otherwise one throwaway cluster is started for the whole run
 * (not one per file: initdb costs seconds), and the workers, started after this, inherit its URL.
 */
import { startCluster } from '../../scripts/pg-test-cluster.mjs';

export default async function pgGlobalSetup() {
  if (process.env.PG_TEST_URL) return;
  // Throws "PostgreSQL binaries (initdb, pg_ctl) not found…" where PostgreSQL is not installed: never skipped.
  const cluster = await startCluster();
  process.env.PG_TEST_URL = cluster.url;
  globalThis.__serverTestCluster = cluster.dir;
}
