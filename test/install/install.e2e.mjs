// Installs opmodel the way a client repository gets it, from a clean clone of the committed HEAD:
// `npm pack` (its file list asserted) and a tarball install, then `git+file://` (npm runs the
// package's `prepare` in its own clone). Each install goes into a fresh client folder, which is
// then committed, cloned and installed again with `npm ci`. In every folder the installed CLI runs
// as a user runs it: `npx opmodel …`.
// Run: npm run test:install  (a few minutes: npm builds the git dependency with its dev dependencies).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'opmodel-install-')));
const keep = process.argv.includes('--keep');
const t0 = Date.now();
const log = (m) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
let passed = 0;
let failed = 0;

function check(name, fn) {
  try {
    fn();
    passed++;
    log(`ok   ${name}`);
  } catch (e) {
    failed++;
    log(`FAIL ${name}\n${String(e.message ?? e).split('\n').map((l) => `     ${l}`).join('\n')}`);
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/** Runs a command; returns its status and output. npm never asks questions and never audits. */
function sh(cmd, args, cwd, extraEnv = {}) {
  const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', NO_COLOR: '1', ...extraEnv };
  for (const k of Object.keys(env)) if (k.startsWith('npm_lifecycle') || k === 'npm_package_json' || k === 'INIT_CWD') delete env[k];
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 300_000 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', all: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

function must(cmd, args, cwd, extraEnv) {
  const r = sh(cmd, args, cwd, extraEnv);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.status}\n${r.all.slice(-4000)}`);
  return r;
}

const opmodel = (cwd, ...args) => sh('npx', ['--no-install', 'opmodel', ...args], cwd);

/** What a client folder must do with the installed CLI. `fresh`: init has not run there yet. */
function clientChecks(label, dir, fresh) {
  check(`${label}: npx opmodel --version prints the package version`, () => {
    const version = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')).version;
    const r = opmodel(dir, '--version');
    assert(r.status === 0 && r.stdout.trim() === version, `expected ${version}, got exit ${r.status}: ${r.all}`);
  });
  check(`${label}: the installed package is only the CLI bundle and the shipped framework`, () => {
    const pkgDir = path.join(dir, 'node_modules', 'opmodel');
    const top = fs.readdirSync(pkgDir).sort();
    assert(JSON.stringify(top) === JSON.stringify(['CHANGELOG.md', 'LICENSE', 'README.md', 'action.yml', 'dist', 'framework-docs', 'package.json', 'schemas', 'scripts']), `top level: ${top.join(', ')}`);
    assert(JSON.stringify(fs.readdirSync(path.join(pkgDir, 'dist')).sort()) === JSON.stringify(['action.js', 'cli.js']), `dist: ${fs.readdirSync(path.join(pkgDir, 'dist')).join(', ')}`);
    assert(!fs.existsSync(path.join(dir, 'node_modules', 'minisearch')), 'runtime libraries were installed beside the CLI');
  });
  if (fresh) {
    check(`${label}: npx opmodel init --client "Acme Bank" writes the client repository`, () => {
      const r = opmodel(dir, 'init', '--client', 'Acme Bank');
      assert(r.status === 0, `exit ${r.status}: ${r.all}`);
      for (const f of ['opmodel.json', 'README.md', 'elements/ACME1.md', 'elements/FLM3.md', '.gitignore', '.github/workflows/opmodel.yml']) assert(fs.existsSync(path.join(dir, f)), `missing ${f}`);
    });
  } else {
    check(`${label}: init again skips every file, changes nothing, exits 2`, () => {
      const before = fs.readFileSync(path.join(dir, 'opmodel.json'), 'utf8');
      const r = opmodel(dir, 'init', '--client', 'Acme Bank');
      assert(r.status === 2 && (r.stderr.match(/^skipped /gm) ?? []).length === 6, `exit ${r.status}: ${r.all}`);
      assert(fs.readFileSync(path.join(dir, 'opmodel.json'), 'utf8') === before, 'opmodel.json changed');
    });
  }
  check(`${label}: npx opmodel check finds no errors, against the installed framework`, () => {
    const r = opmodel(dir, 'check');
    assert(r.status === 0 && r.stdout === '' && /: 0 errors, 0 warnings\n$/.test(r.stderr), `exit ${r.status}: ${r.all.slice(-2000)}`);
    assert(r.stderr.includes('extends opmodel 0.1.0 from node_modules/opmodel/framework-docs'), r.stderr);
  });
  check(`${label}: npx opmodel build --out site writes a branded site (nothing needed beside the bundle)`, () => {
    const r = opmodel(dir, 'build', '--out', 'site');
    assert(r.status === 0, `exit ${r.status}: ${r.all.slice(-2000)}`);
    const index = fs.readFileSync(path.join(dir, 'site', 'index.html'), 'utf8');
    assert(index.includes('<title>Acme Bank: Operating Model Playbook</title>'), 'no branded <title>');
    assert(index.includes('Based on the opmodel 0.1.0 framework.'), 'footer does not name the framework');
    assert(fs.readFileSync(path.join(dir, 'site', 'elements', 'FLM3.html'), 'utf8').includes('class="tailoring-note"'), 'FLM3 is not shown as tailored');
    assert(fs.existsSync(path.join(dir, 'site', 'elements', 'ACME1.html')), 'no page for the client element');
    assert(!fs.existsSync(path.join(dir, 'site', 'pages', 'README-2.html')) && !fs.existsSync(path.join(dir, 'site', 'pages', 'building-a-client-playbook.html')), 'framework README or consultant guide in the client site');
    assert(fs.statSync(path.join(dir, 'site', 'assets', 'minisearch.js')).size > 10_000, 'no MiniSearch in the site');
  });
  check(`${label}: npx opmodel assess reports the client's assessment, scored against the installed framework`, () => {
    const file = path.join(dir, 'assessments', 'baseline.yaml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'client: Acme Bank\ntitle: Baseline\ndate: 2027-01-15\nelements:\n  FLM3: { current: 1, target: 3, due: 2027-03-31 }\n  ACME1: { current: 2, target: 3 }\n');
    const r = opmodel(dir, 'assess', '--format', 'json');
    fs.rmSync(path.dirname(file), { recursive: true });
    assert(r.status === 0, `exit ${r.status}: ${r.all.slice(-2000)}`);
    const report = JSON.parse(r.stdout);
    // One report: the framework's own example assessments are not the client's.
    assert(report.assessment?.client === 'Acme Bank' && report.assessment.file === 'assessments/baseline.yaml', JSON.stringify(report.assessment));
    assert(JSON.stringify(report.elements.map((e) => [e.id, e.current, e.target, e.gap])) === JSON.stringify([['FLM3', 1, 3, 2], ['ACME1', 2, 3, 1]]), JSON.stringify(report.elements));
  });
  check(`${label}: a planted error is reported with file and line, exit 1`, () => {
    const planted = path.join(dir, 'elements', 'ACME2.md');
    fs.writeFileSync(planted, '---\nid: ACME2\ntitle: Planted\ntype: element\nsystem: first-line-management\ndiscipline: processes-procedures\n---\n\nSee FLM99.\n');
    const r = opmodel(dir, 'check');
    fs.rmSync(planted);
    assert(r.status === 1, `exit ${r.status}`);
    assert(r.stdout.startsWith('elements/ACME2.md:9:5 error unknown-id Unknown ID FLM99: no document defines it.'), r.all.slice(-2000));
  });
}

/** Commits the client folder, clones it, `npm ci` in the clone, and checks again there. */
function freshClone(label, dir) {
  must('git', ['init', '-q'], dir);
  // init wrote the .gitignore: node_modules and the built site stay out of the commit.
  must('git', ['add', '-A'], dir);
  must('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'commit', '-qm', 'client'], dir);
  const clone = `${dir}-clone`;
  must('git', ['clone', '-q', dir, clone], tmp);
  const ci = sh('npm', ['ci'], clone);
  check(`${label}, fresh clone: npm ci installs opmodel`, () => assert(ci.status === 0, ci.all.slice(-3000)));
  if (ci.status === 0) clientChecks(`${label}, fresh clone`, clone, false);
}

try {
  log(`working in ${tmp}`);
  const src = path.join(tmp, 'opmodel');
  must('git', ['clone', '-q', repo, src], tmp);
  log(`cloned ${repo} at ${must('git', ['rev-parse', '--short', 'HEAD'], src).stdout.trim()}`);

  // 1. The tarball, from a clean clone: npm ci runs prepare, npm pack runs prepack.
  must('npm', ['ci'], src);
  const pack = must('npm', ['pack', '--json', '--pack-destination', tmp], src);
  const packed = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')))[0];
  const tarball = path.join(tmp, packed.filename);
  check('npm pack: the package holds the CLI and action bundles, the action, framework, schemas, README, LICENSE, CHANGELOG only', () => {
    const files = packed.files.map((f) => f.path).sort();
    const outside = files.filter((f) => !/^(dist\/(cli|action)\.js|action\.yml|scripts\/action\/install\.sh|framework-docs\/.*|schemas\/[^/]+\.schema\.json|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/.test(f));
    assert(outside.length === 0, `unexpected files: ${outside.join(', ')}`);
    for (const f of ['dist/cli.js', 'framework-docs/opmodel.json', 'framework-docs/first-line-management/FLM3.md', 'schemas/opmodel.schema.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) assert(files.includes(f), `missing ${f}`);
  });

  const tgzClient = path.join(tmp, 'client-tgz');
  fs.mkdirSync(tgzClient);
  must('npm', ['init', '-y'], tgzClient);
  const tgzInstall = sh('npm', ['install', '-D', tarball], tgzClient);
  check('tarball: npm install -D <tarball> in a fresh client folder', () => assert(tgzInstall.status === 0, tgzInstall.all.slice(-3000)));
  if (tgzInstall.status === 0) {
    clientChecks('tarball', tgzClient, true);
    freshClone('tarball', tgzClient);
  }

  // 2. git+file: npm clones, installs the dev dependencies, runs prepare, packs. The approval
  //    in allowScripts is the README's documented step (npm 11 warns without it; strict mode refuses).
  const gitClient = path.join(tmp, 'client-git');
  fs.mkdirSync(gitClient);
  must('npm', ['init', '-y'], gitClient);
  const spec = `git+file://${src}`;
  must('npm', ['pkg', 'set', `allowScripts[${spec}]=true`, '--json'], gitClient);
  const gitInstall = sh('npm', ['install', '-D', '--strict-allow-scripts', spec], gitClient);
  check('git+file: npm install -D git+file://… runs prepare and installs a working CLI', () => {
    assert(gitInstall.status === 0, gitInstall.all.slice(-3000));
    assert(!/not yet covered by allowScripts/.test(gitInstall.all), `npm still asks for approval:\n${gitInstall.all}`);
  });
  if (gitInstall.status === 0) {
    clientChecks('git+file', gitClient, true);
    freshClone('git+file', gitClient);
  }
} catch (e) {
  failed++;
  log(`FAIL ${e.message}`);
} finally {
  if (keep) log(`kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`install: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
