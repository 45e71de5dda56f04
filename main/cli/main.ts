#!/usr/bin/env node
import { commandsFor } from './commands';
import { runCli } from './framework';

void runCli(process.argv.slice(2), commandsFor, {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
