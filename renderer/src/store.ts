/**
 * App-wide UI state: which screen is shown and the toasts raised by main's events.
 * Data from main lives in the query cache (data/queries.ts), the language in i18n.ts.
 */
import { create } from 'zustand';
import type { NotificationEvent } from '../../shared/contract/app';

export type ScreenId = 'invoices' | 'customers' | 'sync' | 'pdf' | 'settings';

export interface Toast extends NotificationEvent {
  id: number;
}

interface AppState {
  screen: ScreenId;
  toasts: Toast[];
  go(screen: ScreenId): void;
  toast(n: NotificationEvent): void;
  dismiss(id: number): void;
}

let nextToast = 1;

export const useApp = create<AppState>((set, get) => ({
  screen: 'invoices',
  toasts: [],
  go: (screen) => set({ screen }),
  toast(n) {
    const id = nextToast++;
    set({ toasts: [...get().toasts, { ...n, id }] });
    setTimeout(() => get().dismiss(id), 6000);
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));
