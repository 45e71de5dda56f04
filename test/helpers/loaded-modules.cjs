// Preloaded (-r) into a child process by test/integration/start-up-modules.test.ts: at exit, writes the file of
// every module the process loaded or tried to load (each require, plus the CommonJS cache) to the file named by
// KASSA_LOADED_MODULES, one per line.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');

const seen = new Set();
const load = Module._load;
Module._load = function (request, parent, isMain) {
  // Noted before loading: a module whose load fails (keytar without libsecret) was still asked for.
  try {
    seen.add(Module._resolveFilename(request, parent, isMain));
  } catch {
    seen.add(String(request));
  }
  return load.apply(this, arguments);
};

process.on('exit', () => {
  const out = process.env.KASSA_LOADED_MODULES;
  if (!out) return;
  for (const f of Object.keys(require.cache)) seen.add(f);
  fs.writeFileSync(out, [...seen].join('\n') + '\n');
});
