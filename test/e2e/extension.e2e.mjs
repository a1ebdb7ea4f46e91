// End-to-end suite: the packaged .vsix in a real VS Code (code-server) driven by headless Chromium.
// Usage: npm run test:e2e [-- --update-screenshots]   (screenshots always land in .e2e/run/screenshots;
// with --update-screenshots the README ones are copied to docs/images/).
// Expectations (messages, references, titles) come from the engine through the built CLI, not from this file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureCodeServer, e2eHome, repoRoot, startCodeServer } from '../../scripts/e2e/codeServer.mjs';
import { browserEntryOnly, packageExtension } from '../../scripts/e2e/extensionPackage.mjs';
import { Workbench, launchBrowser, opmodelStates, recordOpmodelStates } from '../../scripts/e2e/workbench.mjs';

const updateScreenshots = process.argv.includes('--update-screenshots');
const runDir = path.join(e2eHome, 'run');
const shotsDir = path.join(runDir, 'screenshots');
const readmeShots = ['e2e-completion.png', 'e2e-hover.png', 'e2e-problems.png', 'e2e-tree.png', 'e2e-client-installed-tree.png', 'e2e-assessment.png'];
const t0 = Date.now();
const log = (m) => console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${m}`);

const results = [];
let page = null; // current page, for failure screenshots
let browsersRun = 0; // the loopback check means something only after a browser ran

async function check(name, fn) {
  const start = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    log(`PASS ${name} (${((Date.now() - start) / 1000).toFixed(1)}s)`);
  } catch (e) {
    results.push({ name, ok: false });
    log(`FAIL ${name}: ${e instanceof Error ? e.message.split('\n').slice(0, 6).join('\n    ') : e}`);
    if (page) await page.screenshot({ path: path.join(shotsDir, `failure-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

async function shot(name) {
  await page.screenshot({ path: path.join(shotsDir, name) });
}

/** Runs the built CLI on a folder and returns its parsed JSON output. */
function cli(...args) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), ...args], { encoding: 'utf8' });
  if (r.status === 2 || !r.stdout) throw new Error(`opmodel ${args.join(' ')} failed: ${r.stderr}`);
  return args.includes('json') ? JSON.parse(r.stdout) : r.stdout;
}

const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** How often code-server's Node extension host logged activating `extId`. */
function remoteActivations(state, extId) {
  const logs = path.join(state, 'user-data', 'logs');
  let n = 0;
  for (const f of fs.readdirSync(logs, { recursive: true })) {
    if (!String(f).endsWith('remoteexthost.log')) continue;
    const text = fs.readFileSync(path.join(logs, String(f)), 'utf8');
    n += text.split('\n').filter((l) => l.toLowerCase().includes(`_doactivateextension ${extId},`)).length;
  }
  return n;
}

/** A fresh copy of framework-docs/ outside the repository, plus a scratch note the suite edits. */
function copyDocs(label) {
  // Named framework-docs inside a temporary parent, so the window title reads as it would for a user.
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `opmodel-e2e-${label}-`)), 'framework-docs');
  fs.cpSync(path.join(repoRoot, 'framework-docs'), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'e2e-notes.md'), '# End-to-end notes\n\nScratch page for the editor checks.\nRead [the meetings element](first-line-management/FLM3.md).\n');
  fs.writeFileSync(path.join(dir, 'headings.md'), '# Alpha section\n\nSee [the section](#alpha-section) and FLM3.\n');
  fs.writeFileSync(path.join(dir, 'lists.md'), '---\ntitle: Completion in lists\nrelated: [FLM1]\n---\n\n# Lists\n\nProse.\n');
  return dir;
}


/**
 * From activation on, the status bar says that opmodel is reading the framework, the Framework
 * view shows progress instead of its "no framework" welcome, and once indexed the item counts
 * what `opmodel check` counts. The states are recorded as they appear (recordOpmodelStates).
 */
async function progressStateCheck(wb, ws, host) {
  await check(`${host}: indexing progress from activation, then the counts; never the "no framework" welcome`, async () => {
    // The view open as early as possible, so that it is on screen while the framework is read.
    const icon = wb.page.locator('.activitybar .action-item .action-label[aria-label^="opmodel"]').first();
    await icon.click();
    const report = cli('check', ws, '--format', 'json');
    const count = (x, one) => `${x.toLocaleString('en')} ${one}${x === 1 ? '' : 's'}`;
    const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = report.diagnostics.filter((d) => d.severity === 'warning').length;
    const expected = `opmodel: ${count(report.elements, 'element')} in ${count(report.files, 'file')}, ${count(errors, 'error')}, ${count(warnings, 'warning')}, indexed in `;
    await wb.page.waitForFunction((x) => window.__opmodelSeen?.status.at(-1)?.value.startsWith(x), expected, { timeout: 120_000 });
    const seen = await opmodelStates(wb.page);
    log(`  states: ${JSON.stringify(seen)}`);
    const busy = seen.status.filter((x) => /^opmodel: (Looking for opmodel frameworks|Reading [\d,]+ of [\d,]+ files)…$/.test(x.value));
    assert(busy.length > 0 && busy[0].at <= seen.status.find((x) => x.value.startsWith(expected)).at, `no progress in the status bar before the counts: ${JSON.stringify(seen.status)}`);
    assert(/indexed in \d+\.\d\d s$/.test(seen.status.at(-1).value), `the final status reads "${seen.status.at(-1).value}"`);
    const welcome = seen.welcome.filter((w) => /no opmodel framework/i.test(w.value));
    assert(welcome.length === 0, `the view said there is no framework: ${JSON.stringify(welcome)}`);
    const statusText = squash(await wb.page.locator('.statusbar-item-label[aria-label^="opmodel:"]').innerText());
    assert(statusText === report.elements.toLocaleString('en'), `the status bar item reads "${statusText}"`);
  });
}

/** The New Element wizard: a title and an exact "(n/N)" on every step, N following the highlighted choice. */
async function newElementWizardCheck(wb, ws) {
  await check('New Element: every step has the title and the right "(n/N)"', async () => {
    const cfg = JSON.parse(fs.readFileSync(path.join(ws, 'opmodel.json'), 'utf8'));
    const [om, flm] = cfg.systems;
    // The shape this walk assumes: a first system with a grouped family and a plain one, a second with one family.
    assert(JSON.stringify(om.families) === '["CORE","OM"]' && cfg.families.CORE.groups?.length > 1 && JSON.stringify(flm.families) === '["FLM"]',
      'framework-docs/opmodel.json no longer has the systems this check walks through');
    const title = wb.page.locator('.quick-input-widget .quick-input-title');
    const expectTitle = async (text) => {
      await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: text }).waitFor();
      assert(squash(await title.innerText()) === text, `the step reads "${squash(await title.innerText())}", expected "${text}"`);
    };
    const key = async (k, text) => {
      await wb.page.keyboard.press(k);
      await expectTitle(text);
    };
    await wb.command('opmodel: New Element', { opensInput: true });
    const seen = [];
    const step = async (k, text) => {
      await key(k, text);
      seen.push(text.replace('opmodel: New Element ', ''));
    };
    await expectTitle('opmodel: New Element (1/5)'); // Operational Management: discipline, family, CORE group, title
    await step('ArrowDown', 'opmodel: New Element (1/3)'); // First Line Management: discipline, title
    await step('ArrowUp', 'opmodel: New Element (1/5)');
    await step('Enter', 'opmodel: New Element (2/5)'); // discipline
    await step('Enter', 'opmodel: New Element (3/5)'); // family, CORE highlighted
    await step('ArrowDown', 'opmodel: New Element (3/4)'); // OM has no groups
    await step('ArrowUp', 'opmodel: New Element (3/5)');
    await step('Enter', 'opmodel: New Element (4/5)'); // group of CORE
    await step('Enter', 'opmodel: New Element (5/5)'); // title
    log(`  wizard steps: ${seen.join(' ')}`);
    await shot('e2e-new-element-title-step.png');
    await wb.page.keyboard.press('Escape');
    await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  });
}

/**
 * Completion keeps the framework's order where the user starts a list item (", " re-sorted it by
 * title), filters by ID prefix, finds an element by a word of its title on Ctrl+Space, and says
 * each thing once in its details. Expected IDs and titles come from `opmodel list`.
 */
async function completionChecks(wb, ws, host) {
  const suggest = wb.page.locator('.editor-widget.suggest-widget.visible');
  const rowIds = async () => (await suggest.locator('.monaco-list-row').allInnerTexts()).map((t) => squash(t).split(' ')[0]);
  const elements = cli('list', ws, '--format', 'json');
  await check(`${host}: completion after ", " and "OM1" in a relation list keeps the framework order`, async () => {
    await wb.openFile('lists.md', 'related: [FLM1]');
    await wb.clickWord('related: [FLM1]', 'FLM1');
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.press('ArrowLeft');
    await wb.page.keyboard.type(', ');
    await suggest.locator('.monaco-list-row').first().waitFor();
    const first = await rowIds();
    log(`  after ", ": ${first.slice(0, 8).join(' ')}`);
    const expected = elements.map((e) => e.id);
    assert(JSON.stringify(first.slice(0, 6)) === JSON.stringify(expected.slice(0, 6)), `after ", " the list starts ${first.slice(0, 6).join(' ')}, not ${expected.slice(0, 6).join(' ')}`);
    await wb.page.keyboard.type('OM1');
    const om1 = expected.filter((id) => id.startsWith('OM1'));
    await suggest.locator('.monaco-list-row').first().filter({ hasText: om1[0] }).waitFor();
    const typed = await rowIds();
    log(`  after ", OM1": ${typed.slice(0, 8).join(' ')}`);
    assert(JSON.stringify(typed.slice(0, om1.length)) === JSON.stringify(om1), `after "OM1" the list is ${typed.join(' ')}`);
    await wb.page.keyboard.press('Escape');
  });
  await check(`${host}: a word of a title then Ctrl+Space finds the element, details say each thing once`, async () => {
    const queue = elements.find((e) => /\bqueue\b/i.test(e.title));
    assert(queue, 'no element has "queue" in its title');
    await wb.caretToEnd();
    await wb.page.keyboard.type('\nWork the queue');
    await wb.page.keyboard.press('Control+Space');
    const row = suggest.locator('.monaco-list-row').first();
    await row.filter({ hasText: queue.id }).waitFor();
    assert(squash(await row.innerText()).startsWith(`${queue.id} ${queue.title}`), `the first row reads "${squash(await row.innerText())}"`);
    // The details: where it sits and the summary, no title twice.
    const details = wb.page.locator('.suggest-details-container .suggest-details');
    if (!(await details.isVisible())) await wb.page.keyboard.press('Control+Space');
    await details.waitFor();
    const text = squash(await details.innerText());
    log(`  details: ${JSON.stringify(text.slice(0, 160))}`);
    assert(!text.includes(queue.title), `the details repeat the title: ${text}`);
    assert(text.split('×').length === 2, `the details name the system × discipline other than once: ${text}`);
    await shot(`e2e-${host}-completion-title.png`);
    await wb.page.keyboard.press('Enter');
    await wb.line(`Work the ${queue.id}`).waitFor();
  });
  // lists.md was only typed in: back to what is on disk, so that no later step meets a save prompt.
  await wb.openFile('lists.md', 'related: [FLM1');
  if (await wb.page.locator('.tab.active.dirty').count()) await wb.command('File: Revert File');
  await wb.page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
}

/** Hover on an ID in front matter: one section, ours (a document link's tooltip made a second one). */
async function frontMatterHoverCheck(wb, ws, host) {
  await check(`${host}: hover on an ID in a relation list has one section`, async () => {
    const ee10 = cli('show', 'EE10', '--dir', ws, '--format', 'json');
    await wb.openFile('first-line-management/FLM3.md', 'related: [');
    // A document link's section is computed with the decorations, before ours: no need to wait for it.
    await wb.hover('related: [', 'EE10', ee10.title);
    const rows = (await wb.page.locator('.monaco-hover:not(.hidden) .hover-row').allInnerTexts()).map(squash);
    log(`  hover sections: ${JSON.stringify(rows.map((r) => r.slice(0, 60)))}`);
    assert(rows.length === 1 && rows[0].startsWith(`EE10 · ${ee10.title}`), `hover sections: ${JSON.stringify(rows)}`);
    await wb.page.mouse.move(0, 0);
  });
}

/**
 * A client repository that extends the framework (issue 11): its own element, a tailored element,
 * a scope, and notes that cite base IDs. `installed`: with node_modules/opmodel, as npm leaves it;
 * without, the extension must use the copy bundled with it (as on github.dev).
 */
function clientRepo(label, installed) {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `opmodel-e2e-${label}-`)), 'acme');
  const write = (rel, text) => { fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true }); fs.writeFileSync(path.join(dir, rel), text); };
  write('opmodel.json', JSON.stringify({ extends: 'opmodel', families: { ACME: { title: 'Acme practices' } }, systems: [{ key: 'first-line-management', families: ['FLM', 'ACME'] }], scope: { exclude: ['GOV2'] } }, null, 2));
  write('elements/ACME1.md', '---\nid: ACME1\ntitle: Shift Handover\ntype: element\nsystem: first-line-management\ndiscipline: processes-procedures\n---\n\n# ACME1 · Shift Handover\n\nRuns beside FLM1 every day.\n');
  write('elements/FLM3.md', '---\nid: FLM3\nsummary: "Acme runs a huddle at 08:30 and a review each month."\n---\n\n# FLM3 at Acme\n');
  write('notes.md', '# Acme notes\n\nWe adopt FLM1 and tailor FLM3.\n');
  if (installed) {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    write('node_modules/opmodel/package.json', JSON.stringify({ name: 'opmodel', version: pkg.version, opmodel: pkg.opmodel }, null, 2));
    fs.cpSync(path.join(repoRoot, 'framework-docs'), path.join(dir, 'node_modules/opmodel/framework-docs'), { recursive: true });
  }
  return dir;
}

/** The text of the "opmodel" output channel, once it contains `expect`. */
async function outputChannel(expect) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill('>Output: Show Output Channels');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Output Channels' }).first().waitFor();
  await page.keyboard.press('Enter');
  // A second pick: the channels.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'opmodel' }).first().waitFor();
  await input.fill('opmodel');
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'opmodel' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  // Long lines wrap over several view lines: read the channel as one text.
  const lines = page.locator('.part.panel .view-lines').first();
  await lines.waitFor();
  const deadline = Date.now() + 60_000;
  for (;;) {
    const text = squash(await lines.innerText());
    // Wrapping may break a line anywhere, a path included: compare without whitespace.
    if (text.replace(/\s+/g, '').includes(expect.replace(/\s+/g, ''))) return text;
    if (Date.now() > deadline) throw new Error(`the opmodel channel does not say "${expect}": ${text.slice(0, 400)}`);
    await page.waitForTimeout(250);
  }
}

/**
 * Expands `child` under the tree row `parent` (rows are flat in the DOM: levels and indexes say who
 * is under whom). The tree may re-render while the extension finishes indexing: read and retry.
 */
async function expandUnder(tree, parent, child) {
  for (let attempt = 0; ; attempt++) {
    const rows = await tree.locator('.monaco-list-row').evaluateAll((els) => els.map((e) => ({
      index: Number(e.getAttribute('data-index')), level: Number(e.getAttribute('aria-level')),
      expanded: e.getAttribute('aria-expanded'), text: e.textContent ?? '' })).sort((a, b) => a.index - b.index));
    const p = rows.find((r) => r.text.startsWith(parent));
    const after = p ? rows.slice(rows.indexOf(p) + 1) : [];
    const end = after.findIndex((r) => r.level <= p.level);
    const c = (end < 0 ? after : after.slice(0, end)).find((r) => r.level === p.level + 1 && r.text.startsWith(child));
    if (c?.expanded === 'true') return;
    if (attempt >= 8) throw new Error(`could not expand "${child}" under "${parent}"`);
    if (c) await tree.locator(`.monaco-list-row[data-index="${c.index}"]`).click();
    await tree.locator('.monaco-list-row', { hasText: child }).and(tree.locator('[aria-expanded="true"]')).first().waitFor({ timeout: 3_000 }).catch(() => {});
  }
}

/** The checks of a client repository, in either extension host. `where`: "installed" or "bundled". */
async function clientChecks(wb, client, where) {
  const prefix = `client repository (${where} framework)`;
  const flm1 = cli('show', 'FLM1', '--dir', client, '--format', 'json');
  const flm3 = cli('show', 'FLM3', '--dir', client, '--format', 'json');
  // The tree first: its rows appear once the extension has indexed the client and its framework.
  await check(`${prefix}: the tree shows framework, tailored and client elements`, async () => {
    await page.locator('.activitybar .action-item .action-label[aria-label^="opmodel"]').first().click();
    const tree = page.locator('.pane-body .monaco-list').filter({ hasText: 'First Line Management' }).first();
    await tree.locator('.monaco-list-row', { hasText: 'First Line Management' }).first().waitFor({ timeout: 120_000 });
    await expandUnder(tree, 'First Line Management', 'Organization & Management');
    await expandUnder(tree, 'First Line Management', 'Processes & Procedures');
    await tree.locator('.monaco-list-row', { hasText: `FLM1 · ${flm1.title}` }).first().waitFor();
    // The rows of the second expanded cell render a moment after the first's.
    await tree.locator('.monaco-list-row', { hasText: 'ACME1 · Shift Handover' }).first().waitFor({ timeout: 15_000 }).catch(() => {});
    const rows = (await tree.locator('.monaco-list-row').allInnerTexts()).map(squash);
    log(`  tree rows: ${JSON.stringify(rows.filter((r) => /^(FLM|ACME)\d/.test(r)))}`);
    assert(rows.some((r) => r.startsWith(`FLM1 · ${flm1.title}`) && r.endsWith('framework')), 'FLM1 is not marked "framework"');
    assert(rows.some((r) => r.startsWith(`FLM3 · ${flm3.title}`) && r.endsWith('tailored')), 'FLM3 is not marked "tailored"');
    assert(rows.some((r) => r === 'ACME1 · Shift Handover'), 'the client element ACME1 is not in the tree');
    // Wider, so that the screenshot shows the markers after the titles.
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar) {
      await page.mouse.move(sidebar.x + sidebar.width + 1, sidebar.y + 200);
      await page.mouse.down();
      await page.mouse.move(sidebar.x + sidebar.width + 260, sidebar.y + 200, { steps: 8 });
      await page.mouse.up();
    }
    await shot(`e2e-client-${where}-tree.png`);
  });
  await wb.openFile('notes.md', 'We adopt');
  await check(`${prefix}: hover on a base ID shows its title and where it comes from`, async () => {
    const text = squash(await wb.hover('We adopt', 'FLM1', flm1.title));
    log(`  hover: ${JSON.stringify(text.slice(0, 220))}`);
    assert(text.includes(`From the opmodel ${flm1.framework.version} framework (read-only)`), 'the hover does not say the element comes from the framework');
    await page.mouse.move(0, 0);
  });
  await check(`${prefix}: a tailored element's hover shows the client's summary`, async () => {
    assert(flm3.tailored && flm3.summary.startsWith('Acme runs a huddle'), `the CLI does not see FLM3 as tailored: ${JSON.stringify(flm3)}`);
    const text = squash(await wb.hover('We adopt', 'FLM3', flm3.summary));
    assert(text.includes(flm3.title) && text.includes('Tailored for this client'), `hover: ${text}`);
    await shot(`e2e-client-${where}-tailored-hover.png`);
    await page.mouse.move(0, 0);
  });
  await check(`${prefix}: definition opens the base file, read-only`, async () => {
    await page.keyboard.press('Escape');
    await wb.clickWord('We adopt', 'FLM1');
    await page.keyboard.press('F12');
    const tab = page.locator('.tab.active', { hasText: 'FLM1.md' });
    await tab.waitFor();
    // The definition: the `id:` line of the framework's file.
    await wb.line('id: FLM1').waitFor();
    await wb.line(`title: ${flm1.title}`).waitFor();
    // Typing into it changes nothing, and VS Code says why: the file system behind it is read-only.
    await wb.clickWord('id: FLM1', 'FLM1');
    await page.keyboard.type('zz');
    await page.locator('.monaco-editor-overlaymessage', { hasText: 'the file system of the file is read-only' }).first().waitFor();
    assert(squash(await wb.line('id: FLM1').innerText()) === 'id: FLM1', 'the base file took the typed text');
    assert(!(await page.locator('.tab.active.dirty').count()), 'the base file is dirty');
    await shot(`e2e-client-${where}-definition.png`);
  });
  await check(`${prefix}: the output channel says which copy of the framework, and its version`, async () => {
    const expected = where === 'installed' ? `extends opmodel ${flm1.framework.version}: the copy at node_modules/opmodel/framework-docs` : `using the copy bundled with the extension (opmodel ${flm1.framework.version})`;
    const text = await outputChannel(expected);
    log(`  output: ${JSON.stringify(text.slice(0, 240))}`);
  });
}

/** An element that depends on FLM3, so that the code lens has a dependent to count. */
function addDependent(ws) {
  fs.writeFileSync(path.join(ws, 'people-management', 'EE90.md'), '---\nid: EE90\ntitle: End-to-end dependent\ntype: element\n'
    + 'system: people-management\ndiscipline: mindsets-behaviours\ndepends_on: [FLM3]\n---\n\n# EE90 · End-to-end dependent\n\nRelies on FLM3.\n');
}

/** The code lens text for FLM3 as the engine counts it, through the CLI. */
function expectedLens(ws) {
  const show = cli('show', 'FLM3', '--dir', ws, '--format', 'json');
  const n = show.references.length;
  const m = show.dependents.length;
  if (m === 0) throw new Error('the CLI counts no dependents of FLM3, so the code lens check proves nothing');
  return { n, m, text: `${n} reference${n === 1 ? '' : 's'} · ${m} depend${m === 1 ? 's' : ''} on this` };
}

/** The code lens above a line of the active editor, by its text (spaces may render as no-break spaces). */
function lensLocator(text) {
  return page.locator('.editor-instance .codelens-decoration').filter({ hasText: new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s')) }).first();
}

/**
 * A refused rename must change nothing. VS Code hands a rename that one provider refused to the
 * next one; inside "[...]" that is the Markdown provider, which renamed the whole relation list
 * as a link reference. F2 on an ID in a relation list, with a name the engine refuses: the
 * editor line and the file on disk stay as they were, and the reason is shown alone.
 */
async function refusedRenameChecks(wb, ws, host) {
  const rel = 'first-line-management/FLM3.md';
  const file = path.join(ws, rel);
  const relLine = fs.readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith('related: ['));
  const cases = [
    ['FLM7', 'FLM7 already exists'], // defined elsewhere
    ['FLM09', '"FLM09" is not written canonically: use FLM9.'], // malformed
  ];
  for (const [newName, reason] of cases) {
    await check(`${host}: a refused rename (FLM5 → ${newName}) in a relation list changes nothing and says why`, async () => {
      assert(relLine?.includes('FLM5'), `the copy has no relation line with FLM5: ${relLine}`);
      await wb.openFile(rel, 'related: [');
      const before = fs.readFileSync(file);
      try {
        await wb.rename('related: [', 'FLM5', newName);
        // Whichever comes first: our message, or the list replaced (the data loss this guards against).
        const message = wb.notification(reason);
        await Promise.race([message.waitFor(), wb.line('related: [').filter({ hasNotText: 'FLM5' }).waitFor()]);
        const shown = squash(await wb.line('related: [').innerText());
        assert(shown === squash(relLine), `the relation line became "${shown}"`);
        const text = squash(await message.innerText());
        log(`  refusal: ${JSON.stringify(text)}`);
        assert(!text.includes('No result'), `the refusal reads "${text}"`);
        assert(!(await wb.page.locator('.tab.active.dirty').count()), `${rel} has unsaved changes`);
        assert(Buffer.compare(before, fs.readFileSync(file)) === 0, `${rel} changed on disk`);
        await shot(`e2e-${host}-rename-refused-${newName}.png`);
        await wb.command('Notifications: Clear All Notifications');
        await message.waitFor({ state: 'detached' });
      } finally {
        // After a failure, put the file back so that the next check starts from the same text.
        if (Buffer.compare(before, fs.readFileSync(file)) !== 0) {
          await shot(`failure-${host}-rename-${newName}-changed.png`);
          fs.writeFileSync(file, before);
          await wb.command('File: Revert File');
          await wb.line('related: [').filter({ hasText: 'FLM5' }).waitFor();
        }
      }
    });
  }
}

/**
 * IDs in the Markdown preview are links that open the definition. VS Code's preview follows a
 * link's data-href itself only when it has no scheme; an absolute file URI went to the browser.
 * `opensIn`: "preview" (the default markdown.preview.openMarkdownLinks) or "editor" (inEditor).
 */
async function previewLinkCheck(wb, ws, host, opensIn) {
  await check(`${host}: an ID in the Markdown preview opens its definition (${opensIn})`, async () => {
    const ee10 = cli('show', 'EE10', '--dir', ws, '--format', 'json');
    // A workspace setting written just before may reach the Markdown extension late on a loaded
    // machine: until it does, the click opens the preview. Then the check starts again.
    const deadline = Date.now() + 60_000;
    for (let attempt = 1; ; attempt++) {
      await wb.openFile('first-line-management/FLM3.md', 'related: [');
      await wb.command('Markdown: Open Preview');
      try {
        const preview = wb.page.locator('iframe.webview').last().contentFrame().locator('iframe#active-frame').contentFrame();
        const link = preview.locator('a.opmodel-id', { hasText: 'EE10' }).first();
        await link.waitFor({ timeout: 60_000 }); // linked once the framework is indexed and the preview refreshed
        const href = await link.getAttribute('data-href');
        log(`  preview link: data-href=${JSON.stringify(href)} title=${JSON.stringify(await link.getAttribute('title'))}`);
        assert(href === '../people-management/EE10.md', `the EE10 link's data-href is ${href}`);
        await link.click();
        const inPreview = preview.locator('h1', { hasText: `EE10 · ${ee10.title}` });
        if (opensIn === 'preview') {
          await inPreview.waitFor();
        } else {
          // The editor's tab reads "EE10.md"; the preview's would read "Preview EE10.md".
          const inEditor = wb.page.locator('.tab.active .label-name', { hasText: /^EE10\.md$/ });
          while (!(await inEditor.isVisible()) && !(await inPreview.isVisible())) {
            assert(Date.now() < deadline, 'the click opened neither EE10.md nor its preview');
            await new Promise((r) => setTimeout(r, 200));
          }
          if (!(await inEditor.isVisible())) {
            assert(Date.now() < deadline, 'the link still opens in the preview although markdown.preview.openMarkdownLinks is "inEditor"');
            log(`  attempt ${attempt}: opened in the preview, the setting has not arrived yet`);
            continue;
          }
          await wb.line(`id: EE10`).waitFor();
        }
        await shot(`e2e-${host}-preview-link-${opensIn}.png`);
        return;
      } catch (e) {
        await shot(`failure-${host}-preview-link-${opensIn}-before-close.png`); // what the click did
        throw e;
      } finally {
        await wb.command('View: Close All Editors');
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------------
// Phase 1: the extension as installed from the .vsix (Node extension host, like desktop VS Code).
async function nodePhase(vsix, extId, offLoopbackAll) {
  const ws = copyDocs('node');
  let client = null;
  addDependent(ws);
  // A file opmodel does not index (git ignores it), named as FLM5's file would be after FLM5 → FLM9.
  const ignoredText = '# Scratch\n\nNot part of the framework; git ignores it.\n';
  fs.writeFileSync(path.join(ws, '.gitignore'), 'first-line-management/FLM9.md\n');
  fs.writeFileSync(path.join(ws, 'first-line-management', 'FLM9.md'), ignoredText);
  const server = await startCodeServer({ state: path.join(runDir, 'state-node'), vsix: [vsix] });
  log(`code-server pid ${server.pid} on ${server.url}, workspace ${ws}`);
  let browser = null;
  try {
    browser = await launchBrowser(path.join(runDir, 'profile-node'));
    browsersRun++;
    page = browser.page;
    await recordOpmodelStates(page);
    const wb = new Workbench(page);
    await wb.open(server.url, ws);
    log('workbench loaded');
    await progressStateCheck(wb, ws, 'node');
    const show3 = cli('show', 'FLM3', '--dir', ws, '--format', 'json');

    const matrixMd = cli('matrix', ws, '--format', 'markdown');
    const header = matrixMd.split('\n')[0].split('|').map((s) => s.trim()).filter(Boolean);
    const disciplines = header.slice(1);
    const tableRows = matrixMd.split('\n').slice(2).filter((l) => l.startsWith('|')).map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
    const systems = tableRows.map((r) => r[0]);
    // The cell of FLM3: its system row and discipline column.
    const flRow = tableRows.find((r) => r.some((c) => c.split(', ').includes('FLM3')));
    const flSystem = flRow[0], flDiscipline = header[flRow.findIndex((c) => c.split(', ').includes('FLM3'))];
    await check('the Framework tree shows systems × disciplines with element labels', async () => {
      // The activity-bar container is titled "opmodel"; its view is "Framework".
      const icon = page.locator('.activitybar .action-item .action-label[aria-label^="opmodel"]').first();
      if ((await icon.getAttribute('aria-expanded')) !== 'true' && !(await page.locator('.activitybar .action-item.checked .action-label[aria-label^="opmodel"]').count())) await icon.click();
      const tree = page.locator('.pane-body .monaco-list').filter({ hasText: systems[0] }).first();
      const row = (label) => tree.locator('.monaco-list-row', { hasText: label }).first();
      await row(systems[0]).waitFor({ timeout: 120_000 }); // the first wait also covers indexing the workspace
      for (const s of systems) await row(s).waitFor();
      // Rows are flat in the DOM: find the discipline row that sits under the system row by data-index.
      const rowsNow = () => tree.locator('.monaco-list-row').evaluateAll((els) => els.map((e) => ({
        index: Number(e.getAttribute('data-index')), level: Number(e.getAttribute('aria-level')),
        expanded: e.getAttribute('aria-expanded'), text: e.textContent ?? '' })).sort((a, b) => a.index - b.index));
      const childOf = async (parent, childText) => {
        const rows = await rowsNow();
        const at = rows.findIndex((r) => r.index === parent.index);
        for (const r of rows.slice(at + 1)) {
          if (r.level <= parent.level) break;
          if (r.level === parent.level + 1 && r.text.includes(childText)) return r;
        }
        throw new Error(`no "${childText}" under "${parent.text}"`);
      };
      const expand = async (r) => {
        if (r.expanded !== 'true') await tree.locator(`.monaco-list-row[data-index="${r.index}"]`).click();
        await tree.locator(`.monaco-list-row[data-index="${r.index}"][aria-expanded="true"]`).waitFor();
      };
      const sysRow = (await rowsNow()).find((r) => r.text.includes(flSystem));
      await expand(sysRow);
      for (const d of disciplines) await childOf(sysRow, d);
      const discRow = await childOf(sysRow, flDiscipline);
      await expand(discRow);
      await tree.locator(`.monaco-list-row[aria-level="${discRow.level + 1}"]`, { hasText: `FLM3 · ${show3.title}` }).waitFor();
      const el = await childOf(discRow, `FLM3 · ${show3.title}`);
      // The newest assessment's scores beside each element: "2 → 3", or one level when at target.
      const newest = cli('assess', '--dir', ws, '--format', 'json')[0];
      const scored = newest.elements.filter((e) => e.system === 'first-line-management' && e.discipline === 'organization-management');
      assert(scored.some((e) => e.gap > 0), 'no element of the cell has a gap in the newest assessment');
      for (const e of scored) {
        const badge = e.target !== null && e.target !== e.current ? `${e.current} → ${e.target}` : String(e.current);
        const r = tree.locator('.monaco-list-row', { hasText: `${e.id} · ${e.title}` }).first();
        await r.locator('.label-description', { hasText: badge }).waitFor();
        log(`  tree badge ${e.id}: ${squash(await r.innerText())}`);
      }
      log(`  tree rows: ${JSON.stringify((await tree.locator('.monaco-list-row').allInnerTexts()).map(squash).slice(0, 14))}`);
      // A click on an element opens its definition.
      await tree.locator(`.monaco-list-row[data-index="${el.index}"]`).click();
      await page.locator('.tab.active', { hasText: 'FLM3.md' }).waitFor();
      // The definition opens at the top of the file: its id line (the heading may sit below the fold
      // after a long front matter).
      await wb.line('id: FLM3').waitFor();
      await shot('e2e-tree.png');
    });

    await check('code lens on the id: line counts references and dependents; a click peeks the references; a setting turns it off', async () => {
      // FLM3.md is open from the tree.
      const want = expectedLens(ws);
      const lens = lensLocator(want.text);
      await lens.waitFor();
      log(`  code lens: ${JSON.stringify(squash(await lens.innerText()))}`);
      // It sits right above the id: line.
      const lensBox = await lens.boundingBox();
      const idBox = await wb.line('id: FLM3').boundingBox();
      assert(lensBox && idBox && idBox.y > lensBox.y && idBox.y - lensBox.y < 2 * idBox.height + 4, 'the code lens is not directly above the id: line');
      await shot('e2e-codelens.png');
      await lens.locator('a').first().click();
      const peek = page.locator('.peekview-widget').first();
      await peek.waitFor();
      // VS Code titles the peek "Locations (N)": N must be the count the lens showed.
      await page.waitForFunction((n) => [...document.querySelectorAll('.peekview-widget .peekview-title')].some((e) => e.textContent.includes(`(${n})`)), want.n);
      log(`  peek: ${JSON.stringify(squash(await peek.locator('.peekview-title').innerText()))}`);
      await shot('e2e-codelens-peek.png');
      await page.keyboard.press('Escape');
      await peek.waitFor({ state: 'detached' });
      // Off and on again through the workspace settings.
      const settingsDir = path.join(ws, '.vscode');
      fs.mkdirSync(settingsDir, { recursive: true });
      fs.writeFileSync(path.join(settingsDir, 'settings.json'), '{ "opmodel.codeLens": false }\n');
      await lens.waitFor({ state: 'detached' });
      fs.rmSync(settingsDir, { recursive: true, force: true });
      await lensLocator(want.text).waitFor();
    });

    await wb.openFile('e2e-notes.md', 'Scratch page');

    await check('completion offers FLM ids with their titles', async () => {
      await wb.caretToEnd();
      await page.keyboard.type('\nSee FL');
      await page.keyboard.press('Control+Space');
      const suggest = page.locator('.editor-widget.suggest-widget.visible');
      const row = suggest.locator('.monaco-list-row', { hasText: 'FLM3' }).first();
      await row.waitFor();
      const rows = await suggest.locator('.monaco-list-row').allInnerTexts();
      log(`  suggest rows: ${JSON.stringify(rows.slice(0, 8).map(squash))}`);
      assert(squash(await row.innerText()).includes(show3.title), `the FLM3 row does not show "${show3.title}"`);
      // Every FLM element the engine lists is offered, each with its own title.
      const flm = cli('list', ws, '--format', 'json').filter((e) => /^FLM\d+$/.test(e.id));
      for (const e of flm) assert(rows.map(squash).some((r) => r.startsWith(`${e.id} `) && r.includes(e.title)), `no row "${e.id} ${e.title}"`);
      const others = rows.map(squash).filter((r) => /^(?!FLM)[A-Z]+-?[A-Z]?\d+\b/.test(r));
      assert(others.length === 0, `IDs of other families are offered after "FL": ${others.join(', ')}`);
      await shot('e2e-completion.png');
      await page.keyboard.type('M3');
      await suggest.locator('.monaco-list-row.focused', { hasText: 'FLM3' }).waitFor();
      await page.keyboard.press('Enter');
      await wb.line('See FLM3').waitFor();
      assert(squash(await wb.line('See FLM').innerText()) === 'See FLM3', 'accepting FLM3 did not give "See FLM3"');
    });

    await check('hover on an ID shows its title, summary, crosswalk, accountable role, measures and Related from', async () => {
      const text = squash(await wb.hover('See FLM3', 'FLM3', show3.title));
      log(`  hover: ${JSON.stringify(text.slice(0, 300))}`);
      assert(text.includes(show3.summary.slice(0, 60)), 'the hover lacks the summary');
      // The engine's own answers, through the CLI: the accountable role's title and the measures.
      const raci = cli('matrix', ws, '--raci', '--format', 'json');
      const row = raci.rows.find((r) => r.id === 'FLM3');
      const role = raci.roles.find((r) => row.cells[r.key]?.includes('A'));
      assert(text.includes(`Accountable: ${role.title}`), `the hover lacks "Accountable: ${role.title}"`);
      const fm = fs.readFileSync(path.join(ws, 'first-line-management', 'FLM3.md'), 'utf8');
      const firstMeasure = /^ {2}- name: (.+)$/m.exec(fm)[1];
      assert(text.includes(firstMeasure), `the hover lacks the measure "${firstMeasure}"`);
      // CORE-B1 names FLM3 as related; FLM3 does not name it back.
      assert(/Related from: (?:[A-Z0-9-]+, )*CORE-B1\b/.test(text), 'the hover lacks "Related from: ... CORE-B1"');
      // The crosswalk, as `opmodel show` reports it.
      assert(text.includes(`ITIL 4: ${show3.crosswalk.itil4.join(', ')}`), `the hover lacks the ITIL 4 crosswalk ${JSON.stringify(show3.crosswalk)}`);
      await shot('e2e-hover.png');
      await page.mouse.move(0, 0);
    });

    await check('hover on a glossary term in prose shows its definition', async () => {
      const glossary = fs.readFileSync(path.join(ws, 'glossary.md'), 'utf8').split('\n');
      const definition = glossary[glossary.indexOf('### Hypercare') + 1];
      await wb.caretToEnd();
      await page.keyboard.type('\nThe tower stays in hypercare until exit.');
      await wb.line('stays in hypercare').waitFor();
      const text = squash(await wb.hover('stays in hypercare', 'hypercare', 'Where it matters'));
      log(`  glossary hover: ${JSON.stringify(text.slice(0, 160))}`);
      assert(text.includes(definition.slice(0, 50)), `the hover lacks the definition "${definition}"`);
      await shot('e2e-glossary-hover.png');
      await page.mouse.move(0, 0);
    });

    const dupFile = path.join(ws, 'first-line-management', 'FLM3-duplicate.md');
    await check('unknown and duplicate IDs are listed in Problems with the engine messages', async () => {
      await page.keyboard.press('Escape');
      await wb.caretToEnd();
      await page.keyboard.type('\nAlso FLM99.');
      await wb.showProblems();
      await wb.problem('FLM99').waitFor();
      fs.writeFileSync(dupFile, '---\nid: FLM3\ntitle: Meetings Management (second copy)\ntype: element\n'
        + 'system: first-line-management\ndiscipline: organization-management\n---\n\n# A second FLM3\n');
      await wb.problem('Duplicate ID FLM3').waitFor();
      await page.keyboard.press('Control+S');
      await page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
      // What the engine says about the same files on disk.
      const expected = cli('check', ws, '--format', 'json').diagnostics.filter((d) => ['unknown-id', 'duplicate-id'].includes(d.code));
      assert(expected.length === 3, `the CLI reports ${expected.length} unknown/duplicate problems, expected 3`);
      const shown = await wb.problemTexts();
      log(`  problems: ${JSON.stringify(shown)}`);
      for (const d of expected) assert(shown.some((t) => t.includes(d.message) && t.includes(`[Ln ${d.line}, Col ${d.column}]`)),
        `Problems lacks "${d.message}" at ${d.line}:${d.column}`);
      await shot('e2e-problems.png');
    });

    await check('problems clear when the text is fixed and the duplicate deleted', async () => {
      await wb.clickWord('Also FLM99.', 'FLM99');
      await page.keyboard.press('End');
      await page.keyboard.press('Shift+Home');
      await page.keyboard.type('Also FLM7.');
      await wb.line('Also FLM7.').waitFor();
      await wb.problem('FLM99').waitFor({ state: 'detached' });
      fs.rmSync(dupFile);
      await wb.problem('Duplicate ID').waitFor({ state: 'detached' });
      await page.keyboard.press('Control+S');
      await page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
    });

    await refusedRenameChecks(wb, ws, 'node');
    await completionChecks(wb, ws, 'node');
    await frontMatterHoverCheck(wb, ws, 'node');
    await newElementWizardCheck(wb, ws);
    await previewLinkCheck(wb, ws, 'node', 'preview');
    fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'markdown.preview.openMarkdownLinks': 'inEditor' }));
    await previewLinkCheck(wb, ws, 'node', 'editor');

    await check('rename (F2) of a heading is still the Markdown extension\'s, links to it follow', async () => {
      const file = path.join(ws, 'headings.md'); // written by copyDocs: Quick Open lists files known at start
      await wb.openFile('headings.md', 'Alpha section');
      await wb.rename('# Alpha section', 'Alpha', 'Beta section');
      await wb.line('[the section](#beta-section)').waitFor();
      const deadline = Date.now() + 20_000;
      while (!fs.readFileSync(file, 'utf8').includes('#beta-section') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      assert(fs.readFileSync(file, 'utf8') === '# Beta section\n\nSee [the section](#beta-section) and FLM3.\n', `headings.md reads ${JSON.stringify(fs.readFileSync(file, 'utf8'))}`);
    });

    const notesFile = path.join(ws, 'e2e-notes.md');
    const flm3File = path.join(ws, 'first-line-management', 'FLM3.md');
    const flm8File = path.join(ws, 'first-line-management', 'FLM8.md');
    const beforeRename = cli('show', 'FLM3', '--dir', ws, '--format', 'json');
    await check('rename (F2) of an ID updates the references in other files, renames its file and the links to it', async () => {
      const before = cli('show', 'FLM3', '--dir', ws, '--format', 'json');
      assert(cli('show', 'FLM8', '--dir', ws, '--format', 'json').defined === false, 'FLM8 is already defined in the copy');
      await wb.openFile('e2e-notes.md', 'See FLM3');
      await wb.clickWord('See FLM3', 'FLM3');
      await page.keyboard.press('F2');
      const input = page.locator('.rename-box input, .rename-box .rename-input').first();
      await input.waitFor();
      await input.fill('FLM8');
      await page.keyboard.press('Enter');
      await wb.line('See FLM8').waitFor();
      await wb.command('File: Save All Files');
      // The refactoring saves the other files; wait until the disk agrees.
      const deadline = Date.now() + 20_000;
      let after = cli('show', 'FLM8', '--dir', ws, '--format', 'json');
      while ((!after.defined || after.references.length < before.references.length) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        after = cli('show', 'FLM8', '--dir', ws, '--format', 'json');
      }
      const key = (r) => `${r.file.replace(/FLM3/g, 'FLM8')}:${r.line}:${r.column}`;
      const otherFiles = new Set(before.references.map((r) => r.file).filter((f) => !f.endsWith('e2e-notes.md')));
      log(`  FLM3 had ${before.references.length} references in ${otherFiles.size} other files; FLM8 now has ${after.references.length}`);
      assert(otherFiles.size > 0, 'FLM3 is referenced in no other file, so the rename proves nothing');
      assert(after.defined, 'FLM8 is not defined on disk after the rename');
      assert(JSON.stringify(after.references.map(key).sort()) === JSON.stringify(before.references.map(key).sort()),
        'the references of FLM8 on disk are not exactly those FLM3 had');
      const old = cli('show', 'FLM3', '--dir', ws, '--format', 'json');
      assert(!old.defined && old.references.length === 0, 'FLM3 is still defined or referenced on disk');
      // Infos are not problems: the fixture element EE90 is, rightly, not scored by the shipped assessments.
      const problems = cli('check', ws, '--format', 'json').diagnostics.filter((d) => d.severity !== 'info');
      assert(problems.length === 0, `the renamed copy has problems: ${JSON.stringify(problems.slice(0, 3))}`);
      // The file was named after the ID: it follows, and so does the link to it.
      assert(!fs.existsSync(flm3File) && fs.existsSync(flm8File), 'first-line-management/FLM3.md was not renamed to FLM8.md');
      assert(after.definitions[0].file.endsWith('first-line-management/FLM8.md'), `FLM8 is defined in ${after.definitions[0].file}`);
      assert(fs.readFileSync(notesFile, 'utf8').includes('[the meetings element](first-line-management/FLM8.md)'), 'the link in e2e-notes.md still points at FLM3.md');
    });

    await check('the extension ran in the Node extension host', async () => {
      assert(remoteActivations(server.state, extId) > 0, 'remoteexthost.log has no activation of the extension');
    });

    await check('the Framework tree refreshes after the rename', async () => {
      await page.locator('.pane-body .monaco-list-row', { hasText: `FLM8 · ${show3.title}` }).first().waitFor();
    });

    await check('one undo takes the whole rename back: the text in every file, the file name and the link', async () => {
      await wb.openFile('e2e-notes.md', 'See FLM8');
      await wb.undoEverywhere('See FLM3');
      await wb.command('File: Save All Files');
      const deadline = Date.now() + 20_000;
      let back = cli('show', 'FLM3', '--dir', ws, '--format', 'json');
      while ((!back.defined || back.references.length < beforeRename.references.length) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        back = cli('show', 'FLM3', '--dir', ws, '--format', 'json');
      }
      const key = (r) => `${r.file}:${r.line}:${r.column}`;
      assert(fs.existsSync(flm3File) && !fs.existsSync(flm8File), 'FLM8.md was not renamed back to FLM3.md');
      assert(JSON.stringify(back.references.map(key).sort()) === JSON.stringify(beforeRename.references.map(key).sort()), 'the references of FLM3 are not back');
      assert(fs.readFileSync(notesFile, 'utf8').includes('[the meetings element](first-line-management/FLM3.md)'), 'the link is not back');
      assert(cli('check', ws, '--format', 'json').diagnostics.filter((d) => d.severity !== 'info').length === 0, 'the copy has problems after the undo');
    });

    await check('rename (F2) of an ID whose new file name is an ignored file: the ID is renamed, the file keeps its name, the other file its text', async () => {
      const flm5File = path.join(ws, 'first-line-management', 'FLM5.md');
      const ignoredFile = path.join(ws, 'first-line-management', 'FLM9.md');
      const before5 = fs.readFileSync(flm5File, 'utf8');
      const refs5 = cli('show', 'FLM5', '--dir', ws, '--format', 'json').references.length;
      assert(cli('show', 'FLM9', '--dir', ws, '--format', 'json').defined === false, 'FLM9 is defined in the copy');
      await wb.openFile('first-line-management/FLM5.md', 'id: FLM5');
      await wb.rename('id: FLM5', 'FLM5', 'FLM9');
      await page.locator('.notifications-toasts', { hasText: 'The file keeps its name: FLM9.md already exists beside it.' }).first().waitFor();
      await wb.command('File: Save All Files');
      const deadline = Date.now() + 20_000;
      let after = cli('show', 'FLM9', '--dir', ws, '--format', 'json');
      while (!after.defined && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        after = cli('show', 'FLM9', '--dir', ws, '--format', 'json');
      }
      assert(after.defined && after.definitions[0].file.endsWith('first-line-management/FLM5.md'), `FLM9 is defined in ${JSON.stringify(after.definitions)}`);
      assert(fs.readFileSync(ignoredFile, 'utf8') === ignoredText, 'the ignored FLM9.md was changed');
      assert(fs.readFileSync(flm5File, 'utf8') === before5.replace(/\bFLM5\b/g, 'FLM9'), 'FLM5.md holds more than the renamed ID');
      // Back as it was, for the checks that follow.
      await page.keyboard.press('Escape');
      await wb.undoEverywhere('id: FLM5');
      await wb.command('File: Save All Files');
      const back = Date.now() + 20_000;
      while (fs.readFileSync(flm5File, 'utf8') !== before5 && Date.now() < back) await new Promise((r) => setTimeout(r, 250));
      assert(fs.readFileSync(flm5File, 'utf8') === before5, 'FLM5.md is not back after the undo');
      let back5 = cli('show', 'FLM5', '--dir', ws, '--format', 'json');
      while (back5.references.length !== refs5 && Date.now() < back) {
        await new Promise((r) => setTimeout(r, 250));
        back5 = cli('show', 'FLM5', '--dir', ws, '--format', 'json');
      }
      assert(back5.references.length === refs5, `FLM5 has ${back5.references.length} references after the undo, not ${refs5}`);
    });

    // Assessment files: a new one, older than the shipped rounds so that the tree keeps their scores.
    const reviewRel = 'assessments/e2e-review.yaml';
    fs.writeFileSync(path.join(ws, reviewRel), '# opmodel-disable-file unassessed-element\nclient: E2E\ndate: 2026-01-05\nelements:\n  FLM1: { current: 1, target: 2 }\n');
    const flm1 = cli('show', 'FLM1', '--dir', ws, '--format', 'json');
    await check('assessment file: completion of a level offers each level with its name and description', async () => {
      await wb.openFile(reviewRel, 'FLM1: { current: 1');
      await wb.caretToEnd();
      await page.keyboard.type('  FLM2: { current: ');
      await page.keyboard.press('Escape'); // whatever the typed spaces opened
      await page.keyboard.press('Control+Space');
      const suggest = page.locator('.editor-widget.suggest-widget.visible');
      const row = suggest.locator('.monaco-list-row', { hasText: 'Repeatable' }).first();
      await row.waitFor();
      const rows = (await suggest.locator('.monaco-list-row').allInnerTexts()).map(squash);
      log(`  level rows: ${JSON.stringify(rows)}`);
      const flm2 = cli('show', 'FLM2', '--dir', ws, '--format', 'json');
      for (const l of flm2.maturity) assert(rows.some((r) => r.startsWith(`${l.level}`) && r.includes(l.name)), `no row for level ${l.level} ${l.name}`);
      // The focused item's details show the element's own description of the level.
      await page.keyboard.press('ArrowDown');
      const details = page.locator('.suggest-details', { hasText: flm2.maturity[1].description.slice(0, 40) }).first();
      // The details pane is open when VS Code remembers it so; otherwise Ctrl+Space opens it.
      if (!(await details.waitFor({ timeout: 3000 }).then(() => true, () => false))) await page.keyboard.press('Control+Space');
      await details.waitFor();
      await shot('e2e-assessment.png');
      await page.keyboard.press('Enter');
      await wb.line('FLM2: { current: 2').waitFor();
      await page.keyboard.press('Escape');
    });

    await check('assessment file: hover on a score shows that level\'s description and criteria', async () => {
      await page.keyboard.press('Escape');
      const text = squash(await wb.hover('FLM1: { current: 1, target: 2 }', '2', 'target: 2'));
      log(`  score hover: ${JSON.stringify(text.slice(0, 200))}`);
      const level = flm1.maturity.find((l) => l.level === 2);
      assert(text.includes(`FLM1 target: 2 · ${level.name}`), 'the hover does not name the level');
      assert(text.includes(squash(level.description).slice(0, 50)), 'the hover lacks the level\'s description');
      for (const c of level.criteria) assert(text.includes(squash(c).slice(0, 40)), `the hover lacks the criterion "${c}"`);
      await page.mouse.move(0, 0);
    });

    await check('assessment file: a score off the scale is a problem as you type, as the CLI reports it', async () => {
      await wb.caretToEnd();
      // A new line keeps the indentation of the one above: replace it, so the entry is indented once.
      await page.keyboard.type('\n');
      await page.keyboard.press('Shift+Home');
      // The closing brace is typed over when the editor closed the brace itself, added when not.
      await page.keyboard.type('  FLM4: { current: 7 }');
      await page.keyboard.press('Escape');
      await wb.line('FLM4: { current: 7 }').waitFor();
      await wb.showProblems();
      await wb.problem('The current level 7 is not on the maturity scale').waitFor();
      await page.keyboard.press('Control+S');
      await page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
      const expected = cli('check', ws, '--format', 'json').diagnostics.filter((d) => d.file.endsWith('e2e-review.yaml'));
      assert(expected.length === 1 && expected[0].code === 'invalid-score', `the CLI reports ${JSON.stringify(expected)}`);
      const shown = await wb.problemTexts();
      assert(shown.some((t) => t.includes(expected[0].message) && t.includes(`[Ln ${expected[0].line}, Col ${expected[0].column}]`)), `Problems lacks "${expected[0].message}" at ${expected[0].line}:${expected[0].column}: ${JSON.stringify(shown)}`);
    });

    client = clientRepo('node-client', true);
    await wb.open(server.url, client);
    await clientChecks(wb, client, 'installed');
    await check('client repository (installed framework): the out-of-scope quick fix edits opmodel.json on disk', async () => {
      await page.keyboard.press('Escape');
      await page.locator('.tab', { hasText: 'notes.md' }).first().click();
      await page.locator('.tab.active', { hasText: 'notes.md' }).waitFor();
      await wb.line('We adopt').waitFor();
      await wb.caretToEnd();
      await page.keyboard.type('\nLater: GOV2.');
      await page.keyboard.press('Control+S');
      const warning = cli('check', client, '--format', 'json').diagnostics.find((d) => d.code === 'out-of-scope-id');
      assert(warning, 'the CLI reports no out-of-scope-id');
      await wb.showProblems();
      await wb.problem(warning.message).waitFor();
      await wb.clickWord('Later: GOV2.', 'GOV2');
      await page.keyboard.press('Control+.');
      const title = 'Add GOV2 to the scope in opmodel.json';
      await page.locator('.action-widget .monaco-list-row', { hasText: title }).first().waitFor();
      // The menu takes keys: move the focus to the fix and apply it.
      for (let i = 0; i < 10 && !(await page.locator('.action-widget .monaco-list-row.focused', { hasText: title }).count()); i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await wb.command('File: Save All Files');
      const deadline = Date.now() + 20_000;
      let scope = JSON.parse(fs.readFileSync(path.join(client, 'opmodel.json'), 'utf8')).scope;
      while (scope.exclude.includes('GOV2') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        scope = JSON.parse(fs.readFileSync(path.join(client, 'opmodel.json'), 'utf8')).scope;
      }
      assert(JSON.stringify(scope) === JSON.stringify({ exclude: [] }), `opmodel.json scope on disk: ${JSON.stringify(scope)}`);
      await wb.problem(warning.message).waitFor({ state: 'detached' });
    });

    await check('the extension page shows the README written for users, its screenshots loaded from the .vsix', async () => {
      await page.keyboard.press('Escape');
      await wb.command('Extensions: Show Enabled Extensions');
      const item = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'opmodel' }).first();
      await item.waitFor();
      await item.click();
      // The README renders in a webview: nested frames of their own origin.
      const deadline = Date.now() + 45_000;
      let seen = null;
      while (Date.now() < deadline) {
        for (const f of page.frames()) {
          const r = await f.evaluate(() => ({ h1: document.querySelector('h1')?.textContent ?? '', images: [...document.images].map((i) => ({ ok: i.complete && i.naturalWidth > 0, alt: i.alt })) })).catch(() => null);
          if (r?.h1 === 'opmodel for VS Code') seen = r;
        }
        if (seen && seen.images.length >= 3 && seen.images.every((i) => i.ok)) break;
        await page.waitForTimeout(250);
      }
      log(`  extension page: ${JSON.stringify(seen)}`);
      assert(seen, 'no extension page with the heading "opmodel for VS Code"');
      assert(seen.images.length >= 3 && seen.images.every((i) => i.ok), 'screenshots missing or not loaded');
      await shot('e2e-extension-page.png');
    });
  } finally {
    for (const u of browser?.offLoopback ?? []) offLoopbackAll.add(u);
    await browser?.context.close().catch(() => {});
    page = null;
    await server.stop();
    log(`code-server ${server.pid} stopped`);
    fs.rmSync(path.dirname(ws), { recursive: true, force: true });
    if (client) fs.rmSync(path.dirname(client), { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------
// Phase 2: only the browser entry can run (as on github.dev / vscode.dev): "main" is removed from the
// installed manifest, so the web worker extension host is the only one that can load the extension.
async function webPhase(vsix, extId, offLoopbackAll) {
  const ws = copyDocs('web');
  let client = null;
  addDependent(ws);
  fs.writeFileSync(path.join(ws, 'e2e-notes.md'), '# Web notes\n\nWeb check: FLM3 and FLM98.\n');
  fs.writeFileSync(path.join(ws, 'assessments', 'e2e-web.yaml'), '# opmodel-disable-file unassessed-element\ndate: 2026-01-05\nelements:\n  FLM3: { current: 9, target: 3 }\n');
  const server = await startCodeServer({ state: path.join(runDir, 'state-web'), vsix: [vsix], afterInstall: browserEntryOnly(extId) });
  log(`code-server pid ${server.pid} on ${server.url} (browser entry only), workspace ${ws}`);
  let browser = null;
  try {
    browser = await launchBrowser(path.join(runDir, 'profile-web'));
    browsersRun++;
    page = browser.page;
    await recordOpmodelStates(page);
    const wb = new Workbench(page);
    await wb.open(server.url, ws);
    await progressStateCheck(wb, ws, 'web');
    await wb.openFile('e2e-notes.md', 'Web check');
    const show3 = cli('show', 'FLM3', '--dir', ws, '--format', 'json');
    const expected = cli('check', ws, '--format', 'json').diagnostics.find((d) => d.code === 'unknown-id');
    await check('web extension: diagnostic from the web worker extension host', async () => {
      assert(expected, 'the CLI reports no unknown-id in the web copy');
      await wb.showProblems();
      await wb.problem(expected.message).waitFor({ timeout: 120_000 }); // covers indexing the workspace
    });
    await check('web extension: hover from the web worker extension host', async () => {
      const text = squash(await wb.hover('Web check', 'FLM3', show3.title));
      assert(text.includes(show3.summary.slice(0, 60)), 'the hover lacks the summary');
      await shot('e2e-web-hover.png');
    });
    await check('web extension: code lens with the engine\'s counts from the web worker extension host', async () => {
      const want = expectedLens(ws);
      await wb.openFile('first-line-management/FLM3.md', 'id: FLM3');
      const lens = lensLocator(want.text);
      await lens.waitFor();
      log(`  code lens: ${JSON.stringify(squash(await lens.innerText()))}`);
      await shot('e2e-web-codelens.png');
      await wb.openFile('e2e-notes.md', 'Web check');
    });
    await check('web extension: completion from the web worker extension host', async () => {
      await page.keyboard.press('Escape');
      await wb.caretToEnd();
      await page.keyboard.type('\nSee FL');
      await page.keyboard.press('Control+Space');
      const row = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row', { hasText: 'FLM3' }).first();
      await row.waitFor();
      assert(squash(await row.innerText()).includes(show3.title), `the FLM3 row does not show "${show3.title}"`);
      await page.keyboard.press('Escape');
    });
    await check('web extension: an assessment file gets its problems and hovers from the web worker', async () => {
      const expectedScore = cli('check', ws, '--format', 'json').diagnostics.find((d) => d.code === 'invalid-score');
      assert(expectedScore, 'the CLI reports no invalid-score in the web copy');
      await wb.openFile('assessments/e2e-web.yaml', 'FLM3: { current: 9');
      await wb.showProblems();
      await wb.problem(expectedScore.message).waitFor();
      const text = squash(await wb.hover('FLM3: { current: 9', 'FLM3', show3.title));
      assert(text.includes('← target'), 'the hover on FLM3 does not mark its target level');
      await page.mouse.move(0, 0);
    });
    await refusedRenameChecks(wb, ws, 'web');
    await completionChecks(wb, ws, 'web');
    await frontMatterHoverCheck(wb, ws, 'web');
    // No preview check here: code-server ships VS Code's Markdown extension without its browser
    // build, so it runs in the Node host and cannot load a plugin from the worker (on github.dev
    // both run in the worker). The plugin is the same code in both bundles (test/extension).
    client = clientRepo('web-client', false);
    await wb.open(server.url, client);
    await clientChecks(wb, client, 'bundled');
    await check('web extension: worker extension host frame exists, Node host did not activate it', async () => {
      const frames = wb.workerHostFrames();
      log(`  worker extension host frames: ${JSON.stringify(frames)}`);
      assert(frames.length > 0, 'no webWorkerExtensionHost frame in the page');
      assert(remoteActivations(server.state, extId) === 0, 'the Node (remote) extension host activated the extension');
    });
  } finally {
    for (const u of browser?.offLoopback ?? []) offLoopbackAll.add(u);
    await browser?.context.close().catch(() => {});
    page = null;
    await server.stop();
    log(`code-server ${server.pid} stopped`);
    fs.rmSync(path.dirname(ws), { recursive: true, force: true });
    if (client) fs.rmSync(path.dirname(client), { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------
async function main() {
  fs.rmSync(shotsDir, { recursive: true, force: true });
  fs.mkdirSync(shotsDir, { recursive: true });
  const offLoopback = new Set();
  let packaged = null;
  await check('setup: code-server installed, extension packaged', async () => {
    ensureCodeServer();
    packaged = packageExtension(log);
  });
  if (packaged) {
    try {
      await nodePhase(packaged.vsix, packaged.id, offLoopback);
    } catch (e) {
      await check('node extension host phase ran to the end', () => { throw e; });
    }
    try {
      await webPhase(packaged.vsix, packaged.id, offLoopback);
    } catch (e) {
      await check('web extension host phase ran to the end', () => { throw e; });
    }
    await check('no request left 127.0.0.1', async () => {
      assert(browsersRun === 2, `only ${browsersRun} of 2 browser sessions ran`);
      assert(offLoopback.size === 0, `requests to ${[...offLoopback].join(', ')}`);
    });
  }
  if (updateScreenshots && results.every((r) => r.ok)) {
    const dest = path.join(repoRoot, 'docs', 'images');
    fs.mkdirSync(dest, { recursive: true });
    for (const f of readmeShots) fs.copyFileSync(path.join(shotsDir, f), path.join(dest, f));
    log(`screenshots copied to ${path.relative(repoRoot, dest)}/`);
  }
  log(`screenshots in ${path.relative(repoRoot, shotsDir)}/, took ${((Date.now() - t0) / 1000).toFixed(0)}s`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`e2e: ${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130)); // 'exit' handlers stop code-server

await main();
