// cucumber imports custom formatters as JavaScript (lib/formatter/import_code.js: a dynamic import()),
// so this CommonJS shim makes sure ts-node is registered, then hands cucumber the TypeScript
// formatter plugin ({ type: 'formatter', formatter }) from formatter-impl.ts.
const { resolve } = require('node:path');

if (!process[Symbol.for('ts-node.register.instance')]) {
  require('ts-node').register({ transpileOnly: true, swc: true, project: resolve(__dirname, '../../tsconfig.json') });
}

module.exports = require('./formatter-impl.ts').default;
