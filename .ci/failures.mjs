#!/usr/bin/env node
/**
 * Prints every failed test of this CI run with its error, last, so the tail of a red run (all a
 * reader may see) says what failed and why: jest's failures from jest.json, node:test's from TAP.
 */
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const out = [];

const jest = (() => {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'jest.json'), 'utf8'));
  } catch {
    return null;
  }
})();
for (const f of jest?.failures ?? []) out.push(`jest: ${f.name}\n${f.message}`);

for (const file of ['e2e.tap', 'weapp.tap']) {
  let lines;
  try {
    lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
  } catch {
    continue;
  }
  for (let i = 0; i < lines.length; i++) {
    const failed = /^(\s*)not ok \d+ - (.*)$/.exec(lines[i]);
    if (!failed) continue;
    // The YAML block under a failed test holds its error and stack; the first lines say enough.
    const block = [];
    for (let j = i + 1; j < lines.length && !/^\s*\.\.\.\s*$/.test(lines[j]); j++) block.push(lines[j]);
    const wanted = block.filter((l) => !/duration_ms|^\s*---\s*$/.test(l)).slice(0, 30);
    out.push(`${file}: ${failed[2]}\n${wanted.join('\n')}`);
  }
}

if (out.length) {
  console.log('\n--- failed tests, with their errors ---');
  for (const o of out) console.log(`\n${o}`);
  console.log('--- end of failed tests ---\n');
}
