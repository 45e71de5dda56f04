import type { ReactElement } from 'react';
import { useTranslator } from './i18n';
import { useApp } from './store';

export function Toasts(): ReactElement {
  const { toasts, dismiss } = useApp();
  const { t, message } = useTranslator();
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast ${toast.level}`}>
          <strong>{message(toast.title)}</strong>
          <div>{message(toast.body)}</div>
          <button aria-label={t('common.dismiss')} onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
