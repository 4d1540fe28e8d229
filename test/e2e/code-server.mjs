// Runs an extension-host mocha suite inside a real VS Code: code-server (VS Code server + web
// workbench) driven by Debian's Chromium through playwright-core. The extension under development
// and the test entry are handed to the workbench the way `code --extensionDevelopmentPath
// --extensionTestsPath` does, through the workbench URL's `payload`. Resolves to the suite's exit code.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function codeServerEntry() {
  const p = process.env.CODE_SERVER_ENTRY
    ?? join(root, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(p)) {
    console.error(`code-server is not installed (${p}): run "npm run setup:code-server"`);
    process.exit(2);
  }
  return p;
}

export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

/** Copies a fixture folder to a scratch directory so tests may edit files freely. */
export function scratchCopy(src, tmp) {
  const dst = join(tmp, 'ws');
  cpSync(src, dst, { recursive: true });
  return dst;
}

export function installVsix(vsix, extensionsDir) {
  execFileSync(process.execPath, [codeServerEntry(), '--extensions-dir', extensionsDir, '--install-extension', vsix], { stdio: 'inherit' });
}

/**
 * @param {object} o
 * @param {string} o.workspace folder to open
 * @param {string} o.extensionDevelopmentPath
 * @param {string} o.extensionTestsPath bundled suite (exports run())
 * @param {string} [o.extensionsDir]
 * @param {{ path: string, selector: string }[]} [o.screenshots] taken once each selector appears
 * @param {string} [o.label]
 * @param {boolean} [o.untrusted] Restricted Mode: workspace trust on (no --disable-workspace-trust,
 *   `security.workspace.trust.enabled: true`, no startup prompt) in a fresh browser profile, so the
 *   folder is not in the trusted-folders list and VS Code opens it untrusted
 * @param {{ selector: string, what: string }[]} [o.domChecks] must each appear in the workbench
 *   while the suite runs, or the run fails
 */
export async function runSuite(o) {
  const { chromium } = await import('playwright-core');
  const t0 = Date.now();
  const label = o.label ?? 'e2e';
  const log = (...a) => console.log(`[${label} +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
  const tmp = mkdtempSync(join(tmpdir(), 'bonding-e2e-'));
  const signal = join(tmp, 'shot-done');
  // On-demand screenshots: the suite writes shots/NAME.req and waits for shots/NAME.done.
  const shotDir = join(tmp, 'shots');
  mkdirSync(shotDir, { recursive: true });
  const port = Number(process.env.PORT ?? await freePort());
  const entry = codeServerEntry();
  writeFileSync(join(tmp, 'config.yaml'), '');
  // Quiet, predictable workbench: no local history copies (renames in the tests make it complain).
  mkdirSync(join(tmp, 'user', 'User'), { recursive: true });
  const settings = { 'workbench.localHistory.enabled': false, 'workbench.startupEditor': 'none' };
  // Restricted Mode: trust is decided per folder from the trusted-folders list (application storage,
  // i.e. the browser profile, fresh for every run) unless the feature is off; the resolver of
  // code-server does not mark its remote as trusted. No prompt: the folder simply stays untrusted.
  if (o.untrusted) Object.assign(settings, {
    'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.emptyWindow': false, 'security.workspace.trust.banner': 'always',
  });
  writeFileSync(join(tmp, 'user', 'User', 'settings.json'), JSON.stringify(settings));
  const args = [entry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--config', join(tmp, 'config.yaml'),
    '--user-data-dir', join(tmp, 'user'), '--extensions-dir', o.extensionsDir ?? join(tmp, 'ext'),
    '--disable-telemetry', '--disable-update-check', ...(o.untrusted ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override', o.workspace];
  if (readFileSync(join(dirname(entry), 'cli.js'), 'utf8').includes('"vscode-option"')) args.splice(1, 0, '--vscode-option', 'enable-smoke-test-driver');
  const server = spawn(process.env.CODE_SERVER_NODE ?? process.execPath, args, {
    detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { EXTENSIONS_GALLERY: '{"serviceUrl":""}', ...process.env, BONDING_SHOT_SIGNAL: signal, BONDING_SHOT_DIR: shotDir },
  });
  let serverOut = '';
  const onOut = (d) => { serverOut += d; if (process.env.VERBOSE) process.stderr.write(d); };
  server.stdout.on('data', onOut);
  server.stderr.on('data', onOut);
  let browser;
  const cleanup = async (code) => {
    try { await browser?.close(); } catch { /* already gone */ }
    try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
    if (code === 0 && !process.env.KEEP_TMP) { await new Promise((r) => setTimeout(r, 300)); try { rmSync(tmp, { recursive: true, force: true }); } catch { /* best effort */ } }
    else log(`scratch files kept under ${tmp}`);
    return code;
  };
  let watchdog;
  const timeout = new Promise((res) => { watchdog = setTimeout(() => { log('TIMEOUT'); console.log(serverOut.slice(-3000)); res('timeout'); }, Number(process.env.E2E_TIMEOUT_MS ?? 240000)); });
  try {
    await Promise.race([new Promise((res, rej) => {
      const iv = setInterval(() => { if (serverOut.includes('HTTP server listening')) { clearInterval(iv); res(); } }, 50);
      server.on('exit', (c) => { clearInterval(iv); rej(new Error(`code-server exited ${c}\n${serverOut}`)); });
    }), timeout.then(() => { throw new Error('code-server did not start'); })]);
    log('code-server up on port', port);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    let result = 'no result line seen';
    if (process.env.VERBOSE) page.on('console', (m) => console.log(`[page:${m.type()}]`, m.text()));
    const exitCode = new Promise((res) => page.exposeFunction('codeAutomationExit', (code) => res(code)));
    await page.exposeFunction('codeAutomationLog', (type, a) => {
      const text = (a ?? []).map(String).join(' ');
      const r = /MOCHA_RESULT (.*)/.exec(text);
      if (r) result = r[1];
      if (type === 'error' || /^\s*(✔|✓|\d+\)|\d+ (passing|failing|pending)|DIAG|COMPL|HOVER|FIX|SUITE|RESTRICTED|RESTART|\S+ tests?)/.test(text) || /^\s{2,}\S/.test(text) || process.env.VERBOSE) console.log(`[exthost ${type}]`, text);
    });
    const auth = `127.0.0.1:${port}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', `vscode-remote://${auth}${o.extensionDevelopmentPath}`],
      ['extensionTestsPath', `vscode-remote://${auth}${o.extensionTestsPath}`],
    ]);
    await page.goto(`http://${auth}/?folder=${encodeURIComponent(o.workspace)}&payload=${encodeURIComponent(payload)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 90000 });
    log('workbench rendered');
    // Workbench checks from the browser side (what a person would see), alongside the suite.
    const domSeen = new Set();
    const domChecks = Promise.all((o.domChecks ?? []).map(async (c) => {
      try {
        await page.waitForSelector(c.selector, { timeout: 90000, state: 'attached' });
        domSeen.add(c.what);
        log('workbench shows', c.what);
      } catch { /* reported as missing below */ }
    }));
    const shots = (async () => {
      for (const s of o.screenshots ?? []) {
        try {
          await page.waitForSelector(s.selector, { timeout: 90000 });
          await page.waitForTimeout(600);
          mkdirSync(dirname(s.path), { recursive: true });
          await page.screenshot({ path: s.path });
          log('screenshot', s.path);
        } catch (e) { log('screenshot step failed:', e.message.split('\n')[0]); }
      }
    })().finally(() => writeFileSync(signal, 'done'));
    let polling = true;
    const onDemand = (async () => {
      while (polling) {
        for (const f of readdirSync(shotDir)) {
          if (!f.endsWith('.req')) continue;
          const name = f.slice(0, -4);
          rmSync(join(shotDir, f), { force: true });
          try {
            await page.waitForTimeout(700);
            const out = join(o.shotOutDir ?? join(root, 'test-results'), `${name}.png`);
            mkdirSync(dirname(out), { recursive: true });
            await page.screenshot({ path: out });
            log('screenshot', out);
          } catch (e) { log('screenshot failed:', e.message.split('\n')[0]); }
          writeFileSync(join(shotDir, `${name}.done`), 'done');
        }
        await new Promise((r) => setTimeout(r, 150));
      }
    })();
    const code = await Promise.race([exitCode, timeout]);
    polling = false;
    await onDemand;
    clearTimeout(watchdog);
    await Promise.race([shots, new Promise((r) => setTimeout(r, 3000))]);
    let domOk = true;
    if (o.domChecks?.length) {
      await Promise.race([domChecks, new Promise((r) => setTimeout(r, 5000))]);
      const missing = o.domChecks.filter((c) => !domSeen.has(c.what)).map((c) => c.what);
      domOk = missing.length === 0;
      log(`workbench checks: ${o.domChecks.length - missing.length} of ${o.domChecks.length} seen${missing.length ? `; MISSING: ${missing.join('; ')}` : ''}`);
    }
    log(`suite finished: ${result} (exit code ${code})`);
    return await cleanup(code === 0 && domOk ? 0 : 1);
  } catch (e) {
    clearTimeout(watchdog);
    log('ERROR', e.stack ?? e);
    console.log(serverOut.slice(-3000));
    return await cleanup(1);
  }
}
