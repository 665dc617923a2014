#!/usr/bin/env node
/**
 * Runs the browser suite: builds the mock H5 app (unless E2E_SKIP_BUILD=1), then every
 * e2e/*.test.mjs under node's test runner, one file at a time (the machine has 2 cores).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(new URL('..', import.meta.url).pathname);
if (!fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
  console.error('Chromium not found at /usr/bin/chromium: run `apt-get update && apt-get install -y chromium fonts-noto-cjk`.');
  process.exit(1);
}
if (process.env.E2E_SKIP_BUILD !== '1') {
  // The dev-host build (what npm start serves) and the offline demo's (the server in the page).
  for (const [script, out] of [['build:h5-dev', process.env.E2E_BUILD_DIR], ['build:h5-mock', process.env.E2E_MOCK_BUILD_DIR]]) {
    const env = out ? { ...process.env, TARO_APP_OUT: out } : process.env;
    const build = spawnSync('npm', ['run', script], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
}
const only = process.argv.slice(2);
const files = fs
  .readdirSync(path.join(root, 'e2e'))
  .filter((f) => f.endsWith('.test.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .map((f) => path.join('e2e', f));
// CI also wants counts: a TAP copy of the results goes to $CI_REPORT_DIR when it is set.
const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout'];
if (process.env.CI_REPORT_DIR) {
  fs.mkdirSync(process.env.CI_REPORT_DIR, { recursive: true });
  reporters.push('--test-reporter=tap', `--test-reporter-destination=${path.join(process.env.CI_REPORT_DIR, 'e2e.tap')}`);
}
// tsx: each phone's enrolment server is started in-process from the TypeScript sources.
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...reporters, ...files], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
