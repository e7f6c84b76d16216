// A small HTTP endpoint on 127.0.0.1 through which tests running inside the extension host ask the
// harness for what only the browser side can do: screenshots, reading the rendered workbench, keys.
import { mkdirSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Page } from './browserTypes';

export interface ControlServer {
  url: string;
  results: unknown[];
  close(): Promise<void>;
}

/** What Playwright says when a webview's frame is replaced, or its page reloaded, while it is being read. */
const WEBVIEW_REDRAWN = /Frame was detached|Cannot find context with specified id|Execution context was destroyed/;

type Handler = (body: Record<string, unknown>) => Promise<unknown>;

export async function startControlServer(page: () => Page | undefined, screenshotFolder: string): Promise<ControlServer> {
  const results: unknown[] = [];
  const handlers: Record<string, Handler> = {
    '/screenshot': async ({ name }) => {
      const file = path.join(screenshotFolder, `${String(name).replace(/[^\w.-]/g, '_')}.png`);
      mkdirSync(screenshotFolder, { recursive: true });
      await requirePage(page).screenshot({ path: file });
      return { file };
    },
    // Only what is shown: VS Code keeps hidden widgets (a closed input box) in the page.
    '/texts': async ({ selector, timeoutMs }) => {
      const locator = requirePage(page).locator(String(selector)).filter({ visible: true });
      if (timeoutMs) await locator.first().waitFor({ timeout: Number(timeoutMs) }).catch(() => undefined);
      return { texts: await locator.allInnerTexts() };
    },
    // Text inside the active webview (VS Code nests it in two iframes).
    '/webviewTexts': async ({ selector, timeoutMs }) => {
      const locator = activeWebview(requirePage(page)).locator(String(selector)).filter({ visible: true });
      if (timeoutMs) await locator.first().waitFor({ timeout: Number(timeoutMs) }).catch(() => undefined);
      // A webview redrawn (its frame replaced) while being read shows nothing yet: the caller's waitFor reads again.
      return { texts: await locator.allInnerTexts().catch((error: Error) => (WEBVIEW_REDRAWN.test(error.message) ? [] : Promise.reject(error))) };
    },
    // Focuses an element inside the active webview, without clicking it.
    '/focusInWebview': async ({ selector }) => {
      await activeWebview(requirePage(page)).locator(String(selector)).first().focus({ timeout: 10_000 });
      return {};
    },
    // The id of the element focused inside the active webview.
    '/webviewFocus': async () => ({ id: await activeWebview(requirePage(page)).locator('body').evaluate(() => document.activeElement?.id ?? '') }),
    '/click': async ({ selector, text, webview, button }) => {
      const current = requirePage(page);
      const locator = (webview ? activeWebview(current) : current).locator(String(selector));
      await (text ? locator.filter({ hasText: String(text) }) : locator).first().click({ timeout: 10_000, button: button === 'right' ? 'right' : 'left' });
      return {};
    },
    // Rests the mouse on an element: its hover (a status bar item's tooltip) shows.
    '/hover': async ({ selector, text }) => {
      const locator = requirePage(page).locator(String(selector));
      await (text ? locator.filter({ hasText: String(text) }) : locator).first().hover({ timeout: 10_000 });
      return {};
    },
    '/press': async ({ key }) => {
      await requirePage(page).keyboard.press(String(key));
      return {};
    },
    '/type': async ({ text }) => {
      await requirePage(page).keyboard.type(String(text));
      return {};
    },
    // Drags the right edge of an element (a sidebar, a panel) to make it wider or narrower.
    '/widen': async ({ selector, by }) => {
      const current = requirePage(page);
      const box = await current.locator(String(selector)).first().boundingBox();
      if (!box) throw new Error(`nothing matches ${String(selector)}`);
      // The sash sits on the element's right border, half outside it.
      const [x, y] = [box.x + box.width + 1, box.y + box.height / 2];
      await current.mouse.move(x, y);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the sash reacts to hover first
      await current.mouse.down();
      await current.mouse.move(x + Number(by), y, { steps: 8 });
      await current.mouse.up();
      await current.mouse.move(x + Number(by) + 150, y); // off the sash, so it is not drawn highlighted
      await new Promise((resolve) => setTimeout(resolve, 800));
      return {};
    },
    '/result': async (body) => {
      results.push(body);
      return {};
    },
  };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const handler = handlers[request.url ?? ''];
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (!handler || request.method !== 'POST') return reply(404, { error: `unknown control request ${request.method} ${request.url}` });
      Promise.resolve()
        .then(() => handler(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')))
        .then((result) => reply(200, result), (error: Error) => reply(500, { error: error.message }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    results,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** VS Code nests a webview's document in two iframes; playwright's locators pierce shadow DOM. */
function activeWebview(page: Page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

function requirePage(page: () => Page | undefined): Page {
  const current = page();
  if (!current) throw new Error('the workbench page is not open');
  return current;
}
