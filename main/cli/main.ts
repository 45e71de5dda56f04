#!/usr/bin/env node
import { commands } from './commands';
import { runCli } from './framework';

void runCli(process.argv.slice(2), commands, {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
