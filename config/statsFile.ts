import fs from 'node:fs';
import path from 'node:path';
import type { Compilation, Compiler, Module } from 'webpack';

/**
 * Writes the chunk → module map of a build to a JSON file (TARO_APP_STATS=dir), for
 * scripts/bundle-report.mjs: which module ships in which chunk (modules inside a concatenated module
 * listed one by one), which chunks are initial, and which chunks each chunk group (page) loads.
 */
export class StatsFilePlugin {
  constructor(private readonly file: string) {}

  apply(compiler: Compiler): void {
    compiler.hooks.afterEmit.tap('StatsFile', (compilation: Compilation) => {
      const { chunkGraph, requestShortener } = compilation;
      const name = (m: Module) => m.readableIdentifier(requestShortener);
      const inner = (m: Module): Module[] => {
        const nested = (m as Module & { modules?: Module[] }).modules;
        return Array.isArray(nested) && nested.length ? nested.flatMap(inner) : [m];
      };
      const chunks = [...compilation.chunks].map((chunk) => ({
        id: chunk.id,
        names: chunk.name ? [chunk.name] : [],
        files: [...chunk.files],
        initial: chunk.canBeInitial(),
        groups: [...chunk.groupsIterable].map((g) => g.name ?? g.origins.map((o) => o.request).join(',')),
        modules: chunkGraph.getChunkModules(chunk).flatMap(inner).map((m) => ({ name: name(m), size: m.size() })),
      }));
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(this.file, JSON.stringify({ chunks }));
    });
  }
}
