/**
 * The one rule for "this computer": the only hosts Kassa talks to without encryption (provider simulators, a local
 * SMTP server, test payment links). Used by provider base URLs, account settings, payment URLs and SMTP settings.
 */
/** True for 127.0.0.0/8, ::1 and localhost (the only hosts where plain http cannot leave the machine). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  // Only the exact name: a sub-name such as api.localhost still goes through DNS on some systems.
  if (h === 'localhost') return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return m !== null && m[1] === '127' && m.slice(2).every((p) => Number(p) <= 255);
}
