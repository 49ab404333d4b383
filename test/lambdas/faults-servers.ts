/**
 * Fault injection for the Lambda fault tests (issue 8). s3rver cannot fail on demand, so a tiny
 * HTTP proxy sits in front of it and answers the requests a test chooses with an error (503
 * SlowDown, 500 InternalError, a cut-off body) before passing the rest through. CloudWatch Logs
 * has no local server: a stub speaks just enough of its JSON protocol (GetLogEvents) to return
 * events, errors, raw bytes or a cut-off body.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What to do with one request: pass it through, or answer it. */
export type Fault =
  | 'pass'
  | { readonly status: number; readonly body: string | Buffer; readonly contentType?: string }
  /** Headers promise more bytes than are sent, then the connection closes. */
  | { readonly truncate: string | Buffer; readonly status?: number; readonly contentType?: string };

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
}

export interface FaultServer {
  readonly endpoint: string;
  /** Every request received, in order. */
  readonly seen: SeenRequest[];
  /** Decides each request's fate; replace it per test. */
  plan: (request: SeenRequest, index: number) => Fault;
  stop(): Promise<void>;
}

/** The XML error body S3 sends. */
export function s3Error(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>FAULT</RequestId></Error>`;
}

/** The first `times` requests matching `match` fail with `fault`; everything else passes. */
export function failFirst(times: number, fault: Fault, match: (r: SeenRequest) => boolean = () => true): FaultServer['plan'] {
  let failed = 0;
  return (request) => {
    if (!match(request) || failed >= times) return 'pass';
    failed++;
    return fault;
  };
}

function answer(res: http.ServerResponse, fault: Exclude<Fault, 'pass'>): void {
  if ('truncate' in fault) {
    const body = Buffer.from(fault.truncate);
    res.writeHead(fault.status ?? 200, { 'content-type': fault.contentType ?? 'application/octet-stream', 'content-length': String(body.length + 1000) });
    res.write(body, () => res.socket?.destroy());
    return;
  }
  const body = Buffer.from(fault.body);
  res.writeHead(fault.status, { 'content-type': fault.contentType ?? 'application/xml', 'content-length': String(body.length) });
  res.end(body);
}

/** A server on loopback that answers with `plan`, forwarding `'pass'` requests to `upstream` (when given). */
export async function startFaultServer(upstream?: string): Promise<FaultServer> {
  const seen: SeenRequest[] = [];
  const target = upstream ? new URL(upstream) : undefined;
  const state: FaultServer = {
    endpoint: '',
    seen,
    plan: () => 'pass',
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server = http.createServer((req, res) => {
    const request = { method: req.method ?? 'GET', url: req.url ?? '/' };
    seen.push(request);
    const fault = state.plan(request, seen.length - 1);
    if (fault !== 'pass') {
      req.resume();
      answer(res, fault);
      return;
    }
    if (!target) {
      answer(res, { status: 501, body: 'no upstream' });
      return;
    }
    const forward = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  (state as { endpoint: string }).endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

/** A GetLogEvents answer holding `messages` (raw bytes allowed, to send invalid UTF-8). */
export function logEvents(...messages: (string | Buffer)[]): Fault {
  const parts = messages.map((m, i) => {
    const message = Buffer.isBuffer(m) ? Buffer.concat([Buffer.from('"'), m, Buffer.from('"')]) : Buffer.from(JSON.stringify(m));
    return Buffer.concat([Buffer.from(`{"timestamp":${1718000000000 + i},"ingestionTime":${1718000000500 + i},"message":`), message, Buffer.from('}')]);
  });
  const events = parts.flatMap((p, i) => (i === 0 ? [p] : [Buffer.from(','), p]));
  const body = Buffer.concat([Buffer.from('{"events":['), ...events, Buffer.from('],"nextForwardToken":"f/1","nextBackwardToken":"b/1"}')]);
  return { status: 200, body, contentType: 'application/x-amz-json-1.1' };
}

/** A CloudWatch Logs error (JSON protocol). */
export function logsError(status: number, type: string, message: string): Fault {
  return { status, body: JSON.stringify({ __type: type, message }), contentType: 'application/x-amz-json-1.1' };
}
