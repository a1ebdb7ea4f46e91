// Runs code-server for the end-to-end suite: fresh state per run, loopback only, stopped by pid.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const e2eHome = process.env.OPMODEL_E2E_HOME || path.join(repoRoot, '.e2e');
const installDir = path.join(e2eHome, 'code-server');
const binary = path.join(installDir, 'node_modules', '.bin', 'code-server');

/** Installs code-server into .e2e/ unless it is already there (see install-code-server.sh). */
export function ensureCodeServer() {
  const r = spawnSync('bash', [path.join(repoRoot, 'scripts/e2e/install-code-server.sh'), installDir], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`installing code-server failed (exit ${r.status})`);
}

/** A port nobody listens on right now; the OS picks it. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

// Quiet, offline, no first-run pages: the suite sees only what the extension adds.
const userSettings = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.editor.enablePreview': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'files.refactoring.autoSave': true,
  'window.restoreWindows': 'none',
};

/** Environment that keeps code-server and its children out of the real $HOME. */
function isolatedEnv(state) {
  return {
    ...process.env,
    HOME: path.join(state, 'home'),
    XDG_CONFIG_HOME: path.join(state, 'xdg-config'),
    XDG_DATA_HOME: path.join(state, 'xdg-data'),
    XDG_CACHE_HOME: path.join(state, 'xdg-cache'),
  };
}

/**
 * Starts code-server with a fresh state dir after installing `vsix` files.
 * `afterInstall(extensionsDir)` may change the installed extensions before the server reads them.
 * Returns { url, pid, state, logFile, stop() }.
 */
export async function startCodeServer({ state, vsix = [], afterInstall } = {}) {
  if (!fs.existsSync(binary)) throw new Error(`code-server is not installed in ${installDir}`);
  fs.rmSync(state, { recursive: true, force: true });
  const userData = path.join(state, 'user-data'), extensions = path.join(state, 'extensions');
  for (const d of [path.join(userData, 'User'), extensions, path.join(state, 'home')]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  const port = await freePort();
  const config = path.join(state, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const env = isolatedEnv(state);
  const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];

  for (const file of vsix) {
    const r = spawnSync(binary, [...common, '--install-extension', file], { env, encoding: 'utf8' });
    const out = `${r.stdout}${r.stderr}`;
    if (r.status !== 0 || !/successfully installed/i.test(out)) throw new Error(`installing ${path.basename(file)} into code-server failed:\n${out}`);
  }
  if (afterInstall) await afterInstall(extensions);

  const logFile = path.join(state, 'code-server.log');
  const log = fs.openSync(logFile, 'w');
  // detached: code-server gets its own process group, so stop() can end it and the helpers it spawned.
  const child = spawn(binary, [...common, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened'], { env, detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const pid = child.pid;
  let exited = false;
  child.on('exit', () => { exited = true; });
  const killGroup = (signal) => { try { process.kill(-pid, signal); } catch { /* already gone */ } };
  const onExit = () => killGroup('SIGKILL');      // last resort if the suite dies without calling stop()
  process.on('exit', onExit);

  const stop = async () => {
    process.off('exit', onExit);
    if (exited) return;
    killGroup('SIGTERM');
    for (let i = 0; i < 50 && !exited; i++) await new Promise((r) => setTimeout(r, 100));
    if (!exited) killGroup('SIGKILL');
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !exited) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, pid, state, logFile, stop };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`code-server did not start:\n${fs.readFileSync(logFile, 'utf8')}`);
}
