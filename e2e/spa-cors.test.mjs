// End-to-end: a single-page app served from another origin (http://localhost:5173, a static server
// started here) logs in through the real Keycloak as the public client estatehub-spa (authorization code
// + PKCE S256, plain JS in the page) and calls the API cross-origin with fetch: GET /me, reads one of
// maidstone.editor's assets, takes its ETag from the response header (readable only because the API
// exposes it), updates the asset with If-Match and gets a new ETag; then puts the asset back as it was
// (so the client smoke test and the data stay as they were), with a further If-Match update. The same
// page served from http://localhost:5174, an origin the API does not list, is refused by the browser
// (fetch rejects with a TypeError and Chromium reports the CORS policy) while 5173 is answered.
//
//   ESTATEHUB_URL=http://localhost:8090 npm test
//
// The API must run with http://localhost:5173 among its CORS origins (the demo profile has it).
// Environment: ESTATEHUB_URL, ESTATEHUB_OIDC_URL (default http://localhost:8180/realms/estatehub),
// CHROMIUM (default /usr/bin/chromium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { claims, launchBrowser, signIn } from './browser.mjs';

const base = (process.env.ESTATEHUB_URL ?? 'http://localhost:8090').replace(/\/$/, '');
const realm = (process.env.ESTATEHUB_OIDC_URL ?? 'http://localhost:8180/realms/estatehub').replace(/\/$/, '');
const username = 'maidstone.editor';
const password = 'demo';
const allowedOrigin = 'http://localhost:5173';
const unlistedOrigin = 'http://localhost:5174';
const results = new URL('./test-results/', import.meta.url).pathname;

// The whole SPA: no framework, no library, so what the browser does is all in view.
const spaScript = `
const { api, realm, clientId } = window.ESTATEHUB;
const redirectUri = location.origin + '/';
const status = (text) => { document.getElementById('status').textContent = text; };
const base64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
  .replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');

window.spa = {
  token: null,
  async login() {
    const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
    const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
    const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    sessionStorage.setItem('pkce', JSON.stringify({ verifier, state }));
    const url = new URL(realm + '/protocol/openid-connect/auth');
    url.search = new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri, response_type: 'code',
      scope: 'openid', state, code_challenge: challenge, code_challenge_method: 'S256' });
    location.assign(url);
  },
  async finishLogin(params) {
    const saved = JSON.parse(sessionStorage.getItem('pkce') ?? 'null');
    sessionStorage.removeItem('pkce');
    if (!saved || params.get('state') !== saved.state) throw new Error('state does not match');
    const answer = await fetch(realm + '/protocol/openid-connect/token', { method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: clientId, code: params.get('code'),
        redirect_uri: redirectUri, code_verifier: saved.verifier }) });
    if (!answer.ok) throw new Error('token endpoint: ' + answer.status + ' ' + await answer.text());
    this.token = (await answer.json()).access_token;
    history.replaceState(null, '', '/');
  },
  // One API call; ETag and X-Request-Id are whatever the browser lets this script read.
  async call(method, path, { body, headers = {}, anonymous = false } = {}) {
    const sent = { Accept: 'application/json', ...headers };
    if (!anonymous) sent.Authorization = 'Bearer ' + this.token;
    if (body !== undefined) sent['Content-Type'] = 'application/json';
    const answer = await fetch(api + path, { method, headers: sent,
      body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: answer.status, etag: answer.headers.get('ETag'), requestId: answer.headers.get('X-Request-Id'),
      body: await answer.json() };
  },
  // What a failed call throws (a CORS refusal is a TypeError), or 'answered <status>'.
  async attempt(method, path, options) {
    try {
      return 'answered ' + (await this.call(method, path, options)).status;
    } catch (e) {
      return e.name + ': ' + e.message;
    }
  },
};

(async () => {
  const params = new URLSearchParams(location.search);
  if (params.has('code')) {
    await spa.finishLogin(params);
    status('logged in');
  } else if (params.has('error')) {
    status('login failed: ' + params.get('error') + ' ' + (params.get('error_description') ?? ''));
  } else {
    status('logged out');
  }
})().catch((e) => status('failed: ' + e.message));
`;

function page(origin) {
  const config = JSON.stringify({ api: base, realm, clientId: 'estatehub-spa' });
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>EstateHub SPA on ${origin}</title></head>
<body><p id="status">starting</p>
<script>window.ESTATEHUB = ${config};</script>
<script>${spaScript}</script>
</body></html>`;
}

function serve(origin) {
  const port = Number(new URL(origin).port);
  const server = createServer((request, response) => {
    if (request.method === 'GET' && new URL(request.url, origin).pathname === '/') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(page(origin));
    } else {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', (e) => reject(new Error(`cannot serve ${origin}: ${e.message}`)));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

let browser;
let context;
const servers = [];

before(async () => {
  servers.push(await serve(allowedOrigin), await serve(unlistedOrigin));
  browser = await launchBrowser('estatehub-e2e-spa-');
  context = browser.context;
});

after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

/** The properties PUT /assets/{assetId} takes, from the contract the API serves. */
async function assetInputProperties() {
  const answer = await fetch(`${base}/q/openapi?format=json`);
  assert.equal(answer.status, 200);
  return Object.keys((await answer.json()).components.schemas.AssetInput.properties);
}

/**
 * Opens the SPA on the listed origin and logs in as the SPA would; returns the authorization request's
 * parameters when Keycloak showed its login form (null when its SSO session answered at once).
 */
async function logIn(page) {
  await page.goto(`${allowedOrigin}/`);
  await page.locator('#status', { hasText: 'logged out' }).waitFor();
  await page.evaluate(() => window.spa.login());
  await page.locator('#username, #status:has-text("logged in")').first().waitFor();
  let authParams = null;
  if (page.url().startsWith(`${realm}/protocol/openid-connect/auth?`)) {
    authParams = new URL(page.url()).searchParams;
    await signIn(page, username, password);
  }
  await page.waitForURL((url) => url.origin === allowedOrigin);
  await page.locator('#status', { hasText: 'logged in' }).waitFor();
  return authParams;
}

async function failureScreenshots() {
  mkdirSync(results, { recursive: true });
  for (const [i, p] of context.pages().entries()) {
    await p.screenshot({ path: join(results, `spa-failure-${i}.png`), fullPage: true }).catch(() => {});
  }
}

test('an SPA on http://localhost:5173 logs in with PKCE and reads and updates an asset cross-origin', async () => {
  const spa = await context.newPage();
  const inputProperties = await assetInputProperties();
  let restore = null;
  try {
    const authParams = await logIn(spa);
    assert.ok(authParams, 'Keycloak showed its login page');
    assert.equal(authParams.get('client_id'), 'estatehub-spa');
    assert.equal(authParams.get('redirect_uri'), `${allowedOrigin}/`);
    assert.equal(authParams.get('response_type'), 'code');
    assert.equal(authParams.get('code_challenge_method'), 'S256');
    assert.match(authParams.get('code_challenge') ?? '', /^[A-Za-z0-9_-]{43}$/);
    const token = claims(await spa.evaluate(() => window.spa.token));
    assert.equal(token.azp, 'estatehub-spa');
    assert.equal(token.iss, realm);
    assert.deepEqual(token.organization, ['maidstone']);
    assert.equal(token.partner_id, undefined);

    // GET /me, cross-origin
    const me = await spa.evaluate(() => window.spa.call('GET', '/me'));
    assert.equal(me.status, 200, JSON.stringify(me.body));
    assert.equal(me.body.username, username);
    assert.equal(me.body.partnerId, 'maidstone');
    assert.match(me.requestId ?? '', /./, 'X-Request-Id is readable');

    // One of Maidstone's own assets that may still change (not disposed): from the demo data (MBC-AS-...)
    // where there is one, rather than one another test left in the database
    const page = await spa.evaluate(() => window.spa.call('GET', '/assets?partner=maidstone&limit=500'));
    assert.equal(page.status, 200, JSON.stringify(page.body));
    const own = page.body.items.filter((a) => a.ownerPartnerId === 'maidstone' && a.status !== 'DISPOSED');
    const mine = own.find((a) => a.ownReference?.startsWith('MBC-AS-')) ?? own[0];
    assert.ok(mine, 'maidstone.editor can see an asset of its own');
    const read = await spa.evaluate((id) => window.spa.call('GET', `/assets/${id}`), mine.id);
    assert.equal(read.status, 200, JSON.stringify(read.body));
    assert.match(read.etag ?? '', /^"[^"]+"$/, 'the ETag header is readable by the script');

    // Update it with If-Match: a new ETag comes back
    const input = Object.fromEntries(inputProperties.filter((p) => p in read.body).map((p) => [p, read.body[p]]));
    const changed = { ...input, name: `${input.name} (checked from a browser app)` };
    const updated = await spa.evaluate(([id, etag, body]) =>
      window.spa.call('PUT', `/assets/${id}`, { body, headers: { 'If-Match': etag } }), [mine.id, read.etag, changed]);
    assert.equal(updated.status, 200, JSON.stringify(updated.body));
    restore = { id: mine.id, etag: updated.etag, input };
    assert.equal(updated.body.name, changed.name);
    assert.match(updated.etag ?? '', /^"[^"]+"$/);
    assert.notEqual(updated.etag, read.etag);

    // The old ETag is stale now: 412, and the script can read the problem
    const stale = await spa.evaluate(([id, etag, body]) =>
      window.spa.call('PUT', `/assets/${id}`, { body, headers: { 'If-Match': etag } }), [mine.id, read.etag, input]);
    assert.equal(stale.status, 412, JSON.stringify(stale.body));

    // Back as it was
    const restored = await spa.evaluate(([id, etag, body]) =>
      window.spa.call('PUT', `/assets/${id}`, { body, headers: { 'If-Match': etag } }), [mine.id, updated.etag, input]);
    assert.equal(restored.status, 200, JSON.stringify(restored.body));
    restore = null;
    assert.equal(restored.body.name, input.name);
    assert.notEqual(restored.etag, updated.etag);
  } catch (e) {
    await failureScreenshots();
    throw e;
  } finally {
    if (restore) {
      await spa.evaluate(([id, etag, body]) =>
        window.spa.call('PUT', `/assets/${id}`, { body, headers: { 'If-Match': etag } }),
      [restore.id, restore.etag, restore.input]).catch(() => {});
    }
  }
});

test('the same page on http://localhost:5174, an origin the API does not list, is refused by the browser', async () => {
  const allowed = await context.newPage();
  const unlisted = await context.newPage();
  const corsErrors = [];
  unlisted.on('console', (message) => {
    if (message.type() === 'error' && /blocked by CORS policy/.test(message.text())) corsErrors.push(message.text());
  });
  try {
    // A token for the calls, as the 5173 page gets one (Keycloak's SSO session may skip the login form)
    await logIn(allowed);
    const token = await allowed.evaluate(() => window.spa.token);

    await unlisted.goto(`${unlistedOrigin}/`);
    await unlisted.locator('#status', { hasText: 'logged out' }).waitFor();
    await unlisted.evaluate((t) => { window.spa.token = t; }, token);

    // With Authorization the browser preflights first: no Access-Control-Allow-Origin, so no request at all
    assert.match(await unlisted.evaluate(() => window.spa.attempt('GET', '/me')), /^TypeError: /);
    // Without it (no preflight) the request goes out, but the answer is kept from the script
    assert.match(await unlisted.evaluate(() => window.spa.attempt('GET', '/me', { anonymous: true })), /^TypeError: /);
    assert.ok(corsErrors.length >= 2, `Chromium reported the CORS refusals: ${JSON.stringify(corsErrors)}`);
    assert.ok(corsErrors.every((text) => text.includes(`from origin '${unlistedOrigin}'`)), corsErrors.join('\n'));

    // ...while the very same calls from the listed origin are answered
    assert.equal(await allowed.evaluate(() => window.spa.attempt('GET', '/me')), 'answered 200');
    assert.equal(await allowed.evaluate(() => window.spa.attempt('GET', '/me', { anonymous: true })), 'answered 401');
  } catch (e) {
    await failureScreenshots();
    throw e;
  }
});
