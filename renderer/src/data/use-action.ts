/**
 * What a button that calls main needs: busy while the call runs (so it is not pressed twice), and the error to show
 * when it fails. `run` resolves to the call's result, or undefined when it failed.
 */
import { useCallback, useState } from 'react';
import { toUiError, type UiError } from '../ui-error';

export interface Action {
  busy: boolean;
  error: UiError | null;
  setError(error: UiError | null): void;
  run<T>(fn: () => Promise<T>): Promise<T | undefined>;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const run = useCallback(async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (err) {
      setError(toUiError(err));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
