import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { buildHandlers } from '../../main/handlers';
import { startHost, type RunningHost } from '../../main/host/server';
import { testServices } from '../helpers/services';
import { tempDir } from '../helpers/tmp';

let lastServices: Awaited<ReturnType<typeof testServices>> | undefined;

async function host(): Promise<RunningHost> {
  const s = await testServices();
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Kassa</title>');
  const h = await startHost({ handlers: buildHandlers(s), events: s.events, log: s.log, staticDir });
  test.after(() => h.close());
  lastServices = s;
  return h;
}

const post = (
  h: RunningHost,
  method: string,
  init: { token?: string | null; origin?: string; body?: string; host?: string } = {},
) => {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token !== null) headers.authorization = `Bearer ${init.token ?? h.token}`;
  if (init.origin) headers.origin = init.origin;
  return fetch(`${h.url}api/${method}`, { method: 'POST', headers, body: init.body ?? '{}' });
};

test('with the token and our origin a method answers', async () => {
  const h = await host();
  const res = await post(h, 'app.info', { origin: h.url.replace(/\/$/, '') });
  assert.equal(res.status, 200);
  const body = (await res.json()) as { result: { name: string; invoiceCount: number } };
  assert.equal(body.result.name, 'Kassa');
  assert.equal(typeof body.result.invoiceCount, 'number');
});

test('no token, a wrong token, or another Origin → 403', async () => {
  const h = await host();
  assert.equal((await post(h, 'app.info', { token: null })).status, 403);
  assert.equal((await post(h, 'app.info', { token: 'x'.repeat(h.token.length) })).status, 403);
  assert.equal((await post(h, 'app.info', { origin: 'http://evil.example' })).status, 403);
  const body = (await (await post(h, 'app.info', { origin: 'http://evil.example' })).json()) as {
    error: { code: string };
  };
  assert.equal(body.error.code, 'bad_origin');
});

test('a foreign Host header (DNS rebinding) → 403', async () => {
  const h = await host();
  const status = await new Promise<number>((resolve, reject) => {
    const sock = net.connect(h.port, '127.0.0.1', () => {
      sock.write(`GET / HTTP/1.1\r\nHost: attacker.example:${h.port}\r\nConnection: close\r\n\r\n`);
    });
    let data = '';
    sock.on('data', (d) => (data += d.toString()));
    sock.on('end', () => resolve(Number(data.split(' ')[1])));
    sock.on('error', reject);
  });
  assert.equal(status, 403);
});

test('invalid input and unknown methods get clear JSON errors', async () => {
  const h = await host();
  const bad = await post(h, 'app.info', { body: '{"unexpected":1}' });
  assert.equal(bad.status, 400);
  assert.match(((await bad.json()) as { error: { message: string } }).error.message, /unexpected|Unrecognized/i);
  const notJson = await post(h, 'app.info', { body: '{' });
  assert.equal(((await notJson.json()) as { error: { code: string } }).error.code, 'invalid_json');
  const unknown = await post(h, 'nope.nothing');
  assert.equal(unknown.status, 404);
  // A malformed percent-escape in the method name is an unknown method, not an internal error.
  const garbled = await post(h, 'app.%E0%A4%A');
  assert.equal(garbled.status, 404);
  assert.equal(((await garbled.json()) as { error: { code: string } }).error.code, 'unknown_method');
});

test('binds to loopback only', async () => {
  const h = await host();
  assert.match(h.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const addresses = Object.values((await import('node:os')).networkInterfaces())
    .flat()
    .filter((a): a is NonNullable<typeof a> => !!a && a.family === 'IPv4' && !a.internal);
  for (const a of addresses) {
    await assert.rejects(fetch(`http://${a.address}:${h.port}/`), 'must not answer on ' + a.address);
  }
});

test('static files are served with a CSP and traversal is refused', async () => {
  const h = await host();
  const res = await fetch(h.url);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  const trav = await fetch(`${h.url}..%2f..%2fetc%2fpasswd`);
  assert.equal(trav.status, 404);
});

test('events arrive as server-sent events, with the token only', async () => {
  const h = await host();
  assert.equal((await fetch(`${h.url}api/events`)).status, 403);
  const res = await fetch(`${h.url}api/events`, { headers: { authorization: `Bearer ${h.token}` } });
  assert.equal(res.headers.get('content-type'), 'text/event-stream');
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = (await reader.read()).value ?? '';
  assert.match(text, /connected/);
  lastServices!.events.emit('notification', {
    title: { key: 'common.text', params: { text: 'hello' } },
    body: { key: 'common.text', params: { text: 'world' } },
    level: 'info',
  });
  while (!text.includes('event: notification')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += value;
  }
  await reader.cancel();
  assert.match(text, /event: notification\ndata: \{"title":\{"key":"common.text","params":\{"text":"hello"\}\}/);
});
