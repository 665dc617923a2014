import HtmlWebpackPlugin from 'html-webpack-plugin';
import type { Compiler } from 'webpack';

/**
 * Taro's H5 router loads a page's chunk only after the app bundle has run, so the first page costs
 * one more round trip on a slow phone network. This adds <link rel="preload"> tags for the first
 * page's JS and CSS to index.html, so they download alongside the app bundle.
 */
export class PreloadFirstPagePlugin {
  constructor(private readonly pagePath: string) {}

  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap('PreloadFirstPage', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('PreloadFirstPage', (data) => {
        const configured = compilation.outputOptions.publicPath;
        // 'auto' (any-path builds): relative to index.html, as html-webpack-plugin writes the other tags.
        const publicPath = typeof configured === 'string' && configured !== 'auto' ? configured : '';
        const files: string[] = [];
        for (const chunk of compilation.chunks) {
          if (chunk.canBeInitial()) continue;
          const isFirstPage = [...chunk.groupsIterable].some((group) => group.origins.some((origin) => origin.request === `./${this.pagePath}`));
          if (isFirstPage) files.push(...chunk.files);
        }
        const tags = files
          .filter((file) => file.endsWith('.js') || file.endsWith('.css'))
          .map((file) => ({
            tagName: 'link',
            voidTag: true,
            attributes: { rel: 'preload', as: file.endsWith('.css') ? 'style' : 'script', href: publicPath + file },
            meta: { plugin: 'PreloadFirstPage' },
          }));
        data.headTags.unshift(...tags);
        return data;
      });
    });
  }
}
