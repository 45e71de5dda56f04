/**
 * Electron main process: lifecycle, single-instance lock, the window, IPC and notifications.
 * Everything else is the same services the CLI and browser host use (main/services.ts).
 */
import { app, BrowserWindow, dialog, Notification } from 'electron';
import path from 'node:path';
import { IPC_EVENT_CHANNEL } from '../../shared/api';
import type { NotificationEvent } from '../../shared/contract/app';
import { dataDirFromProcess } from '../config';
import { prepareDataDir } from '../data-dir';
import { projectRoot } from '../native/bindings';
import { notificationText } from '../notification-text';
import { openKassa, type OpenedKassa } from '../open-kassa';
import { registerIpc } from './ipc';
import { registerSchemeAsPrivileged, serveRenderer } from './protocol';
import { applySecurityRules } from './security';

const flag = process.argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
let dataDir = '';
try {
  // Checked before Electron writes its own files there (userData): a bad folder is said, not failed on later.
  dataDir = prepareDataDir(dataDirFromProcess(flag));
} catch (err) {
  dialog.showErrorBox('Kassa', err instanceof Error ? err.message : String(err));
  app.exit(2);
}
// One data dir for every entry point: Electron's userData is the same folder the CLI and host use.
app.setPath('userData', dataDir);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerSchemeAsPrivileged();
  applySecurityRules();
  let services: OpenedKassa | undefined;
  let win: BrowserWindow | null = null;

  const createWindow = (): BrowserWindow => {
    const w = new BrowserWindow({
      width: 1200,
      height: 800,
      show: false,
      title: 'Kassa',
      webPreferences: {
        preload: path.join(__dirname, 'preload.js'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
      },
    });
    w.once('ready-to-show', () => w.show());
    void w.loadURL('app://kassa/index.html');
    return w;
  };

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app
    .whenReady()
    .then(async () => {
      // A damaged ledger opens into the recovery screen (open-kassa.ts).
      services = await openKassa({ dataDir, runtime: 'electron' });
      serveRenderer(path.join(projectRoot(), 'dist', 'renderer'));
      registerIpc(services.handlers, services.log);
      services.events.subscribe((name, payload) => {
        for (const w of BrowserWindow.getAllWindows()) w.webContents.send(IPC_EVENT_CHANNEL, name, payload);
        if (name === 'notification' && Notification.isSupported()) {
          const n = payload as NotificationEvent;
          // Shown by main, so worded by main: in the user's UI language (main/notification-text.ts).
          new Notification(notificationText(n, services?.preferences() ?? null, app.getLocale())).show();
        }
      });
      win = createWindow();
      win.on('closed', () => (win = null));
    })
    .catch((err: unknown) => {
      services?.log.error('electron.start_failed', { error: err });
      app.exit(3);
    });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && services) win = createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void services?.close());
}
