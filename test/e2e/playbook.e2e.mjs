// E2E: the built playbook in a real browser (Debian's headless Chromium, driven by playwright-core).
// Builds the CLI and the bundled framework's site, serves it from 127.0.0.1, then searches,
// follows matrix -> element -> backlink, checks print CSS and file:// use, and takes screenshots.
// Run: npm run test:e2e:playbook [-- --update-screenshots]   (screenshots land in .e2e/playbook/screenshots;
// with --update-screenshots, and only when every check passes, they are copied to docs/images/).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = path.join(repo, '.e2e', 'playbook');
const site = path.join(work, 'site');
const shots = path.join(work, 'screenshots');
const readmeImages = path.join(repo, 'docs', 'images');
const updateScreenshots = process.argv.includes('--update-screenshots');
const t0 = Date.now();
const log = (m) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
fs.mkdirSync(shots, { recursive: true });

const run = (args) => {
  const r = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r;
};
try {
  run(['scripts/build.mjs']);
  run(['dist/cli.js', 'build', 'framework-docs', '--out', site]);
} catch (e) {
  console.error(e.message);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
}
log('site built');

// A tiny static server for the built site only; it refuses anything outside it.
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.png': 'image/png', '.svg': 'image/svg+xml' };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const file = path.resolve(site, '.' + decodeURIComponent(url.pathname));
  if (!file.startsWith(site + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const profile = path.join(work, 'profile');
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 900 },
  env: { ...process.env, HOME: path.join(work, 'home') },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
}).catch((e) => {
  console.error(`Could not start /usr/bin/chromium (apt-get install -y chromium): ${e.message}`);
  server.close();
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
});
const page = ctx.pages()[0] ?? (await ctx.newPage());
page.setDefaultTimeout(20000);
const external = new Set();
const pageErrors = [];
ctx.on('request', (r) => {
  const u = new URL(r.url());
  if (/^https?:$/.test(u.protocol) && u.hostname !== '127.0.0.1') external.add(u.origin);
});
page.on('pageerror', (e) => pageErrors.push(e.message));
page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    log(`ok   ${name}`);
  } catch (e) {
    failed++;
    log(`FAIL ${name}: ${(e && e.message) || e}`);
    await page.screenshot({ path: path.join(work, `fail-${passed + failed}.png`) }).catch(() => {});
  }
}
function expect(cond, what) {
  if (!cond) throw new Error(what);
}
const text = (sel) => page.locator(sel).first().innerText();

try {
  await check('index page: title, systems, disciplines, search box', async () => {
    await page.goto(`${base}/index.html`);
    expect((await text('h1')) === 'The opmodel Management Framework', `h1 is "${await text('h1')}"`);
    const tiles = await page.locator('.tiles').first().locator('li').count();
    expect(tiles === 4, `expected 4 system tiles, got ${tiles}`);
    expect(await page.locator('.all-elements li').count() === 106, 'the index lists 106 elements');
    expect(await page.evaluate(() => typeof window.OPMODEL_SEARCH === 'object' && typeof window.MiniSearch === 'function'), 'search index and MiniSearch loaded');
  });

  await check('search: type a query, follow a result to the element', async () => {
    await page.locator('#searchBox').click();
    await page.keyboard.type('hypercare transition');
    const first = page.locator('#searchResults li a').first();
    await first.waitFor();
    const hits = await page.locator('#searchResults li a .hit-id').allInnerTexts();
    expect(hits.includes('OM1'), `OM1 among the hits: ${hits.join(', ')}`);
    await page.screenshot({ path: path.join(work, 'search.png') });
    await page.locator('#searchResults li a', { hasText: 'OM1' }).first().click();
    await page.waitForURL(/elements\/OM1\.html$/);
    expect((await text('h1')).startsWith('OM1'), 'element heading');
    expect((await text('.card dd[data-field="system"]')) === 'Operational Management', 'card system');
    expect((await text('.card dd[data-field="accountable"]')) === 'Transition Manager', 'card accountable: the role title');
  });

  await check('search: an ID typed exactly, Enter opens it', async () => {
    await page.locator('#searchBox').fill('');
    await page.locator('#searchBox').click();
    await page.keyboard.type('CORE-B4');
    await page.locator('#searchResults li a').first().waitFor();
    const firstId = await page.locator('#searchResults li a .hit-id').first().innerText();
    expect(firstId === 'CORE-B4', `first hit is ${firstId}`);
    await page.keyboard.press('Enter');
    await page.waitForURL(/elements\/CORE-B4\.html$/);
  });

  let backlinkTarget = '';
  await check('matrix: cells list their elements; click one', async () => {
    await page.goto(`${base}/matrix.html`);
    const rows = await page.locator('table.matrix tbody tr').count();
    const cols = await page.locator('table.matrix thead th').count();
    expect(rows === 4 && cols === 5, `4 systems x 4 disciplines (got ${rows} rows, ${cols} header cells)`);
    const cell = page.locator('td[data-system="first-line-management"][data-discipline="technology-tools"]');
    const ids = await cell.locator('a.idref').allInnerTexts();
    expect(ids.includes('FLM4') && ids.includes('FLM6'), `FLM cell lists FLM4, FLM6: ${ids.join(' ')}`);
    expect((await cell.locator('a.idref', { hasText: 'FLM4' }).getAttribute('title')) === 'FLM4 · Technology & Tools Management', 'tooltip is ID · title');
    // The README's picture: header, search and the first three systems (the whole grid is over 300 KB).
    const third = await page.locator('table.matrix tbody tr').nth(2).boundingBox();
    await page.screenshot({ path: path.join(shots, 'playbook-matrix.png'), clip: { x: 0, y: 0, width: 1400, height: Math.ceil(third.y + third.height + 2) }, fullPage: true });
    expect(fs.statSync(path.join(shots, 'playbook-matrix.png')).size < 300_000, 'the matrix screenshot stays under 300 KB');
    await cell.locator('a.idref', { hasText: 'FLM4' }).click();
    await page.waitForURL(/elements\/FLM4\.html$/);
    expect((await text('.card dd[data-field="discipline"]')) === 'Technology & Tools', 'card discipline');
    await page.screenshot({ path: path.join(shots, 'playbook-element.png') });
  });

  await check('element: ID links in the text carry the title as tooltip', async () => {
    const links = page.locator('.doc-body a.idref');
    expect((await links.count()) > 3, 'the body links IDs');
    const first = links.first();
    const [id, title] = [await first.innerText(), await first.getAttribute('title')];
    expect(title.startsWith(`${id} · `), `tooltip "${title}" for ${id}`);
    await first.click();
    await page.waitForURL(new RegExp(`elements/${id}\\.html$`));
    await page.goBack();
    await page.waitForURL(/elements\/FLM4\.html$/);
  });

  await check('element -> a "Referenced by" backlink -> that page refers back', async () => {
    const back = page.locator('.backlinks a.idref').first();
    backlinkTarget = await back.innerText();
    await back.click();
    await page.waitForURL(new RegExp(`elements/${backlinkTarget}\\.html$`));
    expect((await text('h1')).startsWith(backlinkTarget), 'backlink target heading');
    const refs = await page.locator('article a[href="FLM4.html"]').count();
    expect(refs > 0, `${backlinkTarget} links to FLM4`);
  });

  await check('leadership: principles list their supporting characteristics', async () => {
    await page.goto(`${base}/leadership.html`);
    const lp1 = page.locator('.principle[data-id="LP1"] .supported-by a.idref');
    const ids = await lp1.allInnerTexts();
    expect(ids.includes('LC1') && ids.includes('LC7'), `LP1 supported by LC1, LC7: ${ids.join(' ')}`);
  });

  await check('print: navigation and search hidden, element sections break pages', async () => {
    await page.goto(`${base}/handout.html`);
    await page.emulateMedia({ media: 'print' });
    const header = await page.locator('.site-header').evaluate((e) => getComputedStyle(e).display);
    expect(header === 'none', `header display in print is ${header}`);
    const brk = await page.locator('.handout-element').first().evaluate((e) => getComputedStyle(e).breakBefore);
    expect(brk === 'page', `break-before ${brk}`);
    const after = await page.locator('.handout-element a.idref').first().evaluate((e) => getComputedStyle(e, '::after').content);
    expect(after === 'none' || after === 'normal', `no URL after links (${after})`);
    const pdf = await page.pdf({ format: 'A4', path: path.join(work, 'handout.pdf') });
    expect(pdf.length > 50000, `a PDF of the handout (${pdf.length} bytes)`);
    await page.emulateMedia({ media: 'screen' });
  });

  await check('assessment: heatmap, radar charts and roadmap render; it prints on A4 and Letter', async () => {
    await page.goto(`${base}/index.html`);
    await page.locator('ul.assessments a').first().click();
    await page.waitForURL(/assessments\/2026-12-harbourline-day-90\.html$/);
    expect((await text('h1')) === 'Harbourline Freight — Day-90 reassessment', `h1 is "${await text('h1')}"`);
    const cell = page.locator('td[data-system="first-line-management"][data-discipline="organization-management"]');
    expect((await cell.locator('.cur').innerText()) === '2.50', 'FLM × Organization cell shows 2.50');
    const bg = await cell.evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(bg !== 'rgba(0, 0, 0, 0)' && bg !== 'rgb(255, 255, 255)', `the cell is coloured (${bg})`);
    // Each radar is drawn: its current shape has a real size on screen.
    const radars = page.locator('svg.radar');
    expect((await radars.count()) === 5, `five radar charts (${await radars.count()})`);
    for (let i = 0; i < 5; i++) {
      const box = await radars.nth(i).locator('polygon.current').boundingBox();
      expect(box && box.width > 20 && box.height > 20, `radar ${i} has a visible shape`);
    }
    expect((await page.locator('ol.waves > li').count()) === 3, 'three roadmap waves');
    // The README's picture: the title, the heatmap and its legend, and the first radar charts.
    const radarTop = await page.locator('#radar').boundingBox();
    await page.screenshot({ path: path.join(shots, 'playbook-assessment.png'), clip: { x: 0, y: 0, width: 1400, height: Math.ceil(radarTop.y + 560) }, fullPage: true });
    expect(fs.statSync(path.join(shots, 'playbook-assessment.png')).size < 400_000, 'the assessment screenshot stays under 400 KB');
    await page.emulateMedia({ media: 'print' });
    try {
      const header = await page.locator('.site-header').evaluate((e) => getComputedStyle(e).display);
      expect(header === 'none', `header display in print is ${header}`);
      const adjust = await cell.evaluate((e) => getComputedStyle(e).printColorAdjust || getComputedStyle(e).webkitPrintColorAdjust);
      expect(adjust === 'exact', `heat colours print (${adjust})`);
      const brk = await page.locator('#radar').evaluate((e) => getComputedStyle(e).breakBefore);
      expect(brk === 'page', `radar charts start a page (${brk})`);
      // The printable width of each paper size at 96 dpi, after the 16 mm side margins of the print CSS.
      for (const [format, width] of [['A4', Math.floor(((210 - 32) / 25.4) * 96)], ['Letter', Math.floor((8.5 - 32 / 25.4) * 96)]]) {
        const pdf = await page.pdf({ format, path: path.join(work, `assessment-${format}.pdf`) });
        const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        expect(pages >= 3 && pages < 40, `${format}: ${pages} pages`);
        // Nothing wider than the printed page: the widest table or chart fits.
        await page.setViewportSize({ width, height: 1000 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow <= 0, `${format}: content ${overflow}px wider than the ${width}px page`);
      }
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.emulateMedia({ media: 'screen' });
    }
  });

  await check('file://: the site works without a server (search included)', async () => {
    await page.goto(pathToFileURL(path.join(site, 'index.html')).href);
    await page.locator('#searchBox').click();
    await page.keyboard.type('steering committee');
    await page.locator('#searchResults li a').first().waitFor();
    const hits = await page.locator('#searchResults li a .hit-id').allInnerTexts();
    expect(hits.includes('GOV1'), `GOV1 among the hits: ${hits.join(', ')}`);
    await page.locator('#searchResults li a', { hasText: 'GOV1' }).first().click();
    await page.waitForURL(/elements\/GOV1\.html$/);
    const css = await page.locator('.card').evaluate((e) => getComputedStyle(e).borderLeftStyle);
    expect(css === 'solid', 'the stylesheet applies from file://');
  });

  await check('crosswalk: reached from the navigation, an element row links to the element, an item lists its elements', async () => {
    await page.goto(`${base}/index.html`);
    await page.locator('nav.site-nav a', { hasText: 'Crosswalk' }).click();
    await page.waitForURL(/crosswalk\.html$/);
    const rows = await page.locator('table.crosswalk tbody tr').count();
    expect(rows > 80, `the crosswalk table lists the elements (${rows} rows)`);
    const incident = page.locator('section#by-itil4 dt', { hasText: /^Incident management$/ });
    await incident.waitFor();
    const covering = await page.locator('section#by-itil4 dt:has-text("Incident management") + dd a.idref').allInnerTexts();
    expect(covering.includes('CORE-B3'), `Incident management is covered by CORE-B3: ${covering.join(', ')}`);
    await page.screenshot({ path: path.join(shots, 'playbook-crosswalk.png') });
    await page.locator('table.crosswalk tbody tr[data-id="CORE-B3"] th a.idref').click();
    await page.waitForURL(/elements\/CORE-B3\.html$/);
    const row = await text('dd[data-field="crosswalk"]');
    expect(/ITIL 4: Incident management/.test(row), `the element card shows its crosswalk (${row})`);
  });

  await check('diagrams: the copied SVGs load and show on a page, over http and from file://', async () => {
    for (const url of [`${base}/pages/README.html`, pathToFileURL(path.join(site, 'pages', 'README.html')).href]) {
      await page.goto(url);
      const img = page.locator('article img[src$="media/diagrams/system-map.svg"]');
      await img.waitFor();
      await page.waitForFunction((el) => el.complete, await img.elementHandle());
      const { width, alt } = await img.evaluate((el) => ({ width: el.naturalWidth, alt: el.alt }));
      expect(width > 600, `the system map loaded from ${url} (natural width ${width})`);
      expect(alt.length > 30, `the system map has alt text (${alt})`);
    }
    await page.locator('article img[src$="system-map.svg"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'playbook-diagram.png') });
  });

  await check('no script errors, no request left 127.0.0.1', async () => {
    expect(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
    expect(external.size === 0, `external requests: ${[...external].join(', ')}`);
  });
} finally {
  await ctx.close().catch(() => {});
  server.close();
}

if (updateScreenshots && !failed) {
  for (const name of ['playbook-matrix.png', 'playbook-element.png', 'playbook-assessment.png']) fs.copyFileSync(path.join(shots, name), path.join(readmeImages, name));
  log(`README screenshots updated in ${path.relative(repo, readmeImages)}/`);
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
