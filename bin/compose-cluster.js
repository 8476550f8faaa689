#!/usr/bin/env node
// The `compose-cluster` command: a plain-node shim over the compiled CLI.
'use strict';
const path = require('path');

let cli;
try {
  cli = require(path.join(__dirname, '..', 'dist', 'bin', 'cli', 'main.js'));
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes(path.join('dist', 'bin', 'cli', 'main.js'))) {
    process.stderr.write('compose-cluster: the compiled CLI is missing (dist/bin/cli/main.js). Run "npm run build" in ' + path.join(__dirname, '..') + ' first.\n');
    process.exit(1);
  }
  throw error;
}
cli.run();
