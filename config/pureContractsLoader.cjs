/**
 * Webpack loader for the contracts in types/ (runs after Babel).
 *
 * 1. Each top-level `const X = …` there builds a zod schema or derives a constant from one, with no
 *    other effect; webpack cannot know that, so importing one plain value (e.g. `routes` from
 *    types/api.ts) would ship every schema and all of zod. Wrapping each initializer in a
 *    `/*#__PURE__*\/` IIFE lets tree shaking drop what a chunk does not use; the code that runs is
 *    the same, in the same order.
 * 2. The lazy instance of a contract (`?lazy`, see contracts.ts) imports its plain values (exported
 *    constants that use no import, e.g. `routes`, `API_BASE`) from the ordinary instance instead of
 *    defining them again, so their code ships once.
 */
const babel = require('@babel/core');

function contractsPlugin({ types: t }, { lazy, self }) {
  const skip = (node) => !node || t.isFunction(node) || t.isLiteral(node) || t.isIdentifier(node) || t.isClass(node);
  return {
    visitor: {
      Program(program) {
        const declarators = [];
        for (const statement of program.get('body')) {
          const exported = statement.isExportNamedDeclaration();
          const declaration = exported ? statement.get('declaration') : statement;
          if (!declaration.node || !declaration.isVariableDeclaration()) continue;
          for (const declarator of declaration.get('declarations')) {
            if (declarator.get('id').isIdentifier()) declarators.push({ declarator, statement, exported, name: declarator.node.id.name });
          }
        }

        if (lazy) {
          // Plain: uses no import and only other plain top-level constants (a fixpoint).
          const uses = new Map();
          for (const d of declarators) {
            const names = new Set();
            let importing = false;
            const note = (ref) => {
              const binding = ref.scope.getBinding(ref.node.name);
              if (!binding || binding.scope !== program.scope) return;
              if (binding.kind === 'module') importing = true;
              else names.add(ref.node.name);
            };
            const init = d.declarator.get('init');
            if (!init.node) continue;
            // traverse() visits what is inside a node, not the node: `const A = B` is B itself.
            if (init.isIdentifier()) note(init);
            init.traverse({ ReferencedIdentifier: note });
            uses.set(d.name, importing ? null : names);
          }
          const plain = new Set(declarators.filter((d) => uses.get(d.name)).map((d) => d.name));
          for (let changed = true; changed; ) {
            changed = false;
            for (const name of plain) {
              if ([...uses.get(name)].some((n) => !plain.has(n))) {
                plain.delete(name);
                changed = true;
              }
            }
          }
          const moved = declarators.filter((d) => d.exported && plain.has(d.name));
          if (moved.length) {
            const specifiers = moved.map((d) => t.importSpecifier(t.identifier(d.name), t.identifier(d.name)));
            program.unshiftContainer('body', [
              t.importDeclaration(specifiers, t.stringLiteral(self)),
              t.exportNamedDeclaration(null, moved.map((d) => t.exportSpecifier(t.identifier(d.name), t.identifier(d.name)))),
            ]);
            for (const d of moved) d.declarator.remove();
          }
        }

        for (const d of declarators) {
          if (d.declarator.removed || !d.declarator.node) continue;
          const init = d.declarator.node.init;
          if (skip(init)) continue;
          const iife = t.callExpression(t.functionExpression(null, [], t.blockStatement([t.returnStatement(init)])), []);
          t.addComment(iife, 'leading', '#__PURE__');
          d.declarator.get('init').replaceWith(iife);
        }
      },
    },
  };
}

module.exports = function pureContractsLoader(source, inputMap) {
  const callback = this.async();
  const lazy = /[?&]lazy\b/.test(this.resourceQuery);
  babel
    .transformAsync(source, {
      babelrc: false,
      configFile: false,
      filename: this.resourcePath,
      sourceType: 'module',
      sourceMaps: this.sourceMap,
      inputSourceMap: inputMap || undefined,
      plugins: [[contractsPlugin, { lazy, self: this.resourcePath }]],
    })
    .then((result) => callback(null, result.code, result.map || undefined), callback);
};
