#!/usr/bin/env node
/**
 * Puts the example host page and the module side by side, as a host's web server would serve them:
 *   <out>/host-h5/            index.html, container.js, host.js   (this folder)
 *   <out>/host-h5/module/     the module's H5 build + embed.js    (src/embed/index.ts, bundled here)
 *
 *   node examples/host-h5/assemble.mjs [moduleBuildDir=dist/h5-embed] [outDir=dist/host-h5-site]
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
const HOST_FILES = ['index.html', 'container.js', 'host.js'];

/** The module's loader, embed.js: one small script exposing window.RxyjsModule.embed. */
export async function buildEmbedScript(outFile) {
  await build({
    absWorkingDir: ROOT,
    entryPoints: [path.join(ROOT, 'src/embed/index.ts')],
    outfile: outFile,
    bundle: true,
    format: 'iife',
    target: 'es2017',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

export async function assembleHostH5({ moduleDir, outDir }) {
  const site = path.join(outDir, 'host-h5');
  const moduleOut = path.join(site, 'module');
  if (!fs.existsSync(path.join(moduleDir, 'index.html'))) throw new Error(`no H5 build in ${moduleDir}: run npm run build:h5-embed (or build:h5-dev) first`);
  fs.rmSync(site, { recursive: true, force: true });
  fs.mkdirSync(site, { recursive: true });
  for (const file of HOST_FILES) fs.copyFileSync(path.join(ROOT, 'examples/host-h5', file), path.join(site, file));
  fs.cpSync(moduleDir, moduleOut, { recursive: true });
  await buildEmbedScript(path.join(moduleOut, 'embed.js'));
  return { site, moduleOut };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const moduleDir = path.resolve(ROOT, process.argv[2] ?? 'dist/h5-embed');
  const outDir = path.resolve(ROOT, process.argv[3] ?? 'dist/host-h5-site');
  // The module's own folder gets its loader too, so it deploys on its own at any path.
  await buildEmbedScript(path.join(moduleDir, 'embed.js'));
  const { site } = await assembleHostH5({ moduleDir, outDir });
  console.log(`host page and module in ${path.relative(ROOT, site)}/; serve with: STATIC_DIR=${path.relative(ROOT, outDir)} npm run server, then open /host-h5/`);
}
