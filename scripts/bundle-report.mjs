#!/usr/bin/env node
/**
 * Reads the chunk → module map a build wrote (TARO_APP_STATS=file, config/statsFile.ts) and reports
 * modules that ship in more than one chunk (a parent who visits both pages downloads them twice),
 * and which packages a set of chunks carries.
 *   node scripts/bundle-report.mjs stats.json            duplicated modules, largest first
 *   node scripts/bundle-report.mjs stats.json --chunks   every chunk with its size by package
 *   node scripts/bundle-report.mjs --bytes dist/h5 js/a.js js/b.js …
 *       gzip bytes of the given files shared out by source file, from their source maps (a build with
 *       TARO_APP_SOURCEMAP=1): where the first page's bytes go
 * Also imported by scripts/bench.mjs (duplicates(), packagesOf()).
 */
import fs from 'node:fs';

/** Webpack's own runtime and Taro's generated loaders are not modules a bundle can share. */
const isRealModule = (name) => !name.startsWith('webpack/') && !name.includes('(webpack)') && !/^\w+ (sync|lazy) /.test(name);

/** `./node_modules/@tarojs/components/…` → `@tarojs/components`; app code → its first two folders. */
export function packageOf(name) {
  const clean = name.replace(/^.*!/, '').replace(/\?.*$/, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = clean.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  return clean.replace(/^\.\//, '').split('/').slice(0, 2).join('/');
}

export function readStats(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Modules present in more than one chunk: [{ name, size, chunks: [chunk labels] }], largest waste
 * first. A module is a file with its query: `types/api.ts?lazy` (config/contracts.ts) is the schema
 * half of types/api.ts and takes its plain values from the other instance, so the two share no code;
 * `instances()` lists such files for a reader to check.
 */
export function duplicates(stats) {
  const where = new Map();
  for (const chunk of stats.chunks) {
    const label = chunkLabel(chunk);
    for (const m of chunk.modules) {
      if (!isRealModule(m.name)) continue;
      const file = m.name;
      const entry = where.get(file) ?? { name: file, size: m.size, chunks: new Set() };
      entry.chunks.add(label);
      where.set(file, entry);
    }
  }
  return [...where.values()]
    .filter((e) => e.chunks.size > 1)
    .map((e) => ({ ...e, chunks: [...e.chunks] }))
    .sort((a, b) => b.size * (b.chunks.length - 1) - a.size * (a.chunks.length - 1));
}

/** Files built as more than one module (different queries): [{ file, modules: [names] }]. */
export function instances(stats) {
  const byFile = new Map();
  for (const chunk of stats.chunks) {
    for (const m of chunk.modules) {
      if (!isRealModule(m.name)) continue;
      const file = m.name.replace(/\?[^!]*$/, '');
      byFile.set(file, (byFile.get(file) ?? new Set()).add(m.name));
    }
  }
  return [...byFile.entries()].filter(([, names]) => names.size > 1).map(([file, names]) => ({ file, modules: [...names] }));
}

export function chunkLabel(chunk) {
  return chunk.names?.length ? chunk.names.join('+') : (chunk.files?.find((f) => f.endsWith('.js')) ?? String(chunk.id));
}

/** Source bytes (before minification) per package, over the chunks whose files are given. */
export function packagesOf(stats, files) {
  const wanted = new Set(files);
  const sizes = new Map();
  for (const chunk of stats.chunks) {
    if (!chunk.files.some((f) => wanted.has(f))) continue;
    for (const m of chunk.modules) {
      const pkg = packageOf(m.name);
      sizes.set(pkg, (sizes.get(pkg) ?? 0) + m.size);
    }
  }
  return [...sizes.entries()].sort((a, b) => b[1] - a[1]);
}

const KB = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** A package for code under node_modules, the file for the module's own code. */
function sourceKey(source) {
  const clean = source.replace(/^webpack:\/\/[^/]*\//, './');
  return clean.includes('node_modules/') ? packageOf(clean) : clean.replace(/^(\.\.?\/)+/, '');
}

/** Gzip bytes of each file shared out by the sources its map names (by minified bytes). */
export async function bytesBySource(dir, files) {
  const { SourceMapConsumer } = (await import('source-map-js')).default;
  const zlib = await import('node:zlib');
  const path = await import('node:path');
  const totals = new Map();
  for (const file of files) {
    const code = fs.readFileSync(path.join(dir, file), 'utf8');
    const gzip = zlib.gzipSync(code, { level: 9 }).length;
    const mapFile = path.join(dir, `${file}.map`);
    if (!fs.existsSync(mapFile)) {
      totals.set(`${file} (no map)`, (totals.get(`${file} (no map)`) ?? 0) + gzip);
      continue;
    }
    const lines = code.split('\n');
    const consumer = new SourceMapConsumer(JSON.parse(fs.readFileSync(mapFile, 'utf8')));
    const raw = new Map();
    let prev = null;
    const add = (source, bytes) => raw.set(source, (raw.get(source) ?? 0) + bytes);
    consumer.eachMapping((m) => {
      if (prev && prev.line === m.generatedLine) add(prev.source, m.generatedColumn - prev.column);
      else if (prev) add(prev.source, lines[prev.line - 1].length - prev.column);
      prev = { line: m.generatedLine, column: m.generatedColumn, source: m.source ? sourceKey(m.source) : '(webpack)' };
    });
    if (prev) add(prev.source, lines[prev.line - 1].length - prev.column);
    for (const [source, bytes] of raw) totals.set(source, (totals.get(source) ?? 0) + (bytes / code.length) * gzip);
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]);
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === '--bytes') {
  const [dir, ...files] = process.argv.slice(3);
  const rows = await bytesBySource(dir, files);
  for (const [source, bytes] of rows) console.log(`${KB(bytes).padStart(9)}  ${source}`);
  console.log(`${KB(rows.reduce((s, [, b]) => s + b, 0)).padStart(9)}  in all (gzip, level 9)`);
  process.exit(0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, ...flags] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node scripts/bundle-report.mjs <stats.json> [--chunks]');
    process.exit(2);
  }
  const stats = readStats(file);
  if (flags.includes('--chunks')) {
    for (const chunk of [...stats.chunks].sort((a, b) => sum(b) - sum(a))) {
      const byPkg = packagesOf({ chunks: [chunk] }, chunk.files).slice(0, 8);
      console.log(`${chunk.initial ? 'initial' : 'async  '} ${chunkLabel(chunk).padEnd(40)} ${KB(sum(chunk)).padStart(9)}  ${byPkg.map(([p, s]) => `${p} ${KB(s)}`).join(', ')}`);
    }
  }
  const dups = duplicates(stats);
  const wasted = dups.reduce((s, d) => s + d.size * (d.chunks.length - 1), 0);
  console.log(`${dups.length} module(s) in more than one chunk, ${KB(wasted)} of source repeated`);
  for (const d of dups.slice(0, 60)) console.log(`  ${KB(d.size).padStart(9)} ×${d.chunks.length}  ${d.name}  [${d.chunks.slice(0, 6).join(', ')}${d.chunks.length > 6 ? ', …' : ''}]`);
  for (const i of instances(stats)) console.log(`one file, several modules: ${i.modules.join(', ')}`);
  process.exit(dups.length ? 1 : 0);
}

function sum(chunk) {
  return chunk.modules.reduce((s, m) => s + m.size, 0);
}
