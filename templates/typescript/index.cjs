'use strict';
// `require('telnyx')`: the client class itself, carrying every named export as a property, as the
// official package's CommonJS build has it, so `const Telnyx = require('telnyx'); new Telnyx()`,
// `require('telnyx').Telnyx`, `require('telnyx').default` and `const { APIError } = require('telnyx')`
// all work. The compiled CommonJS entry stays at dist/cjs/index.js (its types: dist/cjs/index.d.ts).
const entry = require('./dist/cjs/index.js');
const Client = entry.default;
for (const name of Object.keys(entry)) {
  if (!(name in Client)) Client[name] = entry[name];
}
Object.defineProperty(Client, '__esModule', { value: true });
module.exports = Client;
