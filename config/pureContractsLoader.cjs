/**
 * Webpack loader for the contracts in types/ (runs after Babel). Each top-level `const X = …` there
 * builds a zod schema or derives a constant from one, with no other effect; webpack cannot know that,
 * so importing one plain value (e.g. `routes` from types/api.ts) would ship every schema and all of
 * zod. Wrapping each initializer in a `/*#__PURE__*\/` IIFE lets webpack's tree shaking drop the
 * schemas a chunk does not use; the code that runs is the same, in the same order.
 */
const babel = require('@babel/core');

function pureTopLevel({ types: t }) {
  const skip = (node) => !node || t.isFunction(node) || t.isLiteral(node) || t.isIdentifier(node) || t.isClass(node);
  return {
    visitor: {
      Program(program) {
        for (const statement of program.get('body')) {
          const declaration = statement.isExportNamedDeclaration() ? statement.get('declaration') : statement;
          if (!declaration.node || !declaration.isVariableDeclaration()) continue;
          for (const declarator of declaration.get('declarations')) {
            const init = declarator.node.init;
            if (skip(init)) continue;
            const iife = t.callExpression(t.functionExpression(null, [], t.blockStatement([t.returnStatement(init)])), []);
            t.addComment(iife, 'leading', '#__PURE__');
            declarator.get('init').replaceWith(iife);
          }
        }
      },
    },
  };
}

module.exports = function pureContractsLoader(source, inputMap) {
  const callback = this.async();
  babel
    .transformAsync(source, {
      babelrc: false,
      configFile: false,
      filename: this.resourcePath,
      sourceType: 'module',
      sourceMaps: this.sourceMap,
      inputSourceMap: inputMap || undefined,
      plugins: [pureTopLevel],
    })
    .then((result) => callback(null, result.code, result.map || undefined), callback);
};
