// A loopback proxy in front of the sandbox that lets most exchanges through and meddles with the one
// named by its SOAPAction: answers it itself (hostile, huge, malformed, an error status), cuts the
// connection, or never answers; before or after the sandbox has seen the request. It plays the
// network and the answers users meet, so the procedures are tested against them for real.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Meddling =
  | { answer: string; status?: number }
  | { huge: true }
  | { cut: true; afterForwarding?: boolean }
  | { silence: true };

export interface Meddler {
  url: string;
  /** Meddles with the next exchange whose SOAPAction ends with `action` (case-insensitive). */
  on(action: string, meddling: Meddling): void;
  /** SOAPActions seen, in order. */
  seen: string[];
  close(): Promise<void>;
}

const body = (request: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });

export async function startMeddler(target: string): Promise<Meddler> {
  const rules = new Map<string, Meddling>();
  const seen: string[] = [];

  async function forward(request: IncomingMessage, payload: Buffer): Promise<{ status: number; type: string; text: string }> {
    const answer = await fetch(new URL(request.url ?? '/', target), {
      method: request.method,
      headers: { 'Content-Type': String(request.headers['content-type'] ?? 'text/xml'), SOAPAction: String(request.headers.soapaction ?? '') },
      ...(payload.length ? { body: new Uint8Array(payload) } : {}),
    });
    return { status: answer.status, type: answer.headers.get('content-type') ?? 'text/xml', text: await answer.text() };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const action = String(request.headers.soapaction ?? '').replace(/"/g, '');
    seen.push(action);
    const payload = await body(request);
    const key = [...rules.keys()].find((suffix) => action.toLowerCase().endsWith(suffix.toLowerCase()));
    const meddling = key === undefined ? undefined : rules.get(key);
    if (key !== undefined) rules.delete(key);
    if (!meddling || ('cut' in meddling && meddling.afterForwarding)) {
      const answer = await forward(request, payload);
      if (meddling) return void request.socket.destroy();
      return void response.writeHead(answer.status, { 'Content-Type': answer.type }).end(answer.text);
    }
    if ('silence' in meddling) return;
    if ('cut' in meddling) return void request.socket.destroy();
    if ('huge' in meddling) {
      response.writeHead(200, { 'Content-Type': 'text/xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      for (let sent = 0; sent < 4 * 1024 * 1024; sent += chunk.length) response.write(chunk);
      return void response.end();
    }
    response.writeHead(meddling.status ?? 200, { 'Content-Type': 'text/xml; charset=utf-8' }).end(meddling.answer);
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => request.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    on: (action, meddling) => void rules.set(action, meddling),
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
