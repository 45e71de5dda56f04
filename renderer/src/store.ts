/**
 * App-wide UI state: which screen is shown and the toasts raised by main's events.
 * Data from main lives in the query cache (data/queries.ts), the language in i18n.ts.
 */
import { useState, type Dispatch, type SetStateAction } from 'react';
import { create } from 'zustand';
import type { NotificationEvent } from '../../shared/contract/app';

export type ScreenId =
  'invoices' | 'quotes' | 'recurring' | 'reminders' | 'customers' | 'sync' | 'pdf' | 'books' | 'settings' | 'setup';

/** What a screen should open when another screen sends the user there (an invoice from a quote, and back). */
export interface Focus {
  invoiceId?: string;
  quoteId?: string;
  scheduleId?: string;
}

export interface Toast extends NotificationEvent {
  id: number;
}

interface AppState {
  screen: ScreenId;
  focus: Focus;
  toasts: Toast[];
  go(screen: ScreenId, focus?: Focus): void;
  toast(n: NotificationEvent): void;
  dismiss(id: number): void;
}

let nextToast = 1;

export const useApp = create<AppState>((set, get) => ({
  screen: 'invoices',
  focus: {},
  toasts: [],
  go: (screen, focus = {}) => set({ screen, focus }),
  toast(n) {
    const id = nextToast++;
    set({ toasts: [...get().toasts, { ...n, id }] });
    setTimeout(() => get().dismiss(id), 6000);
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));

/**
 * A screen's view (list, detail, form…) that opens the detail of the item another screen sent the user to — on the
 * first render and whenever `go` names another item.
 */
export function useFocusedView<V>(
  key: keyof Focus,
  list: V,
  detail: (id: string) => V,
): [V, Dispatch<SetStateAction<V>>] {
  const focus = useApp((st) => st.focus);
  const id = focus[key];
  const [view, setView] = useState<V>(id ? detail(id) : list);
  const [seen, setSeen] = useState(focus);
  if (focus !== seen) {
    setSeen(focus);
    if (id) setView(detail(id));
  }
  return [view, setView];
}
