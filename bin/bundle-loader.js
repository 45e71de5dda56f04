// Runs a bundle that scripts/bundle.mjs built (dist/bundle/NAME.js) as the process's main module, compiled with the
// V8 code cache the build wrote next to it (NAME.js.cache). Compiling the ~2 MB bundle costs about as much as all of
// `kassa info`'s own work; with the cache V8 reuses the build's compiled code. V8 checks the cache against the source,
// its own version and the process's flags, and ignores a cache that does not match (the bundle then compiles as usual),
// so a stale or foreign cache costs time, never correctness. Nothing is written here at run time.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

/** The bundle as a compiled script, and what became of its code cache: 'accepted', 'rejected' or 'none'. */
function compileBundle(file) {
  // The hashbang line is not JavaScript inside the module wrapper; same length, so stack positions still hold.
  const source = fs.readFileSync(file, 'utf8').replace(/^#!/, '//');
  let cachedData;
  try {
    cachedData = fs.readFileSync(`${file}.cache`);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const cache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
  return { script, cache };
}

/**
 * Runs the bundle as Node runs a main CommonJS module. `cacheOut` (the build, once): after the run, write the code
 * V8 compiled while running — the functions this command used, not only the top level — to that file.
 * False when the bundle is not there (not built).
 */
function runBundle(file, opts = {}) {
  if (!fs.existsSync(file)) return false;
  const { script } = compileBundle(file);
  const mod = new Module(file, null);
  mod.filename = file;
  mod.loaded = true;
  process.mainModule = mod;
  if (opts.cacheOut) {
    process.on('exit', () => {
      fs.writeFileSync(opts.cacheOut, script.createCachedData());
      fs.chmodSync(opts.cacheOut, 0o644); // the CLI's umask keeps its own files private; this one is build output
    });
  }
  const wrapper = script.runInThisContext({ displayErrors: true });
  wrapper.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  return true;
}

module.exports = { compileBundle, runBundle };
