/**
 * WebKitGTK's MiniBrowser (Safari's engine) for web-test-runner, over classic W3C WebDriver: the
 * launcher starts `xvfb-run -a WebKitWebDriver --port=<free>` itself and ends it with the run.
 * Keys are typed one by one (webdriverio's `keys` presses them all, then releases them all, which
 * swallows doubled letters), and the viewport is set by sizing the window around it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { TestRunnerCoreConfig } from '@web/test-runner-core';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { Key } from 'webdriverio';

export const MINIBROWSER_PATH =
  process.env.MINIBROWSER_PATH ||
  `/usr/lib/${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu/webkit2gtk-4.1/MiniBrowser`;

/** A free TCP port on the loopback interface. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts HTTP on the port (WebKitWebDriver answers `/status`). */
async function waitForDriver(port: number, driver: ChildProcess, timeoutMs = 30000): Promise<void> {
  let failure: Error | undefined;
  driver.once('error', (error) => {
    failure = new Error(`cannot start xvfb-run WebKitWebDriver (apt-get install webkit2gtk-driver xvfb): ${error.message}`);
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (failure) throw failure;
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${driver.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within ${timeoutMs} ms`);
}

/**
 * WebKitGTK's MiniBrowser over W3C WebDriver: starts `xvfb-run -a WebKitWebDriver --port=<free>`
 * before the first session and ends it (its whole process group) when the run stops.
 */
export class WebKitLauncher extends WebdriverLauncher {
  private driverProcess?: ChildProcess;
  /** The viewport before a test file changed it, restored when the file is done. */
  private viewportBefore?: [number, number];

  /** `driverOptions` is handed to webdriverio; its port is filled in once the driver listens. */
  constructor(
    private readonly driverOptions = {
      hostname: '127.0.0.1',
      port: 0,
      capabilities: {
        browserName: 'MiniBrowser',
        // WebKitWebDriver speaks classic WebDriver only; without this webdriverio asks for BiDi.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
      } as WebdriverIO.Capabilities,
    },
  ) {
    super(driverOptions);
    this.name = 'WebKit';
  }

  override async initialize(config: TestRunnerCoreConfig): Promise<void> {
    const port = await freePort();
    this.driverProcess = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`], {
      detached: true,
      stdio: 'ignore',
    });
    await waitForDriver(port, this.driverProcess);
    this.driverOptions.port = port;
    await super.initialize(config);
    this.name = 'WebKit';
  }

  /** Each key pressed and released in turn, as a user types; named keys (`Enter`, `Tab`...) too. */
  override async sendKeys(_sessionId: string, keys: string[]): Promise<void> {
    const actions = keys.flatMap((key) => {
      const value = key in Key ? Key[key as keyof typeof Key] : key;
      return [
        { type: 'keyDown', value },
        { type: 'keyUp', value },
      ];
    });
    await this.webdriver().performActions([{ type: 'key', id: 'keyboard', actions }]);
  }

  /**
   * Sizes the window so that the page's viewport is `width` x `height` CSS pixels: the window also
   * holds MiniBrowser's toolbar, and it resizes asynchronously, so the viewport is read once it has
   * settled, and the window sized again by the difference.
   */
  async setViewport({ width, height }: { width: number; height: number }): Promise<void> {
    const driver = this.webdriver();
    const inner = async () => (await driver.execute(() => `${window.innerWidth}x${window.innerHeight}`)) as string;
    /**
     * The viewport once `wanted` shows (30 s at most: a busy machine resizes slowly), or without
     * `wanted`, once two reads 100 ms apart agree.
     */
    const settled = async (wanted?: string): Promise<string> => {
      let last = await inner();
      const deadline = Date.now() + 30_000;
      while (last !== wanted && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const now = await inner();
        if (now === last && wanted === undefined) return now;
        last = now;
      }
      return last;
    };
    this.viewportBefore ??= (await settled()).split('x').map(Number) as [number, number];
    const wanted = `${width}x${height}`;
    await driver.setWindowSize(width, height);
    if ((await settled()) === wanted) return;
    const [innerWidth, innerHeight] = (await settled()).split('x').map(Number) as [number, number];
    const outer = await driver.getWindowSize();
    await driver.setWindowSize(width + outer.width - innerWidth, height + outer.height - innerHeight);
    const final = await settled(wanted);
    if (final !== wanted) throw new Error(`WebKit viewport is ${final}, not ${wanted}`);
  }

  /**
   * One window serves every test file: the next file starts with the viewport the first one had.
   * A restore that fails is said on the console, not thrown: thrown here, it ends the whole run
   * with no test failed and nothing said (seen under load, when a resize took more than 3 s).
   */
  override async stopSession(id: string): ReturnType<WebdriverLauncher['stopSession']> {
    const result = await super.stopSession(id);
    const before = this.viewportBefore;
    if (before) {
      this.viewportBefore = undefined;
      await this.setViewport({ width: before[0], height: before[1] }).catch((error: unknown) => {
        console.warn(`WebKit: the viewport could not be restored after a test file: ${(error as Error).message}`);
      });
    }
    return result;
  }

  /** The webdriverio session of the running tests (private in the base class, which has no getter). */
  private webdriver(): WebdriverIO.Browser {
    const driver = (this as unknown as { driver?: WebdriverIO.Browser }).driver;
    if (!driver) throw new Error('WebKit: no WebDriver session yet');
    return driver;
  }

  override async stop(): Promise<void> {
    await super.stop();
    const pid = this.driverProcess?.pid;
    if (pid && this.driverProcess?.exitCode === null) {
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
}
