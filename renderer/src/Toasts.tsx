import type { ReactElement } from 'react';
import { useApp } from './store';

export function Toasts(): ReactElement {
  const { toasts, dismiss } = useApp();
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.level}`}>
          <strong>{t.title}</strong>
          <div>{t.body}</div>
          <button aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
