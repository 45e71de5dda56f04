#!/usr/bin/env node
// The installed `kassa` command runs the compiled CLI (built by `npm ci` / `npm run build`).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const compiled = path.join(__dirname, '..', 'dist', 'main', 'cli', 'main.js');
if (!fs.existsSync(compiled)) {
  process.stderr.write(
    JSON.stringify({
      error: { code: 'not_built', message: 'Kassa is not built yet: run "npm run build".', field: null },
    }) + '\n',
  );
  process.exit(3);
}
require(compiled);
