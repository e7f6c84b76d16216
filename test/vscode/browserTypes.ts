// The few playwright-core shapes the harness uses. playwright-core is installed on demand into the
// harness cache (not a project dependency), so its types are not available to the type checker.
export interface Page {
  screenshot(options: { path: string; fullPage?: boolean }): Promise<Buffer>;
  locator(selector: string): Locator;
  keyboard: { press(key: string): Promise<void>; type(text: string): Promise<void> };
  mouse: { move(x: number, y: number, options?: { steps: number }): Promise<void>; down(): Promise<void>; up(): Promise<void> };
  goto(url: string): Promise<unknown>;
  frameLocator(selector: string): FrameLocator;
  exposeFunction(name: string, callback: (...args: unknown[]) => unknown): Promise<void>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
}

export interface FrameLocator {
  frameLocator(selector: string): FrameLocator;
  locator(selector: string): Locator;
}

export interface Locator {
  first(): Locator;
  filter(options: { hasText?: string; visible?: boolean }): Locator;
  click(options?: { timeout: number; button?: 'left' | 'right' }): Promise<void>;
  hover(options?: { timeout: number }): Promise<void>;
  focus(options?: { timeout: number }): Promise<void>;
  evaluate<R>(fn: () => R): Promise<R>;
  waitFor(options: { timeout: number }): Promise<void>;
  allInnerTexts(): Promise<string[]>;
  boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null>;
}

export interface BrowserContext {
  pages(): Page[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export interface Playwright {
  chromium: {
    launchPersistentContext(
      userDataDir: string,
      options: { executablePath: string; headless: boolean; args: string[]; env: NodeJS.ProcessEnv; viewport: { width: number; height: number } },
    ): Promise<BrowserContext>;
  };
}
