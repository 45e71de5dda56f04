/**
 * Static checks of Electron's security checklist over the main-process sources and the Content-Security-Policy.
 * The Electron binary cannot run on the test machines, so what can be decided from the code is decided here:
 * every window's webPreferences, what pages are loaded, who may call main over IPC, what the preload exposes,
 * which URLs reach shell.openExternal, and whether the CSP lets a script come from anywhere but the app itself.
 * Each finding names the file, the line and the checklist item it breaks.
 */
import ts from 'typescript';

export interface Finding {
  file: string;
  line: number;
  /** The item of Electron's checklist (docs/tutorial/security.md) the finding breaks. */
  item: number;
  problem: string;
}

/** webPreferences every window must state explicitly, with the only value allowed. */
const REQUIRED_PREFERENCES: Record<string, boolean> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
};
/** webPreferences that weaken a window whatever the value (or when true). */
const FORBIDDEN_PREFERENCES: Record<string, { item: number; anyValue?: boolean }> = {
  nodeIntegrationInWorker: { item: 2 },
  nodeIntegrationInSubFrames: { item: 2 },
  allowRunningInsecureContent: { item: 8 },
  experimentalFeatures: { item: 9 },
  enableBlinkFeatures: { item: 10, anyValue: true },
  webviewTag: { item: 12 },
};
const PREFERENCE_ITEM: Record<string, number> = { contextIsolation: 3, sandbox: 4, nodeIntegration: 2, webSecurity: 6 };
const WINDOW_CLASSES = new Set(['BrowserWindow', 'BrowserView', 'WebContentsView']);
const DANGEROUS_SWITCHES = new Set([
  'disable-web-security',
  'no-sandbox',
  'disable-site-isolation-trials',
  'ignore-certificate-errors',
  'allow-running-insecure-content',
  'remote-debugging-port',
  'js-flags',
]);

const propName = (n: ts.PropertyName | ts.MemberName | undefined): string | undefined =>
  n && (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isPrivateIdentifier(n)) ? n.text : undefined;

const literalBoolean = (e: ts.Expression): boolean | undefined =>
  e.kind === ts.SyntaxKind.TrueKeyword ? true : e.kind === ts.SyntaxKind.FalseKeyword ? false : undefined;

const calleeName = (call: ts.CallExpression): string | undefined => {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
};

const calleeText = (call: ts.CallExpression, sf: ts.SourceFile): string => call.expression.getText(sf);

function enclosing(node: ts.Node, test: (n: ts.Node) => boolean): ts.Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (test(n)) return n;
  return undefined;
}

/** Audits one TypeScript source of main/electron. `presence` collects which required handlers it installs. */
export function auditElectronSource(file: string, text: string, presence: Set<string> = new Set()): Finding[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const add = (node: ts.Node, item: number, problem: string): void => {
    findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, item, problem });
  };

  const checkPreferences = (prefs: ts.Expression, where: ts.Node, requireAll: boolean): void => {
    if (!ts.isObjectLiteralExpression(prefs)) {
      add(where, 3, 'webPreferences must be an object literal so its settings can be checked');
      return;
    }
    const seen = new Map<string, ts.Expression>();
    for (const p of prefs.properties) {
      if (ts.isSpreadAssignment(p)) {
        add(p, 3, 'webPreferences must not spread other objects into it (settings could be overridden unseen)');
        continue;
      }
      const name = ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) ? propName(p.name) : undefined;
      if (!name) continue;
      if (ts.isShorthandPropertyAssignment(p)) {
        if (name in REQUIRED_PREFERENCES || name in FORBIDDEN_PREFERENCES)
          add(p, PREFERENCE_ITEM[name] ?? 3, `${name} must be a literal value, not a variable`);
        continue;
      }
      if (ts.isPropertyAssignment(p)) seen.set(name, p.initializer);
    }
    for (const [name, want] of Object.entries(REQUIRED_PREFERENCES)) {
      const v = seen.get(name);
      if (v === undefined) {
        if (requireAll) add(where, PREFERENCE_ITEM[name]!, `webPreferences.${name} must be set to ${want} explicitly`);
      } else if (literalBoolean(v) !== want) {
        add(v, PREFERENCE_ITEM[name]!, `webPreferences.${name} must be ${want}`);
      }
    }
    for (const [name, rule] of Object.entries(FORBIDDEN_PREFERENCES)) {
      const v = seen.get(name);
      if (v !== undefined && (rule.anyValue || literalBoolean(v) !== false))
        add(v, rule.item, `webPreferences.${name} weakens the window`);
    }
  };

  const visit = (node: ts.Node): void => {
    // 2, 3, 4, 6, 8, 9, 10: every window states its webPreferences, none weakened.
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && WINDOW_CLASSES.has(node.expression.text)) {
      const opts = node.arguments?.[0];
      const prefs =
        opts && ts.isObjectLiteralExpression(opts)
          ? opts.properties.find((p) => propName(p.name) === 'webPreferences')
          : undefined;
      if (!opts || !ts.isObjectLiteralExpression(opts))
        add(node, 3, `new ${node.expression.text}() needs an object literal with webPreferences`);
      else if (opts.properties.some(ts.isSpreadAssignment))
        add(opts, 3, `new ${node.expression.text}() options must not spread other objects into them`);
      else if (!prefs || !ts.isPropertyAssignment(prefs))
        add(node, 3, `new ${node.expression.text}() must state its webPreferences`);
      else checkPreferences(prefs.initializer, prefs, true);
    }
    // webPreferences anywhere else (window-open overrides, will-attach-webview): nothing weakened.
    if (ts.isPropertyAssignment(node) && propName(node.name) === 'webPreferences') {
      const owner = enclosing(node, ts.isNewExpression);
      const direct = owner && node.parent.parent === owner;
      if (!direct) checkPreferences(node.initializer, node, false);
    }
    // Assignments like `webPreferences.nodeIntegration = true` or `prefs.sandbox = false`.
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      (ts.isPropertyAccessExpression(node.left) || ts.isElementAccessExpression(node.left))
    ) {
      const name = ts.isPropertyAccessExpression(node.left)
        ? node.left.name.text
        : ts.isStringLiteral(node.left.argumentExpression)
          ? node.left.argumentExpression.text
          : undefined;
      if (name && name in REQUIRED_PREFERENCES && literalBoolean(node.right) !== REQUIRED_PREFERENCES[name])
        add(node, PREFERENCE_ITEM[name]!, `${name} is set to something other than ${REQUIRED_PREFERENCES[name]}`);
      if (name && name in FORBIDDEN_PREFERENCES) {
        const rule = FORBIDDEN_PREFERENCES[name]!;
        if (rule.anyValue || literalBoolean(node.right) !== false) add(node, rule.item, `${name} weakens a window`);
      }
      if (name === 'webPreferences') add(node, 3, 'webPreferences must not be replaced after the fact');
    }
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      const full = calleeText(node, sf);
      const arg0 = node.arguments[0];
      // 1, 18: only the app's own custom protocol is loaded; never file:// or the network.
      if (name === 'loadURL') {
        if (!arg0 || !ts.isStringLiteralLike(arg0) || !arg0.text.startsWith('app://'))
          add(node, 18, 'loadURL must load a literal app:// URL (no file://, no remote content)');
      }
      if (name === 'loadFile') add(node, 18, 'loadFile loads file:// content; serve it from app:// instead');
      // 15: shell.openExternal only behind the URL check.
      if (name === 'openExternal') {
        const guarded = enclosing(
          node,
          (n) => ts.isIfStatement(n) && /\bisSafeExternalUrl\(/.test(n.expression.getText(sf)),
        );
        if (!guarded) add(node, 15, 'shell.openExternal must be called only inside if (isSafeExternalUrl(url))');
      }
      // 17: every IPC handler checks its sender.
      if (/^ipcMain\.(handle|handleOnce|on|once)$/.test(full)) {
        const handler = node.arguments[1];
        if (!handler || !/\bisTrustedSender\(/.test(handler.getText(sf)))
          add(node, 17, `${full} handler must check isTrustedSender(event) first`);
      }
      // 20: the preload exposes functions, never ipcRenderer or one of its members.
      if (full === 'contextBridge.exposeInMainWorld') {
        const api = node.arguments[1];
        if (!api || !ts.isObjectLiteralExpression(api))
          add(node, 20, 'exposeInMainWorld must expose an object literal of functions');
        else
          for (const p of api.properties) {
            const ok =
              ts.isMethodDeclaration(p) ||
              (ts.isPropertyAssignment(p) &&
                (ts.isArrowFunction(p.initializer) || ts.isFunctionExpression(p.initializer)));
            if (!ok) add(p, 20, 'the preload may expose only functions it defines (never ipcRenderer or its members)');
          }
      }
      // 4, 6: no command-line switch that turns a protection off.
      if (full.endsWith('commandLine.appendSwitch') && arg0 && ts.isStringLiteralLike(arg0)) {
        if (DANGEROUS_SWITCHES.has(arg0.text)) add(node, 4, `the --${arg0.text} switch weakens every window`);
      }
      if (full.endsWith('app.disableSandbox') || full === 'disableSandbox') add(node, 4, 'app.disableSandbox()');
      // 7, 18: a privileged scheme must not bypass the CSP.
      if (name === 'registerSchemesAsPrivileged' && /\bbypassCSP\s*:\s*true\b/.test(node.getText(sf)))
        add(node, 7, 'a privileged scheme must not bypass the Content-Security-Policy');
      // Handlers the checklist asks for (checked across all files by auditElectronSources).
      if (name === 'setPermissionRequestHandler') presence.add('setPermissionRequestHandler');
      if (name === 'setPermissionCheckHandler') presence.add('setPermissionCheckHandler');
      if (name === 'setWindowOpenHandler') {
        presence.add('setWindowOpenHandler');
        if (!/action\s*:\s*'deny'/.test(node.getText(sf))) add(node, 14, "setWindowOpenHandler must answer 'deny'");
      }
      if (name === 'on' && arg0 && ts.isStringLiteralLike(arg0)) {
        if (['will-navigate', 'will-redirect', 'will-attach-webview', 'web-contents-created'].includes(arg0.text)) {
          const body = node.arguments[1]?.getText(sf) ?? '';
          if (arg0.text === 'web-contents-created' || /preventDefault\(\)/.test(body)) presence.add(arg0.text);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

/** Handlers that must exist somewhere in main/electron, with the checklist item each serves. */
export const REQUIRED_HANDLERS: Record<string, number> = {
  'web-contents-created': 13,
  'will-navigate': 13,
  'will-redirect': 13,
  'will-attach-webview': 12,
  setWindowOpenHandler: 14,
  setPermissionRequestHandler: 5,
  setPermissionCheckHandler: 5,
};

/** Audits every source together: each file's findings plus the handlers none of them installs. */
export function auditElectronSources(files: Array<{ file: string; text: string }>): Finding[] {
  const presence = new Set<string>();
  const findings = files.flatMap((f) => auditElectronSource(f.file, f.text, presence));
  for (const [handler, item] of Object.entries(REQUIRED_HANDLERS))
    if (!presence.has(handler))
      findings.push({ file: 'main/electron', line: 0, item, problem: `no ${handler} handler is installed` });
  return findings;
}

/** The directives of a policy, lower-cased names → source lists (the first occurrence wins, as in browsers). */
export function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/** Sources a script directive may hold: the app's own origin, nothing, or the hash of a known inline script. */
const SAFE_SCRIPT_SOURCE = /^('self'|'none'|'sha(256|384|512)-[A-Za-z0-9+/=]+')$/;

/** Checks a Content-Security-Policy: no script from anywhere but the app, no plugins, no base-URL rewriting. */
export function auditCsp(where: string, policy: string): Finding[] {
  const d = parseCsp(policy);
  const findings: Finding[] = [];
  const add = (problem: string): void => void findings.push({ file: where, line: 0, item: 7, problem });
  const fallback = d.get('default-src');
  if (!fallback) add("default-src is missing (it must be 'self' or 'none')");
  else
    for (const s of fallback) if (!/^('self'|'none')$/.test(s)) add(`default-src allows ${s} (only 'self' or 'none')`);
  const scripts = d.get('script-src') ?? fallback;
  if (!scripts) add('no script-src (nor default-src)');
  for (const directive of ['script-src', 'script-src-elem', 'script-src-attr', 'worker-src']) {
    const sources = d.get(directive) ?? (directive === 'script-src' ? scripts : undefined);
    for (const s of sources ?? [])
      if (!SAFE_SCRIPT_SOURCE.test(s)) add(`${directive} allows ${s}: scripts may only come from the app itself`);
  }
  const objects = d.get('object-src') ?? fallback;
  if (!objects || objects.join(' ') !== "'none'") add("object-src must be 'none'");
  const base = d.get('base-uri');
  if (!base || !/^('none'|'self')$/.test(base.join(' '))) add("base-uri must be 'none' or 'self'");
  return findings;
}

/** The CSP of an HTML page's <meta http-equiv="Content-Security-Policy">, and every script element's src. */
export function htmlPolicy(html: string): { csp: string | null; scripts: string[]; inlineScripts: number } {
  const meta = /<meta\s[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i.exec(html)?.[0];
  const csp = meta ? (/content=(["'])([\s\S]*?)\1/i.exec(meta)?.[2] ?? null) : null;
  const scripts: string[] = [];
  let inlineScripts = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\bsrc=(["'])(.*?)\1/i.exec(m[1] ?? '')?.[2];
    if (src !== undefined) scripts.push(src);
    else if ((m[2] ?? '').trim()) inlineScripts++;
  }
  return { csp, scripts, inlineScripts };
}
