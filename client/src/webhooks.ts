// Verifying EstateHub webhooks (Standard Webhooks signatures), with node:crypto only.
//
// Every delivery is a POST with the headers webhook-id, webhook-timestamp (seconds since the epoch) and
// webhook-signature: one or more space-separated "v1,<base64 HMAC-SHA256>" (two during a secret
// rotation's overlap). The signed content is `${id}.${timestamp}.${body}`, the key the base64 after
// "whsec_" in the subscription's secret. Verify the raw body bytes as received, before parsing them.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface WebhookHeaders {
  'webhook-id'?: string;
  'webhook-timestamp'?: string;
  'webhook-signature'?: string;
}

/** The delivery's body: the change feed's event (GET /events' item) and the feed cursor right after it. */
export interface WebhookPayload {
  type: string;
  timestamp: string;
  cursor: string;
  data: { entityType: string; entityId: string; action: string; occurredAt: string; partnerId?: string;
    changes?: Record<string, { from?: unknown; to?: unknown }> };
}

export function sign(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return 'v1,' + createHmac('sha256', key).update(`${id}.${timestamp}.${body}`, 'utf8').digest('base64');
}

/**
 * True when one of the signatures is the secret's for this id, timestamp and body, and the timestamp is
 * within `toleranceSeconds` of now (a replayed old request is refused). Compared in constant time.
 */
export function verifyWebhook(secret: string, headers: WebhookHeaders, body: string,
    toleranceSeconds = 300, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures || !/^[0-9]+$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(sign(secret, id, timestamp, body));
  return signatures.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/**
 * A minimal receiver: answers 204 to verified deliveries (once per webhook-id: deliveries are at least once,
 * so a retry of one already handled is acknowledged and dropped), 401 to anything else.
 */
export function startReceiver(port: number, secret: () => string,
    onEvent: (event: WebhookPayload, id: string) => void): Promise<Server> {
  const seen = new Set<string>();
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = req.headers as WebhookHeaders;
      if (req.method !== 'POST' || !verifyWebhook(secret(), headers, body)) {
        res.writeHead(401).end();
        return;
      }
      const id = headers['webhook-id']!;
      if (!seen.has(id)) {
        seen.add(id);
        onEvent(JSON.parse(body) as WebhookPayload, id);
      }
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
