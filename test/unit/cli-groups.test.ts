/**
 * The CLI loads a command group only when the command line starts with one of its words (main/cli/commands): a
 * group's words must be exactly the first words of its commands, or a command would not be found.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GROUPS, commandsFor } from '../../main/cli/commands';

test("each group's words are the first words of its commands, and every command is found by its first word", () => {
  for (const g of GROUPS) {
    const firsts = new Set(g.load().map((c) => c.path.split(' ')[0]));
    assert.deepEqual([...firsts].sort(), [...g.words].sort());
  }
  const all = commandsFor(undefined);
  assert.ok(all.length > 40, `${all.length} commands`);
  assert.equal(new Set(all.map((c) => c.path)).size, all.length, 'every path once');
  for (const c of all) {
    const first = c.path.split(' ')[0];
    assert.ok(commandsFor(first).includes(c), `${c.path} is found from "${first}"`);
  }
  assert.deepEqual(
    commandsFor('info').map((c) => c.path),
    ['info', 'preferences show', 'preferences set'],
  );
  assert.equal(commandsFor('no-such-command').length, all.length, 'an unknown word consults every command');
});
