/** App-wide UI state: which screen is shown, app facts, and toasts raised by main's events. */
import { create } from 'zustand';
import type { AppInfo, NotificationEvent } from '../../shared/contract/app';
import { call, errorMessage } from './client';

export type ScreenId = 'invoices' | 'customers' | 'sync' | 'pdf' | 'settings';

export interface Toast extends NotificationEvent {
  id: number;
}

interface AppState {
  screen: ScreenId;
  info: AppInfo | null;
  infoError: string | null;
  toasts: Toast[];
  go(screen: ScreenId): void;
  refreshInfo(): Promise<void>;
  toast(n: NotificationEvent): void;
  dismiss(id: number): void;
}

let nextToast = 1;

export const useApp = create<AppState>((set, get) => ({
  screen: 'invoices',
  info: null,
  infoError: null,
  toasts: [],
  go: (screen) => set({ screen }),
  async refreshInfo() {
    try {
      set({ info: await call('app.info', {}), infoError: null });
    } catch (err) {
      set({ infoError: errorMessage(err) });
    }
  },
  toast(n) {
    const id = nextToast++;
    set({ toasts: [...get().toasts, { ...n, id }] });
    setTimeout(() => get().dismiss(id), 6000);
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));
