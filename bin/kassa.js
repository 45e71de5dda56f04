#!/usr/bin/env node
// The installed `kassa` command runs the CLI bundle (dist/bundle/kassa.js, built by `npm ci` / `npm run build`).
'use strict';
const path = require('node:path');
const { runBundle } = require('./bundle-loader');

if (!runBundle(path.join(__dirname, '..', 'dist', 'bundle', 'kassa.js'))) {
  process.stderr.write(
    JSON.stringify({
      error: { code: 'not_built', message: 'Kassa is not built yet: run "npm run build".', field: null },
    }) + '\n',
  );
  process.exit(3);
}
