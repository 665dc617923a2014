/**
 * The built mini-program (dist/weapp) in a bare V8 context, driven through the parent's journey
 * against the real enrolment server in-process. Run: npm run test:weapp (WEAPP_NO_BUILD=1 reuses a
 * dist/weapp newer than src/).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureBuild, walk, table, LIMITS } from '../../scripts/weapp-harness/run.ts';

test('weapp: the parent journey runs on the built mini-program within WeChat’s setData and node limits', { timeout: 300_000 }, async () => {
  const build = ensureBuild();
  console.log(build.built ? `# built dist/weapp in ${(build.ms / 1000).toFixed(1)} s` : '# reusing dist/weapp (WEAPP_NO_BUILD=1)');
  const report = await walk({ verbose: process.env.WEAPP_VERBOSE === '1' });
  try {
    for (const step of report.steps) console.log(`# ${step.ok ? 'ok  ' : 'FAIL'} ${step.name} (${step.ms} ms)${step.error ? `\n#      ${step.error}` : ''}`);
    console.log(table(report.pages).split('\n').map((l) => `# ${l}`).join('\n'));
    const failed = report.steps.find((s) => !s.ok);
    assert.equal(failed, undefined, failed && `the walk stopped at "${failed.name}": ${failed.error}`);
    assert.deepEqual(report.errors, [], 'no page may throw');
    assert.deepEqual(report.deprecatedCalls, [], 'no deprecated or retired wx API');
    // The harness never supplies TextEncoder: the app's own weapp entry polyfill installed it.
    assert.equal(typeof report.session.mp.realm.TextEncoder, 'function', 'the weapp entry installs TextEncoder');
    console.log(`# console.error lines from the mini-program: ${report.consoleErrors.length}`);
    for (const page of report.pages) {
      assert.ok(page.maxSetDataBytes <= LIMITS.setDataBytes, `${page.route}: a setData of ${page.maxSetDataBytes} bytes (limit 256 KB)`);
      assert.ok(page.maxNodes <= LIMITS.nodes, `${page.route}: ${page.maxNodes} nodes (limit 1,000)`);
    }
  } finally {
    report.session.mp.dispose();
  }
});
