#!/usr/bin/env node
// Declares the headers and the 429 every EstateHub answer can carry (issue #14, web hardening), by plain
// text insertion so the contract's layout, comments and order stay as they are:
//   - components/headers XContentTypeOptions, CacheControl, RateLimit, RateLimitPolicy and
//     components/responses TooManyRequests, when missing;
//   - in every response that declares X-Request-Id (all of them: the pass fails on one that does not),
//     the four header refs right after it, those it lacks;
//   - a 429 on every operation that has none (TooManyRequests; an operation's own 429, such as the
//     import's ImportInProgress, is kept);
//   - the info description's "Limits of every answer" paragraph.
// Idempotent: a second run changes nothing, so it can be re-run after merging other contract changes.
//   node contract/standard-answers.mjs openapi/estatehub.yaml
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node contract/standard-answers.mjs openapi/estatehub.yaml');
  process.exit(2);
}
const original = readFileSync(file, 'utf8');
let lines = original.split('\n');

const HEADERS = [
  ['X-Content-Type-Options', 'XContentTypeOptions'],
  ['Cache-Control', 'CacheControl'],
  ['RateLimit-Policy', 'RateLimitPolicy'],
  ['RateLimit', 'RateLimit'],
];

const COMPONENT_HEADERS = {
  XContentTypeOptions: `    XContentTypeOptions:
      description: |
        Always \`nosniff\`: the body is only ever what its Content-Type says (every answer carries it, /q
        included).
      schema:
        type: string
        enum: [nosniff]`,
  CacheControl: `    CacheControl:
      description: |
        Always \`no-store\` on the API's answers: they are one caller's view of partner data, which no
        shared cache or browser back/forward cache may keep.
      schema:
        type: string
        enum: [no-store]`,
  RateLimitPolicy: `    RateLimitPolicy:
      description: |
        The caller's rate limit (draft-ietf-httpapi-ratelimit-headers-10), the same on every answer:
        \`"default";q=<burst>;w=<seconds>\`, a bucket of \`q\` requests that refills from empty in \`w\`
        seconds (by default \`"default";q=200;w=4\`: bursts of 200, 50 a second sustained). On every
        answer except those refused before the caller is known (413 by Content-Length).
      schema:
        type: string
      example: '"default";q=200;w=4'`,
  RateLimit: `    RateLimit:
      description: |
        What is left of the caller's rate limit after this request (draft-ietf-httpapi-ratelimit-headers-10):
        \`"default";r=<requests left now>;t=<seconds until the bucket is full again>\`. Pace requests so
        that \`r\` stays above 0.
      schema:
        type: string
      example: '"default";r=199;t=1'`,
};

const TOO_MANY_REQUESTS = `    TooManyRequests:
      description: |
        Over the caller's rate limit (RateLimit-Policy; README "Limits"): nothing was done. Retry after
        \`Retry-After\` seconds.
      headers:
        Retry-After:
          $ref: '#/components/headers/RetryAfter'
        X-Request-Id:
          $ref: '#/components/headers/RequestId'
      content:
        application/problem+json:
          schema:
            $ref: '#/components/schemas/Problem'
          examples:
            rateLimited:
              value:
                type: https://estatehub.example/problems/rate-limited
                title: Too many requests
                status: 429
                detail: Over the rate limit of 200 requests at once, refilled at 50 per second, per caller (README "Limits"). Nothing was done; retry after 1 s.
                instance: /assets`;

const INFO_MARKER = '**Limits of every answer.**';
const INFO_PARAGRAPH = `
    ${INFO_MARKER} Every answer carries \`X-Content-Type-Options: nosniff\`, and every answer of an
    operation \`Cache-Control: no-store\`. Each caller (a partner system by its client, a user by the
    token's subject, a request without a valid token by its address) has a rate limit, by default bursts
    of 200 requests refilled at 50 a second: every answer says where the caller stands in \`RateLimit\`
    and \`RateLimit-Policy\` (draft-ietf-httpapi-ratelimit-headers-10), and a request over the limit is
    refused with 429 \`rate-limited\` and \`Retry-After\`. A method a path does not have (\`PATCH /assets\`)
    is 405 \`method-not-allowed\` with \`Allow\` naming the methods it does have (HEAD with GET, and
    OPTIONS); 405 is not listed under each operation because no operation exists for such a method.`;

const indent = (line) => line.length - line.trimStart().length;
const isBlankOrComment = (line) => line.trim() === '' || line.trim().startsWith('#');

// End (exclusive) of the block that starts at `start`: the first later non-blank line indented <= its own.
function blockEnd(start) {
  const own = indent(lines[start]);
  let i = start + 1;
  while (i < lines.length && (isBlankOrComment(lines[i]) || indent(lines[i]) > own)) i++;
  return i;
}

function findLine(regex, from = 0, to = lines.length) {
  for (let i = from; i < to; i++) if (regex.test(lines[i])) return i;
  return -1;
}

// --- components/headers and components/responses ------------------------------------------------------
const components = findLine(/^components:\s*$/);
if (components < 0) throw new Error('no components section');
const componentsEnd = blockEnd(components);
const headers = findLine(/^  headers:\s*$/, components, componentsEnd);
if (headers < 0) throw new Error('no components/headers');
for (const name of ['XContentTypeOptions', 'CacheControl', 'RateLimitPolicy', 'RateLimit']) {
  const end = blockEnd(headers);
  if (findLine(new RegExp(`^    ${name}:\\s*$`), headers, end) < 0) {
    lines.splice(end, 0, ...COMPONENT_HEADERS[name].split('\n'));
  }
}
const responses = findLine(/^  responses:\s*$/, components);
if (responses < 0) throw new Error('no components/responses');
if (findLine(/^    TooManyRequests:\s*$/, responses, blockEnd(responses)) < 0) {
  lines.splice(blockEnd(responses), 0, ...TOO_MANY_REQUESTS.split('\n'));
}

// --- the headers of every response -----------------------------------------------------------------------
let missingRequestId = [];
for (let i = 0; i < lines.length; i++) {
  if (!/^\s+headers:\s*$/.test(lines[i]) || indent(lines[i]) <= 2) continue;
  const end = blockEnd(i);
  const child = indent(lines[i]) + 2;
  const keys = new Map();
  for (let j = i + 1; j < end; j++) {
    if (indent(lines[j]) === child && /^\s*[A-Za-z0-9-]+:\s*$/.test(lines[j])) keys.set(lines[j].trim().slice(0, -1), j);
  }
  if (!keys.has('X-Request-Id')) {
    missingRequestId.push(`line ${i + 1}`);
    continue;
  }
  const at = blockEnd(keys.get('X-Request-Id'));
  const pad = ' '.repeat(child);
  const added = [];
  for (const [header, ref] of HEADERS) {
    if (!keys.has(header)) added.push(`${pad}${header}:`, `${pad}  $ref: '#/components/headers/${ref}'`);
  }
  lines.splice(at, 0, ...added);
}
if (missingRequestId.length) {
  throw new Error(`responses without X-Request-Id (add it first): ${missingRequestId.join(', ')}`);
}

// --- a 429 on every operation ------------------------------------------------------------------------
const paths = findLine(/^paths:\s*$/);
for (let i = paths + 1; i < blockEnd(paths); i++) {
  if (!/^      responses:\s*$/.test(lines[i])) continue;
  const end = blockEnd(i);
  let insertAt = end;
  let has429 = false;
  for (let j = i + 1; j < end; j++) {
    const m = /^        '?(\d{3}|default)'?:\s*/.exec(lines[j]);
    if (!m) continue;
    if (m[1] === '429') has429 = true;
    if (insertAt === end && m[1] !== 'default' && Number(m[1]) > 429) insertAt = j;
    if (insertAt === end && m[1] === 'default') insertAt = j;
  }
  if (!has429) {
    lines.splice(insertAt, 0, "        '429':", "          $ref: '#/components/responses/TooManyRequests'");
  }
}

// --- the info description -------------------------------------------------------------------------------
if (!lines.some((line) => line.includes(INFO_MARKER))) {
  const info = findLine(/^info:\s*$/);
  const description = findLine(/^  description: \|\s*$/, info, blockEnd(info));
  if (description < 0) throw new Error('info.description must be a literal block (|)');
  let end = blockEnd(description);
  while (lines[end - 1].trim() === '') end--;
  lines.splice(end, 0, ...INFO_PARAGRAPH.split('\n'));
}

const result = lines.join('\n');
if (result !== original) {
  writeFileSync(file, result);
  console.log(`${file}: standard answers added`);
} else {
  console.log(`${file}: already complete, unchanged`);
}
