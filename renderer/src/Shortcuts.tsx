/**
 * Keyboard shortcuts and their help overlay (`?`). A shortcut acts on what the screen marks with
 * `data-shortcut="…"` (the visible New invoice, Save, Issue buttons, the search box), so each screen keeps its own
 * behaviour and a shortcut does nothing a click could not. Single keys are ignored while typing in a field (Escape
 * leaves it); Ctrl/⌘+S works everywhere.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { PlainKey } from '../../shared/i18n/catalogue';
import { useTranslator } from './i18n';
import { useApp, type ScreenId } from './store';

interface Shortcut {
  keys: string;
  label: PlainKey;
  /** The element clicked (or focused, for a text box); on another screen, that screen is opened first. */
  target: string;
  screen?: ScreenId;
  ctrl?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'N', label: 'shortcuts.new_invoice', target: 'new-invoice', screen: 'invoices' },
  { keys: 'C', label: 'shortcuts.new_customer', target: 'new-customer', screen: 'customers' },
  { keys: '/', label: 'shortcuts.search', target: 'search' },
  { keys: 'S', label: 'shortcuts.save', target: 'save', ctrl: true },
  { keys: 'I', label: 'shortcuts.issue', target: 'issue' },
];

const typing = (el: Element | null): boolean =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

function act(target: string): boolean {
  const el = [...document.querySelectorAll<HTMLElement>(`[data-shortcut="${target}"]`)].find(
    (e) => e.offsetParent !== null && !(e as HTMLButtonElement).disabled,
  );
  if (!el) return false;
  if (el instanceof HTMLInputElement) el.focus();
  else el.click();
  return true;
}

/** Tries again for a few frames: the element appears once the screen just opened has rendered. */
function actSoon(target: string, frames = 30): void {
  if (act(target) || frames === 0) return;
  requestAnimationFrame(() => actSoon(target, frames - 1));
}

export function Shortcuts(): ReactElement | null {
  const { t } = useTranslator();
  const go = useApp((s) => s.go);
  const [help, setHelp] = useState(false);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.altKey) return;
      const ctrl = e.ctrlKey || e.metaKey;
      if (e.key === 'Escape' && help) return setHelp(false);
      // Escape leaves a text field, so the single-key shortcuts work again without the mouse.
      if (e.key === 'Escape' && typing(document.activeElement)) return (document.activeElement as HTMLElement).blur();
      if (!ctrl && typing(document.activeElement)) return;
      if (!ctrl && e.key === '?') {
        e.preventDefault();
        return setHelp((h) => !h);
      }
      const s = SHORTCUTS.find((x) => x.keys.toLowerCase() === e.key.toLowerCase() && Boolean(x.ctrl) === ctrl);
      if (!s) return;
      e.preventDefault();
      setHelp(false);
      if (act(s.target) || !s.screen) return;
      go(s.screen);
      actSoon(s.target);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, help]);

  useEffect(() => {
    if (help) closeRef.current?.focus();
  }, [help]);

  if (!help) return null;
  return (
    <div className="overlay" onClick={() => setHelp(false)}>
      <div
        className="panel help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        data-testid="shortcuts-help"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
        <table>
          <tbody>
            {[...SHORTCUTS, { keys: '?', label: 'shortcuts.help' as const, ctrl: false }].map((s) => (
              <tr key={s.keys}>
                <td>
                  <kbd dir="ltr">{s.ctrl ? `Ctrl+${s.keys}` : s.keys}</kbd>
                </td>
                <td>{t(s.label)}</td>
              </tr>
            ))}
            <tr>
              <td>
                <kbd dir="ltr">Tab · Enter</kbd>
              </td>
              <td>{t('shortcuts.rows')}</td>
            </tr>
            <tr>
              <td>
                <kbd dir="ltr">↑ ↓ · PgUp PgDn · Home End</kbd>
              </td>
              <td>{t('shortcuts.list_moves')}</td>
            </tr>
          </tbody>
        </table>
        <button type="button" ref={closeRef} onClick={() => setHelp(false)} data-testid="shortcuts-close">
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}
