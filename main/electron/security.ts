/**
 * One place for the window-level security rules of Electron's checklist: no navigation away from the app,
 * no new windows, permissions denied by default, and external links only for validated http(s)/mailto URLs and
 * the exact share links Kassa builds (sms:+E164?body=…, https://wa.me/<digits>?text=…, shared/share/links.ts).
 */
import { app, session, shell, type WebContents } from 'electron';
import { isShareLink } from '../../shared/share/links';
import { APP_ORIGIN } from './ipc';

const EXTERNAL_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);
/** Hosts whose links are only ever share links: anything else there is refused. */
const SHARE_HOSTS = new Set(['wa.me']);

export function isSafeExternalUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    if (u.protocol === 'sms:' || SHARE_HOSTS.has(u.hostname)) return isShareLink(raw);
    if (!EXTERNAL_PROTOCOLS.has(u.protocol)) return false;
    if ((u.protocol === 'http:' || u.protocol === 'https:') && (u.username || u.password || !u.hostname)) return false;
    return raw.length < 2048;
  } catch {
    return false;
  }
}

export function openExternalSafely(raw: string): void {
  if (isSafeExternalUrl(raw)) void shell.openExternal(raw);
}

function harden(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
}

export function applySecurityRules(): void {
  app.on('web-contents-created', (_e, contents) => harden(contents));
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
  });
}
