import path from 'node:path';
import type { Compiler } from 'webpack';

/** A subpackage root a host may choose: one path segment, as WeChat accepts it in app.json. */
export const EMBED_ROOT = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;

/**
 * The embed build (TARO_APP_EMBED_ROOT) as ONE subpackage of a host mini-program, what
 * @tarojs/plugin-indie does for Taro 3 (docs "把 Taro 项目作为一个完整分包"; that package was never
 * published for Taro 4 and is not on the registry): the host's app.js cannot require code inside a
 * subpackage, so every page requires the module's app.js itself (which loads common, vendors, taro
 * and runtime and starts the module once, require being cached), and imports app.wxss, which the
 * host's app.wxss does not. It also writes subpackage.json, the entry a host puts in its app.json.
 */
export class IndieSubpackagePlugin {
  constructor(private readonly root: string) {
    if (!EMBED_ROOT.test(root)) throw new Error(`TARO_APP_EMBED_ROOT must be one path segment (letters, digits, "-", "_"), not "${root}"`);
  }

  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('IndieSubpackage', (compilation) => {
      // After Taro wrote app.json (ADDITIONAL) and terser ran (OPTIMIZE_SIZE): the lines stay as written.
      compilation.hooks.processAssets.tap({ name: 'IndieSubpackage', stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, () => {
        const appJson = compilation.getAsset('app.json');
        if (!appJson) throw new Error('IndieSubpackagePlugin: no app.json in the build');
        const app = JSON.parse(appJson.source.source().toString()) as { pages: string[]; subPackages?: unknown[] };
        // A subpackage cannot hold subpackages: src/app.config.ts lists every page in `pages` for this build.
        if (app.subPackages?.length) throw new Error('IndieSubpackagePlugin: the embed build must have no subpackages of its own');
        for (const page of app.pages) {
          const up = path.posix.relative(path.posix.dirname(page), '') || '.';
          const js = compilation.getAsset(`${page}.js`);
          if (!js) throw new Error(`IndieSubpackagePlugin: no ${page}.js`);
          compilation.updateAsset(js.name, new sources.ConcatSource(`require(${JSON.stringify(`${up}/app`)});\n`, js.source));
          const wxss = compilation.getAsset(`${page}.wxss`);
          const importApp = `@import ${JSON.stringify(`${up}/app.wxss`)};\n`;
          if (wxss) compilation.updateAsset(wxss.name, new sources.ConcatSource(importApp, wxss.source));
          else compilation.emitAsset(`${page}.wxss`, new sources.RawSource(importApp));
        }
        compilation.emitAsset('subpackage.json', new sources.RawSource(`${JSON.stringify({ root: this.root, pages: app.pages }, null, 2)}\n`));
      });
    });
  }
}
