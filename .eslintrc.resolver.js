/**
 * eslint-plugin-import resolver for the tsconfig path aliases (@/, @contract/, @mock/, @server/),
 * so import/no-cycle sees every edge; everything else goes to the node resolver.
 */
const path = require('path');
const node = require('eslint-import-resolver-node');

const ALIASES = { '@/': 'src/', '@contract/': 'types/', '@mock/': 'mock/', '@server/': 'server/' };
const EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs', '.json'];

exports.interfaceVersion = 2;
exports.resolve = (source, file) => {
  for (const [alias, dir] of Object.entries(ALIASES)) {
    if (source.startsWith(alias)) {
      const target = path.join(__dirname, dir, source.slice(alias.length));
      return node.resolve(target, file, { extensions: EXTENSIONS });
    }
  }
  return node.resolve(source, file, { extensions: EXTENSIONS });
};
