#!/usr/bin/env node
/**
 * npm test: every runner in turn — jest (units, components, pages, the server over HTTP and the store
 * contract suite, each on memory, PGlite and PostgreSQL), the Chromium browser suite, and the weapp
 * harness — each run even when an earlier one failed, so one red runner does not hide another.
 * With CI_REPORT_DIR set, the node:test runners also write TAP there for CI's counts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(new URL('..', import.meta.url).pathname);
const report = process.env.CI_REPORT_DIR;
if (report) fs.mkdirSync(report, { recursive: true });
const tap = (name) => (report ? ['--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${path.join(report, name)}`] : []);

const runners = [
  ['jest', 'npx', ['jest']],
  ['browser suite', process.execPath, ['e2e/run.mjs']],
  ['weapp harness', process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...tap('weapp.tap'), ...fs.readdirSync(path.join(root, 'test', 'weapp')).filter((f) => f.endsWith('.test.mjs')).map((f) => path.join('test', 'weapp', f))]],
];
const failed = [];
for (const [name, command, args] of runners) {
  const started = Date.now();
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  console.warn(`# ${name}: ${run.status === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`);
  if (run.status !== 0) failed.push(name);
}
if (failed.length) {
  console.error(`npm test: failed: ${failed.join(', ')}`);
  process.exit(1);
}
