'use strict';
// Registers ts-node (swc, transpile only) for kubespec's TypeScript, from the repository or from
// node_modules/kubespec when installed as a package. ts-node skips files under node_modules by
// default, which would leave an installed kubespec uncompiled, so the ignore list is emptied
// (only .ts files are handled; other packages ship JavaScript). An instance registered earlier
// (node -r ts-node/register from the project's directory) may ignore node_modules/kubespec; then
// ours is added on top, and handles the files that one skips. Used by the launcher and, as a
// cucumber requireModule, by every --parallel worker.
const path = require('node:path');

const KEY = Symbol.for('ts-node.register.instance');
const existing = process[KEY];
if (!existing || (typeof existing.ignored === 'function' && existing.ignored(path.join(__dirname, 'cli.ts')))) {
  require('ts-node').register({
    project: path.join(__dirname, '..', 'tsconfig.json'),
    swc: true,
    transpileOnly: true,
    ignore: [],
  });
}
