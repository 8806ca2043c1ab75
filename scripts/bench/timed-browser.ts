/**
 * Chromium for timing pages, with nothing listening to their network. Playwright turns on the
 * DevTools network domain for every page it drives: the renderer then reports each request to
 * it, on the page's own thread. On the bench machine, 15 parallel fetches of directive texts
 * took 55 ms under Playwright, 18 ms in a Chromium nobody drives, and 19 ms here; a reader's
 * browser reports to nobody. So the speed bench drives Chromium over a bare DevTools pipe with
 * the page, runtime and input domains only, and reads bytes and requests from the page's own
 * resource timings. (Tests and the relevance set keep Playwright: they time nothing.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.ts';

export interface TimedPage {
  /** navigates, resolving once the page's load event has fired */
  goto(url: string): Promise<void>;
  /** the value of an expression evaluated in the page (a promise is awaited) */
  evaluate<T>(expression: string): Promise<T>;
  /** text put into the focused field in one input event, as pasting does */
  insertText(text: string): Promise<void>;
  /** a press of Enter on the focused element */
  pressEnter(): Promise<void>;
  /** closes the page and its browser context (cache and storage with it) */
  close(): Promise<void>;
}

export interface TimedBrowser {
  /** a page in a browser context of its own: an empty cache */
  newPage(): Promise<TimedPage>;
  close(): Promise<void>;
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

interface Waiter {
  hear(m: Message): void;
  fail(e: Error): void;
}

/** One DevTools connection over Chromium's pipe (fd 3 in, fd 4 out; messages end with NUL). */
class Connection {
  private next = 0;
  private readonly replies = new Map<number, { ok: (r: Record<string, unknown>) => void; fail: (e: Error) => void }>();
  private readonly waiters = new Set<Waiter>();
  private closed: Error | null = null;

  private readonly out: Writable;

  constructor(out: Writable, input: Readable) {
    this.out = out;
    let buffer = '';
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\0'); end >= 0; end = buffer.indexOf('\0')) {
        const message = JSON.parse(buffer.slice(0, end)) as Message;
        buffer = buffer.slice(end + 1);
        this.receive(message);
      }
    });
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    if (this.closed) return Promise.reject(this.closed);
    const id = ++this.next;
    return new Promise((ok, fail) => {
      this.replies.set(id, { ok, fail });
      this.out.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  }

  /** The next event of `method` in `sessionId`; rejects after `ms`, or when the browser goes. */
  waitFor(method: string, sessionId: string, ms: number): Promise<Record<string, unknown>> {
    if (this.closed) return Promise.reject(this.closed);
    return new Promise((ok, fail) => {
      const waiter: Waiter = {
        hear: (m) => {
          if (m.method !== method || m.sessionId !== sessionId) return;
          this.done(waiter, timer);
          ok(m.params ?? {});
        },
        fail: (e) => {
          this.done(waiter, timer);
          fail(e);
        },
      };
      const timer = setTimeout(() => waiter.fail(new Error(`No ${method} within ${ms} ms`)), ms);
      this.waiters.add(waiter);
    });
  }

  fail(error: Error): void {
    this.closed = error;
    for (const r of this.replies.values()) r.fail(error);
    this.replies.clear();
    for (const w of [...this.waiters]) w.fail(error);
  }

  private done(waiter: Waiter, timer: ReturnType<typeof setTimeout>): void {
    clearTimeout(timer);
    this.waiters.delete(waiter);
  }

  private receive(m: Message): void {
    if (m.id !== undefined) {
      const r = this.replies.get(m.id);
      this.replies.delete(m.id);
      if (m.error) r?.fail(new Error(`DevTools: ${m.error.message}`));
      else r?.ok(m.result ?? {});
      return;
    }
    for (const w of [...this.waiters]) w.hear(m);
  }
}

export async function launchTimedBrowser(): Promise<TimedBrowser> {
  assertChromium();
  const profile = await mkdtemp(join(tmpdir(), 'archive-timed-'));
  const child: ChildProcess = spawn(
    CHROMIUM_PATH,
    [
      '--headless',
      ...CHROMIUM_ARGS,
      // (as Playwright launches it: a page in the background is not slowed down)
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
      '--disable-renderer-backgrounding',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const conn = new Connection(child.stdio[3] as Writable, child.stdio[4] as Readable);
  child.once('exit', (code, signal) => conn.fail(new Error(`Chromium exited (${signal ?? code}) during the bench`)));
  child.once('error', (e) => conn.fail(e));
  await conn.send('Browser.getVersion');

  return {
    async newPage(): Promise<TimedPage> {
      const { browserContextId } = await conn.send('Target.createBrowserContext');
      const { targetId } = await conn.send('Target.createTarget', { url: 'about:blank', browserContextId });
      const { sessionId } = (await conn.send('Target.attachToTarget', { targetId, flatten: true })) as {
        sessionId: string;
      };
      const call = (method: string, params: Record<string, unknown> = {}) => conn.send(method, params, sessionId);
      await call('Page.enable');
      // (the default buffer keeps 250 entries: a cold search page and its queries come near it)
      await call('Page.addScriptToEvaluateOnNewDocument', {
        source: 'performance.setResourceTimingBufferSize(100000)',
      });
      return {
        async goto(url) {
          const loaded = conn.waitFor('Page.loadEventFired', sessionId, 60_000);
          const nav = (await call('Page.navigate', { url })) as { errorText?: string };
          if (nav.errorText) {
            loaded.catch(() => {}); // (its timer runs out unheard)
            throw new Error(`Could not open ${url}: ${nav.errorText}`);
          }
          await loaded.catch((e: Error) => {
            throw new Error(`${url} did not finish loading: ${e.message}`);
          });
        },
        async evaluate<T>(expression: string): Promise<T> {
          const r = (await call('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as {
            result: { value?: T };
            exceptionDetails?: { text: string; exception?: { description?: string } };
          };
          if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
          return r.result.value as T;
        },
        async insertText(text) {
          await call('Input.insertText', { text });
        },
        async pressEnter() {
          const key = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 };
          await call('Input.dispatchKeyEvent', { type: 'keyDown', ...key, text: '\r' });
          await call('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
        },
        async close() {
          await conn.send('Target.disposeBrowserContext', { browserContextId });
        },
      };
    },
    async close() {
      const exited = new Promise<void>((ok) => {
        if (child.exitCode !== null || child.signalCode !== null) ok();
        else child.once('exit', () => ok());
      });
      await conn.send('Browser.close').catch(() => {}); // (the pipe closes as it answers)
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      await rm(profile, { recursive: true, force: true });
    },
  };
}
