// The register's map: logs in through Keycloak (authorization code with PKCE S256, the realm's public client
// estatehub-ui, whose redirect URIs are the API's own origins), then draws GET /tiles/assets/{z}/{x}/{y}.mvt
// with the bearer token on a plain background: the build machines and many deployments have no route to a
// basemap, and the page is for exploring the API, not for navigation.
import { Map as MapLibreMap, NavigationControl, Popup } from './vendor/maplibre-gl/maplibre-gl.mjs';

const CLIENT_ID = 'estatehub-ui';
const here = new URL('./', window.location.href);
const redirectUri = here.href;
const api = here.origin + here.pathname.replace(/\/map\/$/, '');

// Where Keycloak is, as the browser reaches it: the contract served at /q/openapi carries the realm's
// browser-facing URLs in its `keycloak` security scheme (KeycloakUrlsFilter), so the page needs no
// configuration of its own.
async function endpoints() {
  const contract = await (await fetch(`${api}/q/openapi?format=json`)).json();
  const flow = contract.components.securitySchemes.keycloak.flows.authorizationCode;
  return { authorize: flow.authorizationUrl, token: flow.tokenUrl };
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(length) {
  return base64url(crypto.getRandomValues(new Uint8Array(length)));
}

// Tokens live in sessionStorage: gone with the tab, never sent anywhere but the API's Authorization header.
const store = {
  get: (key) => sessionStorage.getItem(`estatehub.map.${key}`),
  set: (key, value) => sessionStorage.setItem(`estatehub.map.${key}`, value),
  remove: (key) => sessionStorage.removeItem(`estatehub.map.${key}`),
};

async function startLogin(urls) {
  const verifier = randomText(48);
  const state = randomText(16);
  store.set('verifier', verifier);
  store.set('state', state);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const url = new URL(urls.authorize);
  url.search = new URLSearchParams({
    client_id: CLIENT_ID, response_type: 'code', scope: 'openid', redirect_uri: redirectUri, state,
    code_challenge: challenge, code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.href);
}

async function tokenRequest(urls, form) {
  const answer = await fetch(urls.token, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: CLIENT_ID, ...form }),
  });
  if (!answer.ok) throw new Error(`Keycloak answered ${answer.status} to the token request`);
  const tokens = await answer.json();
  store.set('access', tokens.access_token);
  if (tokens.refresh_token) store.set('refresh', tokens.refresh_token);
  store.set('expires', String(Date.now() + tokens.expires_in * 1000));
  return tokens.access_token;
}

/** The access token, after the login redirect's code exchange or from this tab's session; null: log in. */
async function accessToken(urls) {
  const params = new URLSearchParams(window.location.search);
  if (params.has('code')) {
    const expected = store.get('state');
    store.remove('state');
    window.history.replaceState(null, '', redirectUri);
    if (!expected || params.get('state') !== expected) throw new Error('The login answer does not match this tab\'s login');
    return tokenRequest(urls, {
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri,
      code_verifier: store.get('verifier'),
    });
  }
  const access = store.get('access');
  if (access && Number(store.get('expires')) > Date.now() + 10_000) return access;
  if (store.get('refresh')) {
    try {
      return await tokenRequest(urls, { grant_type: 'refresh_token', refresh_token: store.get('refresh') });
    } catch {
      store.remove('refresh');
    }
  }
  return null;
}

function claims(jwt) {
  return JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
}

// The contract's statuses and the legend's colours (ColorBrewer RdYlGn-like, purple for disposed).
const STATUS_COLOURS = ['match', ['get', 'status'],
  'OPERATIONAL', '#1a9641', 'UNDER_UTILISED', '#fdae61', 'SURPLUS', '#d7191c', 'DISPOSED', '#7b3294', '#000000'];

function tileUrl(includeDisposed) {
  return `${api}/tiles/assets/{z}/{x}/{y}.mvt${includeDisposed ? '?includeDisposed=true' : ''}`;
}

function showDetails(map, event) {
  const p = event.features[0].properties;
  const rows = [['Name', p.name], ['Status', p.status], ['Type', p.type], ['Owner', p.ownerPartnerId],
    ['Visibility', p.visibility], ['Authority', p.localAuthority],
    ['Utilisation', p.utilisationPercent === undefined ? 'unknown' : `${p.utilisationPercent}%`]];
  const list = document.createElement('dl');
  for (const [label, value] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value;
    list.append(dt, dd);
  }
  const link = document.createElement('a');
  link.href = `${api}/assets/${encodeURIComponent(p.id)}`;
  link.textContent = 'GET /assets/' + p.id;
  const box = document.createElement('div');
  box.append(list, link);
  new Popup().setLngLat(event.lngLat).setDOMContent(box).addTo(map);
}

async function main() {
  const urls = await endpoints();
  let token = await accessToken(urls);
  if (!token) {
    await startLogin(urls);
    return;
  }
  const me = claims(token);
  // The partner is the user's Keycloak organization (issue #18): the token lists its alias.
  const partners = Array.isArray(me.organization) ? me.organization : Object.keys(me.organization ?? {});
  document.getElementById('who').textContent = `${me.preferred_username} (${partners.join(', ') || 'no partner'})`;
  document.getElementById('logout').addEventListener('click', () => {
    sessionStorage.clear();
    const logout = new URL(urls.authorize.replace(/\/auth$/, '/logout'));
    logout.search = new URLSearchParams({ client_id: CLIENT_ID, post_logout_redirect_uri: redirectUri }).toString();
    window.location.assign(logout.href);
  });
  // Keycloak's access tokens last minutes: refreshed ahead of expiry so tile requests never carry a stale one.
  setInterval(async () => {
    if (Number(store.get('expires')) < Date.now() + 60_000) {
      token = (await accessToken(urls)) ?? token;
    }
  }, 20_000);

  const map = new MapLibreMap({
    container: 'map',
    center: [0.75, 51.2], // Kent, the demo partnership
    zoom: 8,
    maxZoom: 22,
    attributionControl: false,
    style: {
      version: 8,
      sources: {
        assets: { type: 'vector', tiles: [tileUrl(false)], minzoom: 0, maxzoom: 22 },
      },
      layers: [
        { id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } },
        {
          id: 'sites', type: 'fill', source: 'assets', 'source-layer': 'assets',
          filter: ['==', ['geometry-type'], 'Polygon'],
          paint: { 'fill-color': STATUS_COLOURS, 'fill-opacity': 0.5, 'fill-outline-color': STATUS_COLOURS },
        },
        {
          id: 'assets', type: 'circle', source: 'assets', 'source-layer': 'assets',
          filter: ['==', ['geometry-type'], 'Point'],
          paint: {
            'circle-color': STATUS_COLOURS,
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 2.5, 12, 5, 18, 8],
          },
        },
      ],
    },
    transformRequest: (url) => (url.startsWith(`${api}/tiles/`)
      ? { url, headers: { Authorization: `Bearer ${token}` } }
      : { url }),
  });
  map.addControl(new NavigationControl(), 'top-right');
  for (const layer of ['assets', 'sites']) {
    map.on('click', layer, (event) => showDetails(map, event));
    map.on('mouseenter', layer, () => { map.getCanvas().style.cursor = 'pointer'; });
    map.on('mouseleave', layer, () => { map.getCanvas().style.cursor = ''; });
  }
  document.getElementById('include-disposed').addEventListener('change', (event) => {
    map.getSource('assets').setTiles([tileUrl(event.target.checked)]);
  });
  // For tests and people alike: the page says when every tile in view is drawn.
  map.on('idle', () => { document.body.dataset.state = 'idle'; });
  map.on('dataloading', () => { document.body.dataset.state = 'loading'; });
  map.on('error', (event) => { console.error('map error', event.error?.message ?? event); });
  window.estatehubMap = map;
}

main().catch((error) => {
  document.body.dataset.state = 'failed';
  document.getElementById('who').textContent = `The map could not start: ${error.message}`;
  console.error(error);
});
