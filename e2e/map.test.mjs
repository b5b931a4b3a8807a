// End-to-end: the map page the API serves at /map logs in through the real Keycloak (authorization code +
// PKCE S256, public client estatehub-ui), fetches vector tiles from GET /tiles/assets/{z}/{x}/{y}.mvt with
// the bearer token and draws the demo register's assets coloured by status; the screenshot must show them.
// WebGL in headless Chromium runs on SwiftShader, Chromium's software renderer (the flags below; without
// them MapLibre cannot create a WebGL context on a machine without a GPU).
//
//   ESTATEHUB_URL=http://localhost:8090 npm test
//
// Environment: ESTATEHUB_URL (the running API, demo data), ESTATEHUB_OIDC_URL (default
// http://localhost:8180/realms/estatehub), CHROMIUM (default /usr/bin/chromium), and ESTATEHUB_BROWSER_URL:
// the origin the browser is shown (default ESTATEHUB_URL). Keycloak redirects only to estatehub-ui's redirect
// URIs (ports 8080, 8081, 8090-8094), so an API on another port is reached as one of them: the browser's
// requests to ESTATEHUB_BROWSER_URL are answered by ESTATEHUB_URL (Playwright routing, inside the test).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { claims, launchBrowser, signIn } from './browser.mjs';

const base = (process.env.ESTATEHUB_URL ?? 'http://localhost:8090').replace(/\/$/, '');
const shown = (process.env.ESTATEHUB_BROWSER_URL ?? base).replace(/\/$/, '');
const realm = (process.env.ESTATEHUB_OIDC_URL ?? 'http://localhost:8180/realms/estatehub').replace(/\/$/, '');
const username = 'maidstone.editor';
const password = 'demo';
const results = new URL('./test-results/', import.meta.url).pathname;

// The page's status colours (map.js), as the screenshot must show them.
const STATUS_COLOURS = {
  OPERATIONAL: [0x1a, 0x96, 0x41],
  UNDER_UTILISED: [0xfd, 0xae, 0x61],
  SURPLUS: [0xd7, 0x19, 0x1c],
};

let browser;
let context;

before(async () => {
  const webgl = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--use-gl=angle', '--ignore-gpu-blocklist'];
  // A page Playwright answers has no address, so Chromium's Local Network Access would refuse its calls to
  // Keycloak on loopback; only when routed.
  const routed = shown === base ? [] : ['--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests'];
  browser = await launchBrowser('estatehub-e2e-map-', [...webgl, ...routed]);
  context = browser.context;
  if (shown !== base) {
    await context.route(`${shown}/**`, async (route) => {
      const url = base + route.request().url().slice(shown.length);
      const response = await route.fetch({ url, maxRedirects: 0 });
      const headers = response.headers();
      if (headers.location?.startsWith(base)) headers.location = shown + headers.location.slice(base.length);
      await route.fulfill({ response, headers });
    });
    // Chromium does not route a redirect's next request, so Keycloak's redirect back to the page after the
    // login form is turned into a navigation by the page Keycloak answers with, which is routed.
    await context.route((url) => url.href.startsWith(`${realm}/login-actions/`), async (route) => {
      const response = await route.fetch({ maxRedirects: 0 });
      const location = response.headers().location ?? '';
      if (response.status() >= 300 && response.status() < 400 && location.startsWith(`${shown}/`)) {
        await route.fulfill({
          status: 200, contentType: 'text/html',
          body: `<!doctype html><script>location.replace(${JSON.stringify(location)})</script>`,
        });
      } else {
        await route.fulfill({ response });
      }
    });
  }
});

after(async () => {
  await browser?.close();
});

test('/map: log in through Keycloak as maidstone.editor, tiles with the bearer token, assets drawn by status', async () => {
  const page = await context.newPage();
  const tiles = [];
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(error.message));
  // Failed loads are named by URL here (the console's "Failed to load resource" line does not say which);
  // the browser's own /favicon.ico request is the one 404 that is no fault of the page.
  const failed = [];
  page.on('response', (response) => {
    if (response.url().startsWith(`${shown}/tiles/assets/`)) tiles.push(response);
    if (response.status() >= 400 && new URL(response.url()).pathname !== '/favicon.ico') {
      failed.push(`${response.status()} ${response.url()}`);
    }
  });
  await page.setViewportSize({ width: 1000, height: 700 });
  try {
    // /map sends the browser on to /map/ (checked here rather than through the browser: Playwright's routing,
    // used when ESTATEHUB_BROWSER_URL differs, does not follow a fulfilled redirect).
    const bare = await fetch(`${base}/map`, { redirect: 'manual' });
    assert.equal(bare.status, 302);
    assert.equal(bare.headers.get('location'), 'map/');
    await page.goto(`${shown}/map/`);
    // The page sends the browser to Keycloak's login page at once.
    await page.waitForURL((url) => url.href.startsWith(`${realm}/protocol/openid-connect/auth?`));
    const auth = new URL(page.url()).searchParams;
    assert.equal(auth.get('client_id'), 'estatehub-ui');
    assert.equal(auth.get('response_type'), 'code');
    assert.equal(auth.get('code_challenge_method'), 'S256');
    assert.equal(auth.get('redirect_uri'), `${shown}/map/`);
    await signIn(page, username, password);

    await page.waitForURL(`${shown}/map/`);
    await page.locator('#who', { hasText: `${username} (maidstone)` }).waitFor();
    await page.waitForFunction(() => document.body.dataset.state === 'idle', null, { timeout: 60_000 });

    const drawn = tiles.filter((r) => r.status() === 200);
    assert.ok(drawn.length > 0, `no tile answered 200: ${tiles.map((r) => `${r.status()} ${r.url()}`).join(', ')}`);
    for (const response of drawn) {
      assert.equal(response.headers()['content-type'], 'application/vnd.mapbox-vector-tile');
      assert.equal(response.headers()['cache-control'], 'private, max-age=60');
      const authorization = await response.request().headerValue('authorization');
      assert.match(authorization ?? '', /^Bearer /, response.url());
      const token = claims(authorization.slice('Bearer '.length));
      assert.equal(token.azp, 'estatehub-ui');
      assert.equal(token.preferred_username, username);
    }

    // What MapLibre drew, from its own rendered features, and from the screenshot's pixels.
    const rendered = await page.evaluate(() => {
      const statuses = {};
      for (const f of window.estatehubMap.queryRenderedFeatures({ layers: ['assets'] })) {
        statuses[f.properties.status] = (statuses[f.properties.status] ?? 0) + 1;
      }
      return statuses;
    });
    assert.ok((rendered.OPERATIONAL ?? 0) > 0, JSON.stringify(rendered));

    const screenshot = await page.screenshot({ type: 'png' });
    mkdirSync(results, { recursive: true });
    writeFileSync(join(results, 'map.png'), screenshot);
    // The PNG is decoded by the browser itself (no image library here): drawn onto a 2D canvas and counted.
    const counts = await page.evaluate(async ({ png, colours }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const g = canvas.getContext('2d');
      g.drawImage(image, 0, 0);
      const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
      const found = Object.fromEntries(Object.keys(colours).map((k) => [k, 0]));
      for (let i = 0; i < data.length; i += 4) {
        for (const [status, [r, gr, b]] of Object.entries(colours)) {
          if (Math.abs(data[i] - r) <= 8 && Math.abs(data[i + 1] - gr) <= 8 && Math.abs(data[i + 2] - b) <= 8) {
            found[status]++;
          }
        }
      }
      return found;
    }, { png: screenshot.toString('base64'), colours: STATUS_COLOURS });
    // The panel's legend shows each colour once in a 12 px swatch (~113 px): beyond that is the map.
    const legend = 113;
    assert.ok(counts.OPERATIONAL > legend + 20, `operational pixels ${JSON.stringify(counts)}; rendered ${JSON.stringify(rendered)}`);
    for (const status of Object.keys(rendered)) {
      if (STATUS_COLOURS[status]) {
        assert.ok(counts[status] > legend, `${status} is rendered but not in the screenshot: ${JSON.stringify(counts)}`);
      }
    }
    assert.deepEqual(failed, []);
    assert.deepEqual(errors.filter((e) => !/^Failed to load resource/.test(e)), []);
  } catch (e) {
    console.error(`page at ${page.url()}; browser errors: ${JSON.stringify(errors)}; failed loads: ${JSON.stringify(failed)}`);
    mkdirSync(results, { recursive: true });
    for (const [i, p] of context.pages().entries()) {
      await p.screenshot({ path: join(results, `map-failure-${i}.png`), fullPage: true }).catch(() => {});
    }
    throw e;
  }
});
