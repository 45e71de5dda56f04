/**
 * Serves the built renderer from app://kassa/ instead of file://, with the same CSP as the browser host.
 * Files are read with fs (which also reads inside app.asar), not fetched as file:// URLs, so the app needs no
 * file:// privileges at all and the GrantFileProtocolExtraPrivileges fuse can be off (electron-builder.yml).
 */
import fs from 'node:fs';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY, contentTypeOf, resolveStatic } from '../host/static';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kassa';

export function registerSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** The answer to one app:// request (exported for tests: the Electron binary cannot run here). */
export async function rendererResponse(rendererDir: string, requestUrl: string): Promise<Response> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return new Response('Not found', { status: 404 });
  }
  const file = url.host === APP_HOST ? resolveStatic(rendererDir, url.pathname) : null;
  let body: Buffer;
  try {
    if (!file) throw new Error('outside the renderer folder');
    body = await fs.promises.readFile(file);
  } catch {
    // Missing, a folder, or outside the renderer: the same 404, never a rejected handler.
    return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  }
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'content-type': contentTypeOf(file),
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    },
  });
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(rendererDir, request.url));
}
