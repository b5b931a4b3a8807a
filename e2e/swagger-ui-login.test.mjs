// End-to-end: Swagger UI logs in through the real Keycloak (authorization code + PKCE, public client
// estatehub-ui) and calls GET /me as that user. Runs headless Chromium from Debian (/usr/bin/chromium)
// through playwright-core; no browser download.
//
//   ESTATEHUB_URL=http://localhost:8090 npm test
//
// Environment: ESTATEHUB_URL (the running API), ESTATEHUB_OIDC_URL (the realm the API trusts, default
// http://localhost:8180/realms/estatehub), CHROMIUM (default /usr/bin/chromium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { claims, launchBrowser, routeApi, routedFlags, signIn } from './browser.mjs';

const base = (process.env.ESTATEHUB_URL ?? 'http://localhost:8090').replace(/\/$/, '');
// The origin the browser is shown (default ESTATEHUB_URL): see routeApi in browser.mjs.
const browserBase = (process.env.ESTATEHUB_BROWSER_URL ?? base).replace(/\/$/, '');
const realm = (process.env.ESTATEHUB_OIDC_URL ?? 'http://localhost:8180/realms/estatehub').replace(/\/$/, '');
const username = 'maidstone.editor';
const password = 'demo';
const results = new URL('./test-results/', import.meta.url).pathname;

let browser;
let context;

before(async () => {
  browser = await launchBrowser('estatehub-e2e-', browserBase === base ? [] : routedFlags);
  context = browser.context;
  await routeApi(context, { shown: browserBase, base, keycloak: new URL(realm).origin });
});

after(async () => {
  await browser?.close();
});

test('Swagger UI: Authorize through Keycloak as maidstone.editor, then GET /me', async () => {
  const page = await context.newPage();
  const meRequests = [];
  page.on('request', (request) => {
    if (request.url() === `${browserBase}/me`) meRequests.push(request);
  });
  try {
    await page.goto(`${browserBase}/q/swagger-ui/`);
    await page.locator('.information-container .title', { hasText: 'EstateHub API' }).waitFor();

    // Authorize -> the `keycloak` scheme (OAuth2 authorization code + PKCE, client estatehub-ui)
    await page.locator('.auth-wrapper button.authorize').click();
    const keycloakScheme = page.locator('.auth-container')
      .filter({ has: page.locator('h4', { hasText: /^keycloak\b/ }) });
    await keycloakScheme.waitFor();
    assert.match(await keycloakScheme.innerText(), /Authorization Code/i);
    assert.match(await keycloakScheme.innerText(), new RegExp(`${realm}/protocol/openid-connect/auth`));
    const [login] = await Promise.all([
      context.waitForEvent('page'),
      keycloakScheme.locator('button.authorize').click(),
    ]);

    // The real Keycloak login page
    // Swagger UI opens the window first and navigates it to Keycloak after.
    await login.waitForURL((url) => url.href.startsWith(`${realm}/protocol/openid-connect/auth?`));
    const authParams = new URL(login.url()).searchParams;
    assert.equal(authParams.get('client_id'), 'estatehub-ui');
    assert.equal(authParams.get('response_type'), 'code');
    assert.equal(authParams.get('code_challenge_method'), 'S256');
    // Keycloak redirects to /q/swagger-ui/oauth2-redirect.html, which hands the code back and closes
    // the window, possibly before click() returns: listen for the close first.
    const closed = login.isClosed() ? Promise.resolve() : login.waitForEvent('close', { timeout: 30_000 });
    await signIn(login, username, password, { noWaitAfter: true });
    await closed;

    // Swagger UI exchanged the code for a token: the scheme now offers Logout
    await keycloakScheme.locator('button', { hasText: 'Logout' }).waitFor();
    await page.locator('.modal-ux button.btn-done, .modal-ux button.close-modal').first().click();

    // GET /me -> Try it out -> Execute
    const me = page.locator('#operations-Me-getMe');
    await me.locator('.opblock-summary').click();
    await me.locator('button.try-out__btn').click();
    await me.locator('button.execute').click();
    const live = me.locator('.live-responses-table');
    await live.waitFor();
    const status = (await live.locator('.response .response-col_status').first().innerText()).trim();
    const body = await live.locator('.response-col_description pre.microlight, .response-col_description .microlight').first().innerText();
    assert.equal(status, '200', `status ${status}, body ${body}`);
    const shown = JSON.parse(body);
    assert.equal(shown.username, username);
    assert.equal(shown.subjectType, 'USER');
    assert.equal(shown.partnerId, 'maidstone');
    assert.equal(shown.partner.name, 'Maidstone Borough Council');
    assert.ok(shown.roles.includes('partner-editor'), JSON.stringify(shown.roles));

    // ...and the call really carried the token Keycloak issued to estatehub-ui for this user
    assert.equal(meRequests.length, 1);
    const authorization = await meRequests[0].headerValue('authorization');
    assert.match(authorization ?? '', /^Bearer /);
    const token = claims(authorization.slice('Bearer '.length));
    assert.equal(token.iss, realm);
    assert.equal(token.azp, 'estatehub-ui');
    assert.equal(token.preferred_username, username);
    // The partner is the user's Keycloak organization (issue #18), all of them asked for (organization:*)
    assert.deepEqual(token.organization, ['maidstone']);
    assert.equal(token.partner_id, undefined);
    assert.match(token.scope, /(^| )organization:\*( |$)/);
  } catch (e) {
    mkdirSync(results, { recursive: true });
    for (const [i, p] of context.pages().entries()) {
      await p.screenshot({ path: join(results, `failure-${i}.png`), fullPage: true }).catch(() => {});
    }
    throw e;
  }
});
