/* eslint-disable no-console -- a build/test reporter: printing is its job */
/**
 * The built mini-program in a bare V8 context, driven through the parent's journey against the real
 * enrolment server in-process: standalone (dist/weapp) and embedded in examples/host-weapp
 * (dist/host-weapp: the module's embed build as the host's subpackage rxyjs/). Run: npm run test:weapp (WEAPP_NO_BUILD=1 reuses
 * builds newer than src/).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ensureBuild, walk, table, LIMITS, DIST, HOST_DIST } from '../../scripts/weapp-harness/run.ts';

async function journey(label, { embedded }) {
  const build = embedded ? ensureBuild(HOST_DIST, 'build:weapp-embed', ['examples/host-weapp', 'config']) : ensureBuild(DIST, 'build:weapp');
  console.log(build.built ? `# ${label}: built in ${(build.ms / 1000).toFixed(1)} s` : `# ${label}: reusing the build (WEAPP_NO_BUILD=1)`);
  const report = await walk({ embedded, verbose: process.env.WEAPP_VERBOSE === '1' });
  try {
    for (const step of report.steps) console.log(`# ${step.ok ? 'ok  ' : 'FAIL'} ${step.name} (${step.ms} ms)${step.error ? `\n#      ${step.error}` : ''}`);
    console.log(table(report.pages).split('\n').map((l) => `# ${l}`).join('\n'));
    console.log(`# console.error lines from the mini-program: ${report.consoleErrors.length}`);
    const failed = report.steps.find((s) => !s.ok);
    assert.equal(failed, undefined, failed && `the walk stopped at "${failed.name}": ${failed.error}`);
    assert.deepEqual(report.errors, [], 'no page may throw');
    // React reports an error thrown while rendering (e.g. a missing TextEncoder) through console.error.
    assert.deepEqual(report.consoleErrors, [], 'no console.error from the mini-program');
    assert.deepEqual(report.deprecatedCalls, [], 'no deprecated or retired wx API');
    // The harness never supplies TextEncoder: the app's own weapp entry polyfill installed it.
    assert.equal(typeof report.session.mp.realm.TextEncoder, 'function', 'the weapp entry installs TextEncoder');
    for (const page of report.pages) {
      assert.ok(page.maxSetDataBytes <= LIMITS.setDataBytes, `${page.route}: a setData of ${page.maxSetDataBytes} bytes (limit 256 KB)`);
      assert.ok(page.maxNodes <= LIMITS.nodes, `${page.route}: ${page.maxNodes} nodes (limit 1,000)`);
    }
    if (embedded) {
      // The module is one subpackage of the host: its pages all under that root, the host's own in its main package.
      const root = report.session.moduleRoot;
      assert.equal(root, 'rxyjs', 'the host lists the module as the subpackage rxyjs');
      const hostApp = JSON.parse(fs.readFileSync(path.join(HOST_DIST, 'app.json'), 'utf8'));
      assert.deepEqual(hostApp.pages, ['host/index/index'], 'no module page in the host’s main package');
      assert.deepEqual(hostApp.subPackages.map((p) => p.root), [root], 'the module is one subpackage');
      const modulePages = report.pages.filter((p) => !p.route.startsWith('host/'));
      assert.ok(report.pages.some((p) => p.route === 'host/index/index'), 'the walk starts on the host’s own page');
      assert.ok(modulePages.length > 10, 'the walk went through the module');
      assert.deepEqual(modulePages.filter((p) => !p.route.startsWith(`${root}/`)).map((p) => p.route), [], `every module page route starts with ${root}/`);
      // Its chunks register under a name of their own, not Taro's default wx.webpackJsonp a host built with Taro uses too.
      const runtime = fs.readFileSync(path.join(HOST_DIST, root, 'runtime.js'), 'utf8');
      assert.ok(runtime.includes(`webpackJsonp_${root}`) && !/\["webpackJsonp"\]|\.webpackJsonp\b/.test(runtime), 'the module’s chunk registry has its own name');
    }
    // The answer schemas (zod) are not in the main package: they come from a subpackage by require.async.
    const subpackages = JSON.parse(fs.readFileSync(path.join(embedded ? HOST_DIST : DIST, 'app.json'), 'utf8')).subPackages.map((p) => `${p.root.replace(/\/$/, '')}/`);
    const contracts = report.session.mp.asyncLoads.filter((f) => f.endsWith('/contracts.js'));
    assert.equal(contracts.length, 1, `the contracts chunk loads once by require.async (loaded: ${report.session.mp.asyncLoads.join(', ') || 'nothing'})`);
    assert.ok(subpackages.some((root) => contracts[0].startsWith(root)), `${contracts[0]} lies in a subpackage`);
    // The WeChat bridge's file tools (picker, compression, upload) too: loaded once, when the first photo is picked.
    const onDemand = report.session.mp.asyncLoads.filter((f) => f.endsWith('/bridge-on-demand.js'));
    assert.ok(onDemand.length <= 1, `the bridge's on-demand chunk loads at most once (loaded: ${onDemand.join(', ')})`);
    if (!embedded) assert.equal(onDemand.length, 1, 'the journey uploads through the WeChat bridge, so its on-demand part loaded');
    assert.ok(onDemand.every((f) => subpackages.some((root) => f.startsWith(root))), `${onDemand.join(', ')} lies in a subpackage`);
    // Standalone the WeChat bridge namespaces storage; embedded, the host's bridge does it its way.
    const prefix = embedded ? 'hostdemo:' : 'rxyjs:';
    assert.ok(report.storageKeys.length > 0, 'the session is kept in wx storage');
    assert.deepEqual(report.storageKeys.filter((k) => !k.startsWith(prefix)), [], `every storage key starts with ${prefix}`);
  } finally {
    report.session.mp.dispose();
  }
}

test('weapp: the parent journey on the built mini-program, within WeChat’s setData and node limits', { timeout: 300_000 }, async () => {
  await journey('standalone', { embedded: false });
});

test('weapp: the same journey with the module embedded in examples/host-weapp as its subpackage rxyjs/ (blended build, host bridge)', { timeout: 300_000 }, async () => {
  await journey('embedded', { embedded: true });
});
