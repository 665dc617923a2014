/** Types of pg-test-cluster.mjs for the tests that import it. */
export interface TestCluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  dir: string;
  port: number;
}
/** The directory holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function findPgBin(): string | null;
export function startCluster(): Promise<TestCluster>;
export function stopCluster(dir: string): void;
