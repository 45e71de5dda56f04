/**
 * Made on first use, then kept. The composition root and the handler table build through this, so a command, a
 * window or a test loads only the modules it uses (a `kassa info` does not parse the PDF renderer, the provider
 * adapters or the e-mail code).
 */
export function once<T>(make: () => T): () => T {
  let made = false;
  let value: T | undefined;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}
