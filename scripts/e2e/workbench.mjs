// Drives the code-server workbench in headless Debian Chromium through playwright-core.
// Every step waits on a selector or a condition; nothing waits a fixed time except the hover fade-in.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const chromiumPath = process.env.OPMODEL_E2E_CHROMIUM || '/usr/bin/chromium';

/**
 * Launches Chromium with its own profile and HOME. Any request to a host other than 127.0.0.1
 * is recorded in `offLoopback` (the suite fails on it) and cannot resolve anyway.
 */
export async function launchBrowser(profileDir) {
  if (!fs.existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath} (apt-get install -y chromium)`);
  fs.rmSync(profileDir, { recursive: true, force: true });
  const home = `${profileDir}-home`;
  fs.rmSync(home, { recursive: true, force: true });
  fs.mkdirSync(home, { recursive: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache') },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  const offLoopback = new Set();
  const note = (url) => {
    try {
      const u = new URL(url);
      if (/^(https?|wss?):$/.test(u.protocol) && u.hostname !== '127.0.0.1') offLoopback.add(u.origin);
    } catch { /* not a URL we can judge */ }
  };
  // A webview's own resources (vscode-resource.vscode-cdn.net) are answered by its service worker
  // inside the browser; anything else that names another host would have left the machine.
  context.on('requestfinished', async (r) => {
    const response = await r.response().catch(() => null);
    if (!response?.fromServiceWorker()) note(r.url());
  });
  context.on('requestfailed', (r) => note(r.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('websocket', (ws) => note(ws.url()));
  page.setDefaultTimeout(45_000); // generous: CI machines are small and busy
  return { context, page, offLoopback };
}

const exactly = (text) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/**
 * Records, from before the workbench loads, every label the opmodel status-bar item shows, the
 * Framework view's message and welcome texts: states that may last only a moment.
 */
export async function recordOpmodelStates(page) {
  await page.addInitScript(() => {
    const seen = { status: [], message: [], welcome: [] };
    Object.defineProperty(window, '__opmodelSeen', { value: seen });
    const last = {};
    const note = (key, value) => {
      if (!value || last[key] === value) return;
      last[key] = value;
      seen[key].push({ at: Math.round(performance.now()), value });
    };
    const scan = () => {
      const item = document.querySelector('.statusbar-item-label[aria-label^="opmodel:"]');
      note('status', item?.getAttribute('aria-label'));
      for (const pane of document.querySelectorAll('.pane')) {
        if (!pane.querySelector('.pane-header')?.textContent?.toLowerCase().includes('framework')) continue;
        note('message', pane.querySelector('.pane-body .message:not(.hide)')?.textContent?.trim());
        note('welcome', pane.querySelector('.welcome-view-content')?.textContent?.trim());
      }
    };
    new MutationObserver(scan).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-label', 'class'] });
  });
}

/** What recordOpmodelStates saw so far. */
export function opmodelStates(page) {
  return page.evaluate(() => window.__opmodelSeen);
}

export class Workbench {
  constructor(page) {
    this.page = page;
    this.editor = page.locator('.editor-instance .monaco-editor').first();
    this.problemRows = page.locator('.markers-panel .monaco-list-row');
  }

  async open(baseUrl, folder) {
    await this.page.goto(`${baseUrl}/?folder=${encodeURIComponent(folder)}`);
    await this.page.locator('.monaco-workbench').waitFor();
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
  }

  /** Opens a workspace file through Quick Open and waits for a line of it to render. */
  async openFile(relPath, lineText) {
    const name = path.basename(relPath);
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(relPath);
    // Click the row of exactly this file: a recently opened look-alike (FLM3-duplicate.md) may be first.
    const row = this.page.locator('.quick-input-list .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: exactly(name) }) }).first();
    await row.click();
    await this.page.locator('.tab.active', { hasText: name }).waitFor();
    await this.editor.locator('.view-line').first().waitFor();
    // A line below the fold is not rendered: find it, which scrolls it into view.
    if (!(await this.line(lineText).isVisible())) await this.reveal(lineText);
    await this.line(lineText).waitFor();
  }

  /** Scrolls the active editor to the first occurrence of `text` with the find widget. */
  async reveal(text) {
    await this.page.keyboard.press('Control+F');
    const find = this.page.locator('.editor-instance .find-widget.visible textarea').first();
    await find.waitFor();
    await find.fill(text);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Escape');
    await this.page.locator('.editor-instance .find-widget.visible').waitFor({ state: 'hidden' });
  }

  line(text) {
    return this.editor.locator('.view-line', { hasText: text }).first();
  }

  /**
   * Runs a command by its exact title through the command palette. `opensInput`: the command
   * shows a quick input of its own, so the widget need not close.
   */
  async command(title, { opensInput = false } = {}) {
    await this.page.keyboard.press('Control+Shift+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    // The row with exactly this label: "Open Preview" also matches "Open Locked Preview to the Side".
    await this.page.locator('.quick-input-list .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: exactly(title) }) }).first().click();
    if (!opensInput) await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** Puts the caret at the end of the document. */
  async caretToEnd() {
    await this.editor.locator('.view-lines').click();
    await this.page.keyboard.press('Control+End');
  }

  /** Places the mouse on `word` inside the rendered line that contains `lineText`. */
  async pointAt(lineText, word) {
    const line = this.line(lineText);
    await line.waitFor();
    // Markdown lines are few token spans; find the one with the word and measure inside it (monospace).
    // A line can be re-rendered while it is read (tokens, link decorations): retry for a while.
    const deadline = Date.now() + 10_000;
    do {
      const spans = line.locator('span > span');
      const n = await spans.count();
      for (let i = 0; i < n; i++) {
        const span = spans.nth(i);
        const text = (await span.textContent().catch(() => null)) ?? '';
        const at = text.indexOf(word);
        if (at < 0) continue;
        const box = await span.boundingBox().catch(() => null);
        if (!box) continue;
        const cw = box.width / text.length;
        return { x: box.x + (at + word.length / 2) * cw, y: box.y + box.height / 2 };
      }
      await this.page.waitForTimeout(200);
    } while (Date.now() < deadline);
    throw new Error(`"${word}" is not rendered in the line "${lineText}"`);
  }

  /** Hovers `word` and returns the hover's text once it contains `expect`. */
  async hover(lineText, word, expect) {
    const hover = this.page.locator('.monaco-hover:not(.hidden) .hover-contents', { hasText: expect }).first();
    // VS Code asks once per resting of the mouse: a hover asked while the framework was still
    // opening shows nothing until the mouse moves, so move away and back, as a user would.
    const deadline = Date.now() + 45_000;
    for (;;) {
      await this.page.mouse.move(0, 0);
      const p = await this.pointAt(lineText, word);
      await this.page.mouse.move(p.x, p.y);
      const shown = await hover.waitFor({ timeout: 5_000 }).then(() => true, () => false);
      if (shown) break;
      if (Date.now() > deadline) await hover.waitFor({ timeout: 1 });
    }
    await this.page.waitForTimeout(300); // fade-in, only for the screenshot
    return hover.innerText();
  }

  /** Clicks on `word` in a line, leaving the caret inside it. */
  async clickWord(lineText, word) {
    const p = await this.pointAt(lineText, word);
    await this.page.mouse.click(p.x, p.y);
  }

  /** F2 on `word` in a line, types `newName` into VS Code's rename box and presses Enter. */
  async rename(lineText, word, newName) {
    await this.clickWord(lineText, word);
    await this.page.keyboard.press('F2');
    const input = this.page.locator('.rename-box input, .rename-box .rename-input').first();
    await input.waitFor();
    await input.fill(newName);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
  }

  /** Ctrl+Z in the active editor, undoing a workspace edit in every file it touched, until `lineText` shows. */
  async undoEverywhere(lineText) {
    await this.editor.locator('.view-lines').click();
    await this.page.keyboard.press('Control+Z');
    // VS Code may ask whether to undo the workspace edit in every file it touched.
    const everywhere = this.page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Undo in \d+ Files$/ });
    await Promise.race([everywhere.waitFor(), this.line(lineText).waitFor()]);
    if (await everywhere.isVisible()) await everywhere.click();
    await this.line(lineText).waitFor();
  }

  /** Notification toasts currently shown (their message text). */
  notification(text) {
    return this.page.locator('.notifications-toasts .notification-list-item-message', { hasText: text }).first();
  }

  async showProblems() {
    if (!(await this.page.locator('.markers-panel').isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await this.page.locator('.markers-panel').waitFor();
  }

  problem(text) {
    return this.problemRows.filter({ hasText: text }).first();
  }

  async problemTexts() {
    return (await this.problemRows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** Worker extension host iframes/frames the page holds (the web extension host of vscode.dev). */
  workerHostFrames() {
    return this.page.frames().map((f) => f.url()).filter((u) => /webWorkerExtensionHost/.test(u));
  }
}
