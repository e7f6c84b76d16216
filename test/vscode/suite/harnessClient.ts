// What tests inside the extension host ask of the harness outside (see test/vscode/control.ts).
const harnessUrl = process.env.EHEALTH_HARNESS_URL;

async function ask<T>(request: string, body: Record<string, unknown> = {}): Promise<T> {
  if (!harnessUrl) throw new Error('EHEALTH_HARNESS_URL is not set: run this suite through "npm run test:vscode"');
  const response = await fetch(`${harnessUrl}${request}`, { method: 'POST', body: JSON.stringify(body) });
  const answer = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(`harness ${request}: ${answer.error ?? response.status}`);
  return answer;
}

/** Saves a PNG of the whole workbench (docs/screenshots with --update-screenshots). */
export function screenshot(name: string): Promise<{ file: string }> {
  return ask('/screenshot', { name });
}

/** The rendered text of every element matching a CSS selector in the workbench page. */
export async function renderedTexts(selector: string, timeoutMs = 0): Promise<string[]> {
  return (await ask<{ texts: string[] }>('/texts', { selector, timeoutMs })).texts;
}

/** The rendered text of elements inside the active webview. */
export async function webviewTexts(selector: string, timeoutMs = 0): Promise<string[]> {
  return (await ask<{ texts: string[] }>('/webviewTexts', { selector, timeoutMs })).texts;
}

/** Focuses the first element matching `selector` inside the active webview, without clicking it. */
export function focusInWebview(selector: string): Promise<void> {
  return ask('/focusInWebview', { selector });
}

/** The id of the element focused inside the active webview ('' for none). */
export async function webviewFocus(): Promise<string> {
  return (await ask<{ id: string }>('/webviewFocus', {})).id;
}

/** Clicks the first element matching `selector` (and containing `text`, if given). */
export function click(selector: string, text?: string): Promise<void> {
  return ask('/click', { selector, ...(text ? { text } : {}) });
}

/** Right-clicks it: opens its context menu. */
export function rightClick(selector: string, text?: string): Promise<void> {
  return ask('/click', { selector, button: 'right', ...(text ? { text } : {}) });
}

/**
 * Opens the context menu of the first row matching `selector` and showing `text`; its items once shown.
 * A list redrawn between finding the row and the click (a new answer arriving) puts another row under
 * the pointer, or none: the menu counts only once the row it was opened on (the tree focuses it) shows
 * `text`; otherwise it is closed and the row right-clicked again.
 */
export function contextMenuOf(selector: string, text: string, timeoutMs = 30_000): Promise<string[]> {
  const items = async () => {
    const shown = (await renderedTexts('.context-view .action-label')).map((item) => item.trim()).filter(Boolean);
    return shown.length ? shown : undefined;
  };
  return waitFor(
    `the context menu of "${text}"`,
    async () => {
      await rightClick(selector, text);
      const shown = await waitFor('a context menu', items, 3_000).catch(() => undefined);
      const target = await renderedTexts(`${selector}.focused`);
      if (shown && target.some((row) => row.includes(text))) return shown;
      if (shown) await pressKey('Escape');
      return undefined;
    },
    timeoutMs,
  );
}

/** The items of that context menu, then closed (after `whileOpen`, a screenshot of it say). */
export async function contextMenuItems(selector: string, text: string, whileOpen?: () => Promise<unknown>): Promise<string[]> {
  const items = await contextMenuOf(selector, text);
  await whileOpen?.();
  await pressKey('Escape');
  return items;
}

/** Rests the mouse on the first element matching `selector` (and containing `text`): its hover shows. */
export function hover(selector: string, text?: string): Promise<void> {
  return ask('/hover', { selector, ...(text ? { text } : {}) });
}

/** The same inside the active webview. */
export function clickInWebview(selector: string, text?: string): Promise<void> {
  return ask('/click', { selector, webview: true, ...(text ? { text } : {}) });
}

/** Drags the right edge of the first element matching `selector` by `by` pixels. */
export function widen(selector: string, by: number): Promise<void> {
  return ask('/widen', { selector, by });
}

export function pressKey(key: string): Promise<void> {
  return ask('/press', { key });
}

export function typeText(text: string): Promise<void> {
  return ask('/type', { text });
}

export function reportResult(result: Record<string, unknown>): Promise<void> {
  return ask('/result', result);
}

/** Polls until `probe` returns a value (not undefined/false) or the time is up. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
