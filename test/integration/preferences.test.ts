/** The UI language preference from the command line, and the CLI's errors: English text from the catalogue, with code and params. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kassa } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

test('kassa preferences show|set: the UI language (null follows the system) and Arabic digits', () => {
  const dir = tempDir();
  const show = kassa(['preferences', 'show', '--data-dir', dir]);
  assert.equal(show.code, 0, show.stderr);
  const defaults = { autoBackups: true, pollMinutes: 5, setup: 'pending' };
  assert.deepEqual(JSON.parse(show.stdout), { language: null, digits: 'latn', ...defaults });

  const set = kassa(['preferences', 'set', '--data-dir', dir, '--data', '{"language":"ar","digits":"arab"}']);
  assert.equal(set.code, 0, set.stderr);
  assert.deepEqual(JSON.parse(set.stdout), { language: 'ar', digits: 'arab', ...defaults });
  const back = kassa(['preferences', 'set', '--data-dir', dir, '--data', '{"language":null}']);
  assert.deepEqual(JSON.parse(back.stdout), { language: null, digits: 'arab', ...defaults });

  const bad = kassa(['preferences', 'set', '--data-dir', dir, '--data', '{"language":"fr"}']);
  assert.equal(bad.code, 1);
  const err = JSON.parse(bad.stderr) as {
    error: { code: string; message: string; field: string; params: { problem: { key: string } } };
  };
  assert.equal(err.error.code, 'invalid_input');
  assert.equal(err.error.field, 'language');
  assert.equal(err.error.message, 'language must be one of en, ar, es.');
  assert.equal(err.error.params.problem.key, 'validation.one_of');
});

test('kassa preferences set: the polling interval (1 to 1440 whole minutes), automatic backups, the setup state', () => {
  const dir = tempDir();
  const set = kassa([
    'preferences',
    'set',
    '--data-dir',
    dir,
    '--data',
    '{"pollMinutes":15,"autoBackups":false,"setup":"skipped"}',
  ]);
  assert.equal(set.code, 0, set.stderr);
  assert.deepEqual(JSON.parse(set.stdout), {
    language: null,
    digits: 'latn',
    autoBackups: false,
    pollMinutes: 15,
    setup: 'skipped',
  });
  for (const value of ['0', '1441', '2.5', '"5"']) {
    const bad = kassa(['preferences', 'set', '--data-dir', dir, '--data', `{"pollMinutes":${value}}`]);
    assert.equal(bad.code, 1, value);
    const err = JSON.parse(bad.stderr) as {
      error: { code: string; field: string; params: { problem: { key: string } } };
    };
    assert.deepEqual([err.error.code, err.error.field], ['invalid_input', 'pollMinutes'], value);
    assert.match(err.error.params.problem.key, /^validation\./, value);
  }
  const kept = kassa(['preferences', 'show', '--data-dir', dir]);
  assert.equal((JSON.parse(kept.stdout) as { pollMinutes: number }).pollMinutes, 15);
});
