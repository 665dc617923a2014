/** Global teardown of the `postgres` jest project: stops the cluster pgGlobalSetup.mjs started, if any. */
import { stopCluster } from '../../scripts/pg-test-cluster.mjs';

export default async function pgGlobalTeardown() {
  const dir = globalThis.__serverTestCluster;
  if (!dir) return;
  delete process.env.PG_TEST_URL;
  globalThis.__serverTestCluster = undefined;
  stopCluster(dir);
}
