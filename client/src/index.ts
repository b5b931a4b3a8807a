// Typed EstateHub client: paths and schemas are generated from openapi/estatehub.yaml
// (npm run generate -> src/generated/estatehub.ts), requests go through openapi-fetch.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './generated/estatehub.js';

export type { components, paths };
export type Me = components['schemas']['Me'];
export type Partner = components['schemas']['Partner'];
export type Asset = components['schemas']['Asset'];
export type LocalAuthority = components['schemas']['LocalAuthority'];
export type Problem = components['schemas']['Problem'];

/** A client for the API at baseUrl that sends the given bearer token (user or partner system). */
export function createEstateHubClient(baseUrl: string, accessToken: string) {
  const client = createClient<paths>({ baseUrl });
  const bearer: Middleware = {
    onRequest({ request }) {
      request.headers.set('Authorization', `Bearer ${accessToken}`);
      return request;
    },
  };
  client.use(bearer);
  return client;
}

/** Password grant through the public test client estatehub-cli (demo users, scripts and CI only). */
export async function passwordGrantToken(realmUrl: string, username: string, password: string,
    clientId = 'estatehub-cli'): Promise<string> {
  const response = await fetch(`${realmUrl.replace(/\/$/, '')}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: clientId, username, password, scope: 'openid' }),
  });
  if (!response.ok) {
    throw new Error(`token request for ${username} failed: HTTP ${response.status} ${await response.text()}`);
  }
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error('token response without access_token');
  return body.access_token;
}
export { sign as signWebhook, startReceiver as startWebhookReceiver, verifyWebhook, type WebhookHeaders, type WebhookPayload } from './webhooks.js';
