/**
 * The CLI loads a command group only when the command line starts with one of its prefixes (main/cli/commands): a
 * group's prefixes must be exactly the leading words of its commands, or a command would not be found.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GROUPS, commandsFor } from '../../main/cli/commands';

const startsWith = (path: string, prefix: string): boolean => `${path} `.startsWith(`${prefix} `);

test("each group's prefixes lead to its commands, and every command is found from its own words", () => {
  for (const g of GROUPS) {
    const commands = g.load();
    for (const c of commands) {
      assert.ok(
        g.prefixes.some((p) => startsWith(c.path, p)),
        `${c.path} starts with one of ${g.prefixes.join(', ')}`,
      );
    }
    for (const p of g.prefixes) {
      assert.ok(
        commands.some((c) => startsWith(c.path, p)),
        `prefix "${p}" leads to a command of its group`,
      );
    }
  }
  const all = commandsFor(undefined);
  assert.ok(all.length > 40, `${all.length} commands`);
  assert.equal(new Set(all.map((c) => c.path)).size, all.length, 'every path once');
  for (const c of all) {
    const words = c.path.split(' ');
    assert.ok(commandsFor(words).includes(c), `${c.path} is found from its words`);
    // Only the first word known (the second follows an option): still found.
    assert.ok(commandsFor(words.slice(0, 1)).includes(c), `${c.path} is found from "${words[0]}"`);
  }
  assert.deepEqual(
    commandsFor(['info']).map((c) => c.path),
    ['info', 'preferences show', 'preferences set'],
  );
  assert.equal(commandsFor(['no-such-command']).length, all.length, 'an unknown word consults every command');
  assert.equal(commandsFor([]).length, all.length, 'no words (the help) lists every command');
});

test('a line naming a ledger invoice command does not load the PDF, share or bookkeeping commands', () => {
  for (const line of [
    ['invoice', 'list'],
    ['invoice', 'show', 'inv_abcdefghijkl'],
  ]) {
    const paths = commandsFor(line).map((c) => c.path);
    assert.ok(paths.includes(line.slice(0, 2).join(' ')), `${line.join(' ')} is found`);
    for (const other of ['invoice pdf', 'invoice share', 'invoice xml', 'export pdf', 'export period']) {
      assert.ok(!paths.includes(other), `${line.join(' ')} does not load "${other}"`);
    }
  }
  // A line whose second word belongs to another group does load that group.
  assert.ok(commandsFor(['invoice', 'pdf']).some((c) => c.path === 'invoice pdf'));
  assert.ok(!commandsFor(['invoice', 'pdf']).some((c) => c.path === 'invoice share'));
});
