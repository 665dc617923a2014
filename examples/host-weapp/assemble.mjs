/* eslint-disable no-console -- a build/test reporter: printing is its job */
/**
 * Puts the host mini-program together: this folder's host files plus the module's blended build
 * (dist/weapp-embed) into dist/host-weapp. The module's app.js/app.wxss become rxyjs-app.js/.wxss
 * (the host owns app.js); its pages keep their paths, so its four main-package pages join the host's
 * main package and its subpackages stay subpackages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const moduleDir = path.join(root, process.env.RXYJS_EMBED_DIR ?? 'dist/weapp-embed');
const out = path.join(root, process.env.RXYJS_HOST_OUT ?? 'dist/host-weapp');

if (!fs.existsSync(path.join(moduleDir, 'app.js'))) throw new Error(`no blended build at ${moduleDir}: run npm run build:weapp-embed`);
const exported = fs.readFileSync(path.join(moduleDir, 'app.js'), 'utf8');
if (!exported.includes('exports.taroApp')) throw new Error('the module build does not export taroApp: build it with --blended');

fs.rmSync(out, { recursive: true, force: true });
fs.cpSync(moduleDir, out, { recursive: true });
fs.renameSync(path.join(out, 'app.js'), path.join(out, 'rxyjs-app.js'));
fs.renameSync(path.join(out, 'app.wxss'), path.join(out, 'rxyjs-app.wxss'));
if (fs.existsSync(path.join(out, 'app.js.LICENSE.txt'))) fs.renameSync(path.join(out, 'app.js.LICENSE.txt'), path.join(out, 'rxyjs-app.js.LICENSE.txt'));
const moduleApp = JSON.parse(fs.readFileSync(path.join(out, 'app.json'), 'utf8'));
fs.rmSync(path.join(out, 'project.config.json'), { force: true });

for (const file of ['app.js', 'app.wxss', 'host']) fs.cpSync(path.join(here, file), path.join(out, file), { recursive: true });
const hostApp = JSON.parse(fs.readFileSync(path.join(here, 'app.host.json'), 'utf8'));
const app = {
  ...hostApp,
  pages: [...hostApp.pages, ...moduleApp.pages],
  subPackages: [...(hostApp.subPackages ?? []), ...(moduleApp.subPackages ?? [])],
};
fs.writeFileSync(path.join(out, 'app.json'), JSON.stringify(app, null, 2));
console.log(`host mini-program assembled in ${path.relative(root, out)} (${app.pages.length} main-package pages, ${app.subPackages.length} subpackages)`);
