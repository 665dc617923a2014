/* eslint-disable no-console -- a build/test reporter: printing is its job */
/**
 * Puts the host mini-program together: this folder's host files plus the module's embed build
 * (dist/weapp-embed, `--blended` with TARO_APP_EMBED_ROOT) into dist/host-weapp. The module goes
 * under ONE subpackage root (the one it was built for, from its subpackage.json) and the host's
 * app.json lists it as one subpackage: the host's main package and paths stay as the host has them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const moduleDir = path.join(root, process.env.RXYJS_EMBED_DIR ?? 'dist/weapp-embed');
const out = path.join(root, process.env.RXYJS_HOST_OUT ?? 'dist/host-weapp');

const manifestFile = path.join(moduleDir, 'subpackage.json');
if (!fs.existsSync(manifestFile)) throw new Error(`no embed build at ${moduleDir}: run npm run build:weapp-embed`);
const exported = fs.readFileSync(path.join(moduleDir, 'app.js'), 'utf8');
if (!exported.includes('exports.taroApp')) throw new Error('the module build does not export taroApp: build it with --blended');
/** { root, pages }: the module's entry for the host's app.json, written by the embed build (config/indie.ts). */
const subpackage = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));

const hostApp = JSON.parse(fs.readFileSync(path.join(here, 'app.host.json'), 'utf8'));
const listed = hostApp.subPackages ?? [];
const entry = listed.find((p) => p.root === subpackage.root);
if (!entry) throw new Error(`app.host.json lists no subpackage "${subpackage.root}" (the root the module was built for)`);
const taken = [...hostApp.pages, ...listed.filter((p) => p !== entry).map((p) => p.root)].filter((p) => p === subpackage.root || p.startsWith(`${subpackage.root}/`));
if (taken.length) throw new Error(`the host already uses ${subpackage.root}/: ${taken.join(', ')}`);

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
for (const file of ['app.js', 'app.wxss', 'host']) fs.cpSync(path.join(here, file), path.join(out, file), { recursive: true });
// The module's files as built; its app.json, project config and manifest are build outputs, not runtime files.
const dest = path.join(out, subpackage.root);
fs.cpSync(moduleDir, dest, { recursive: true });
for (const file of ['app.json', 'project.config.json', 'subpackage.json']) fs.rmSync(path.join(dest, file), { force: true });

// The host's app.json names the module's pages exactly as the build made them.
entry.pages = subpackage.pages;
fs.writeFileSync(path.join(out, 'app.json'), JSON.stringify(hostApp, null, 2));
console.log(`host mini-program assembled in ${path.relative(root, out)}: ${hostApp.pages.length} main-package page(s) of the host, the module as subpackage "${subpackage.root}" (${subpackage.pages.length} pages)`);
