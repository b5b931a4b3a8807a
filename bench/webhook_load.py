#!/usr/bin/env python3
"""Webhook latency benchmark and receiver-down drill (bench/webhooks.sh runs it; README "Webhooks").

A receiver (an HTTP server here, verifying every signature) and a writer creating assets at a fixed rate
through the API. Latency: from the writer's 201 (the write has committed when the API answers) to the
receiver's receipt of the asset's CREATED delivery. Faults: the receiver stops for --down-for seconds at
--down-at; counted afterwards are events written vs delivered, duplicate receipts (by webhook-id; a retry
after an answer that was lost counts, an instance sending one attempt twice would too) and the time from
the receiver's restart until the last missing event has arrived.
"""
import argparse, base64, hashlib, hmac, json, statistics, sys, threading, time, urllib.parse, urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

p = argparse.ArgumentParser()
p.add_argument("--api", required=True)
p.add_argument("--realm", required=True)
p.add_argument("--mode", choices=["latency", "faults"], default="latency")
p.add_argument("--rate", type=float, default=50)
p.add_argument("--seconds", type=float, default=60)
p.add_argument("--receiver-port", type=int, default=8481)
p.add_argument("--down-at", type=float, default=30)
p.add_argument("--down-for", type=float, default=120)
p.add_argument("--catch-up-limit", type=float, default=900)
a = p.parse_args()

def token():
    form = urllib.parse.urlencode({"grant_type": "password", "client_id": "estatehub-cli",
                                   "username": "maidstone.editor", "password": "demo"}).encode()
    with urllib.request.urlopen(a.realm + "/protocol/openid-connect/token", form, timeout=30) as r:
        return json.load(r)["access_token"]

TOKEN = [token(), time.time()]

def call(method, path, body=None, headers=None):
    if time.time() - TOKEN[1] > 240:
        TOKEN[:] = [token(), time.time()]
    h = {"Authorization": "Bearer " + TOKEN[0], "Content-Type": "application/json", "Accept": "application/json"}
    h.update(headers or {})
    req = urllib.request.Request(a.api + path, json.dumps(body).encode() if body is not None else None, h, method=method)
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, dict(r.headers), (json.load(r) if r.status != 204 else None)

lock = threading.Lock()
received = []          # (webhook-id, entityId, monotonic receipt time)
bad_signatures = [0]
secret = [None]

class Hook(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        at = time.monotonic()
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        wid, ts = self.headers.get("webhook-id"), self.headers.get("webhook-timestamp")
        key = base64.b64decode(secret[0][len("whsec_"):])
        expected = "v1," + base64.b64encode(hmac.new(key, f"{wid}.{ts}.".encode() + body, hashlib.sha256).digest()).decode()
        if expected not in self.headers.get("webhook-signature", "").split(" "):
            with lock:
                bad_signatures[0] += 1
            self.send_response(401); self.end_headers(); return
        entity = json.loads(body)["data"]["entityId"]
        with lock:
            received.append((wid, entity, at))
        self.send_response(204); self.end_headers()

server = [None]
def receiver_up():
    s = ThreadingHTTPServer(("127.0.0.1", a.receiver_port), Hook)
    s.daemon_threads = True
    threading.Thread(target=s.serve_forever, daemon=True).start()
    server[0] = s

def receiver_down():
    server[0].shutdown(); server[0].server_close()

receiver_up()
status, headers, sub = call("POST", "/webhook-subscriptions", {"url": f"http://localhost:{a.receiver_port}/hooks",
                                                               "eventTypes": ["CREATED"], "description": "bench"})
secret[0] = sub["secret"]

start_tag = str(int(time.time()))
committed = {}          # asset id -> monotonic time of the 201
failed_writes = [0]
def write(i):
    body = {"name": f"Webhook bench {i}", "assetType": "OFFICE", "landOnly": False,
            "address": {"street": "1 Bench Street", "town": "Maidstone", "postcode": "ME14 1XQ"},
            "localAuthority": "E07000110", "location": {"latitude": 51.27, "longitude": 0.52}, "tenure": "FREEHOLD",
            "status": "OPERATIONAL", "visibility": "PARTNERSHIP", "sharedWorkspaceDesks": 0,
            "ownReference": f"WB-{start_tag}-{i}"}
    try:
        st, _, asset = call("POST", "/assets", body)
        with lock:
            committed[asset["id"]] = time.monotonic()
    except Exception as e:
        with lock:
            failed_writes[0] += 1
            if failed_writes[0] <= 3:
                detail = e.read().decode()[:300] if hasattr(e, "read") else ""
                print(f"write {i} failed: {e} {detail}", file=sys.stderr)

start = time.monotonic()
down_at = up_at = None
n = int(a.rate * a.seconds)
with ThreadPoolExecutor(16) as pool:
    for i in range(n):
        due = start + i / a.rate
        now = time.monotonic()
        if due > now:
            time.sleep(due - now)
        if a.mode == "faults":
            t = time.monotonic() - start
            if down_at is None and t >= a.down_at:
                receiver_down(); down_at = time.monotonic()
                print(f"receiver down at {t:.1f} s", file=sys.stderr)
            if down_at is not None and up_at is None and t >= a.down_at + a.down_for:
                receiver_up(); up_at = time.monotonic()
                print(f"receiver up at {t:.1f} s", file=sys.stderr)
        pool.submit(write, i)
writes_done = time.monotonic()
if a.mode == "faults" and up_at is None:
    wait = start + a.down_at + a.down_for - time.monotonic()
    if down_at is None:
        receiver_down(); down_at = time.monotonic()
    if wait > 0:
        time.sleep(wait)
    receiver_up(); up_at = time.monotonic()

def missing():
    with lock:
        got = {e for _, e, _ in received}
        return [x for x in committed if x not in got]

deadline = time.monotonic() + a.catch_up_limit
while missing() and time.monotonic() < deadline:
    time.sleep(0.2)
caught_up = time.monotonic()

with lock:
    first = {}
    for wid, entity, at in received:
        first.setdefault(entity, at)
    ids = [wid for wid, _, _ in received]
latencies = sorted((first[x] - t) * 1000 for x, t in committed.items() if x in first)
def pct(q):
    return latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else float("nan")
result = {
    "mode": a.mode, "rate_per_s": a.rate, "seconds": a.seconds,
    "written": len(committed), "failed_writes": failed_writes[0],
    "delivered_distinct": len(first), "missing": len(missing()),
    "receipts": len(ids), "duplicate_receipts": len(ids) - len(set(ids)), "bad_signatures": bad_signatures[0],
    "achieved_write_rate": round(len(committed) / max(0.001, writes_done - start), 1),
    "latency_ms_p50": round(pct(0.50), 1), "latency_ms_p95": round(pct(0.95), 1),
    "latency_ms_p99": round(pct(0.99), 1), "latency_ms_max": round(latencies[-1], 1) if latencies else None,
}
if a.mode == "faults":
    result["receiver_down_s"] = round(up_at - down_at, 1)
    result["catch_up_s_after_receiver_up"] = round(caught_up - up_at, 1)
    before = [x for x, t in committed.items() if t < down_at]
    result["written_before_down"] = len(before)
    result["written_while_down"] = len([x for x, t in committed.items() if down_at <= t < up_at])
print(json.dumps(result))
# The subscription stays: its delivery log and attempts are counted by bench/webhooks.sh afterwards.
receiver_down()
