#!/usr/bin/env node
/**
 * A throwaway PostgreSQL cluster for tests (postgres.contract.test.ts, or by hand):
 *   node scripts/pg-test-cluster.mjs start      prints PG_TEST_URL=postgres://postgres@127.0.0.1:PORT/postgres and PG_TEST_DIR=DIR
 *   node scripts/pg-test-cluster.mjs stop DIR   stops it and removes DIR
 * PostgreSQL refuses to run as root, so when we are root initdb and pg_ctl run as the `postgres`
 * user (the directory is chowned to it). Trust authentication, loopback only, socket in DIR.
 * The functions are exported too, so a jest test can start and stop its own cluster.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const BIN_DIRS = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin', '/usr/local/bin', '/usr/bin'];

/** The directory holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function findPgBin() {
  const fromPath = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of [...fromPath, ...BIN_DIRS]) {
    if (fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL binary, as the postgres user when we are root. */
function run(bin, args) {
  if (isRoot()) {
    // runuser/su take one command line: quote every argument for the shell.
    const quoted = [bin, ...args].map((a) => `'${String(a).replace(/'/g, `'\\''`)}'`).join(' ');
    return execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', quoted], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  }
  return execFileSync(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
}

/**
 * initdb + pg_ctl start in a fresh temp directory on a free loopback port; `durable: true` keeps
 * PostgreSQL's durable defaults (fsync, synchronous_commit, full_page_writes on).
 * Returns { url, dir, port }. Throws a clear error when PostgreSQL is not installed.
 */
export async function startCluster({ durable = false } = {}) {
  const bin = findPgBin();
  if (!bin) {
    throw new Error('PostgreSQL binaries (initdb, pg_ctl) not found: install them (apt-get install -y postgresql) or set PG_TEST_URL to a server to test against');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-test-'));
  fs.chmodSync(dir, 0o700);
  if (isRoot()) execFileSync('chown', ['postgres:postgres', dir]);
  const port = await freePort();
  try {
    run(path.join(bin, 'initdb'), ['-D', dir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    run(path.join(bin, 'pg_ctl'), [
      '-D', dir,
      // Tests trade durability for speed (fsync, synchronous_commit and full_page_writes off); durable: PostgreSQL's defaults.
      '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'} -c max_connections=50`,
      '-l', path.join(dir, 'log'),
      '-w', '-t', '30',
      'start',
    ]);
  } catch (error) {
    const log = fs.existsSync(path.join(dir, 'log')) ? fs.readFileSync(path.join(dir, 'log'), 'utf8') : '';
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a PostgreSQL test cluster: ${error.stderr || error.message}\n${log}`);
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, port };
}

/** Stops the cluster in dir (fast shutdown) and removes the directory. */
export function stopCluster(dir) {
  if (!dir || !fs.existsSync(path.join(dir, 'PG_VERSION'))) throw new Error(`${dir} is not a cluster directory`);
  const bin = findPgBin();
  try {
    if (bin) run(path.join(bin, 'pg_ctl'), ['-D', dir, '-m', 'fast', '-w', 'stop']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(argv) {
  const [command, dir] = argv;
  if (command === 'start') {
    const cluster = await startCluster();
    console.log(`PG_TEST_URL=${cluster.url}`);
    console.log(`PG_TEST_DIR=${cluster.dir}`);
  } else if (command === 'stop' && dir) {
    stopCluster(dir);
  } else {
    console.error('usage: node scripts/pg-test-cluster.mjs start | stop DIR');
    process.exitCode = 2;
  }
}

// Run as a script (not when a test imports it): no import.meta, so jest's CommonJS transform takes it as is.
if (process.argv[1] && path.basename(process.argv[1]) === 'pg-test-cluster.mjs' && !process.env.JEST_WORKER_ID) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
