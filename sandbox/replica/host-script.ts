/**
 * The replica of TransactionLink's `transactionlink-widget.umd.js`, served by the sandbox at
 * `/widget/transactionlink-widget.umd.js` (bundled by esbuild, see bundle.ts). It implements the
 * published surface: `window.transactionlink = { setOptions, open, close, unmountWidget, on }`,
 * then calls `window.transactionlink_ready()`. `open()` frames the sandbox's workflow page
 * (`/widget/frame`, next to this script) inside the document's `<transactionlink-widget>` and hands
 * it the token by postMessage (protocol.ts). Events: `widget-opened`, `workflow-finished`,
 * `widget-closed`, `error`. No inline script, no innerHTML: it runs under a strict CSP.
 *
 * The script URL's `mode` parameter (modes.ts, sandbox/README.md) makes it behave like the older
 * generation of the API, or misbehave in the ways a real script might.
 */
import { parseModes, type ReplicaMode } from './modes.ts';
import { isMessage, type FrameToHost, type HostToFrame } from './protocol.ts';

type Listener = (payload?: unknown) => void;

interface WidgetOptions {
  token?: string;
  inline?: boolean;
  autoHeight?: boolean;
}

const script = document.currentScript as HTMLScriptElement | null;
const scriptUrl = new URL(script?.src ?? location.href);
const frameUrl = new URL('frame', scriptUrl);
const { modes } = parseModes(scriptUrl.searchParams.get('mode'));
const has = (mode: ReplicaMode): boolean => modes.has(mode);
const listeners = new Map<string, Set<Listener>>();
let options: WidgetOptions = {};
let frame: HTMLIFrameElement | null = null;
let frameReady = false;
/** How many of each event the replica has emitted (names and counts only): when a misbehaviour has happened. */
const emitted: Record<string, number> = {};
(window as unknown as { transactionlinkReplica?: unknown }).transactionlinkReplica = { emitted };

function emit(name: string, payload?: unknown): void {
  for (const listener of [...(listeners.get(name) ?? [])]) {
    try {
      listener(payload);
    } catch (error) {
      console.error('[transactionlink replica] listener failed', error);
    }
  }
  emitted[name] = (emitted[name] ?? 0) + 1;
}

/** The token's three parts (the misbehaving modes quote them, as a careless script would). */
const tokenParts = (): string[] => (options.token ?? '').split('.');

/** The execution the token opens (the sandbox's `executionId` claim), for events the replica makes up. */
function workflowId(): string {
  try {
    const claims = JSON.parse(atob(tokenParts()[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { executionId?: unknown };
    return typeof claims.executionId === 'string' ? claims.executionId : '';
  } catch {
    return '';
  }
}

/** An event of the framed workflow, with what the modes add around `widget-opened`. */
function relay(name: string, payload: unknown): void {
  const opened = name === 'widget-opened';
  if (opened && has('out-of-order')) emit('workflow-finished', { workflowId: workflowId(), status: 'COMPLETED' });
  emit(name, payload);
  if (opened && has('error-after-open')) emit('error', { message: 'The widget failed.' });
  if (opened && has('error-flood')) {
    for (let i = 0; i < 1000; i++) {
      emit('error', { message: 'Too many requests.' });
      emit('error', { message: 'Still too many requests.' });
    }
  }
}

function post(message: HostToFrame): void {
  frame?.contentWindow?.postMessage(message, frameUrl.origin);
}

function sendContext(): void {
  if (frameReady && options.token) post({ type: 'widget.setContext', data: options.token });
}

function onMessage(event: MessageEvent): void {
  if (!frame || event.source !== frame.contentWindow || event.origin !== frameUrl.origin || !isMessage(event.data)) return;
  const message = event.data as FrameToHost;
  if (message.type === 'widget-wrapper.ready') {
    frameReady = true;
    post({ type: 'widget.initialize', data: { inline: options.inline !== false, autoHeight: options.autoHeight === true } });
    sendContext();
  } else if (message.type === 'widget-wrapper.event' && typeof message.data?.name === 'string') {
    relay(message.data.name, message.data.payload);
  } else if (message.type === 'widget-wrapper.resize' && options.autoHeight && options.inline !== false) {
    const height = Number(message.data?.height);
    if (Number.isFinite(height) && height > 0) frame.style.height = `${Math.ceil(height)}px`;
  } else if (message.type === 'widget-wrapper.close') {
    api.close();
  }
}

/** Removes the frame and the message listener. */
function removeFrame(): boolean {
  if (!frame) return false;
  window.removeEventListener('message', onMessage);
  frame.remove();
  frame = null;
  frameReady = false;
  return true;
}

function styleFrame(target: HTMLIFrameElement, inline: boolean): void {
  const style = target.style;
  style.border = '0';
  style.display = 'block';
  if (inline) {
    style.width = '100%';
    style.height = '480px';
  } else {
    Object.assign(style, { position: 'fixed', inset: '0', width: '100%', height: '100%', zIndex: '2147483000' });
  }
}

/** `open()` of a misbehaving mode: true when it is done (nothing framed). */
function misbehaveInOpen(): boolean {
  if (has('throw-open')) throw new Error(`Cannot open the workflow of ${tokenParts()[1]}`);
  if (has('error-in-open')) {
    emit('error', { message: `The workflow could not be opened (header ${tokenParts()[0]}).` });
    return true;
  }
  if (has('close-during-open')) {
    emit('widget-closed', {});
    setTimeout(() => {
      emit('widget-closed', {});
      emit('error', { message: 'An error after the widget closed.' });
    });
    return true;
  }
  if (has('events-during-open')) {
    // A cached, already finished workflow: it says so before open() returns, and once more after.
    const payload = { workflowId: workflowId() };
    emit('widget-opened', payload);
    emit('workflow-finished', { ...payload, status: 'COMPLETED' });
    setTimeout(() => {
      emit('workflow-finished', { ...payload, status: 'COMPLETED' });
      emit('error', { message: 'An error after the workflow finished.' });
    });
  }
  return false;
}

const api = {
  /** Merges options; a new `token` goes to a framed workflow at once (it resumes with it). */
  setOptions(next: WidgetOptions): void {
    if (has('throw-set-options')) throw new Error(`Invalid token ${next.token}`);
    options = { ...options, ...next };
    sendContext();
  },
  /** The older generation's token hand-over: inline, sized to its content. */
  setContext(token: string): void {
    options = { ...options, token, inline: true, autoHeight: true };
    sendContext();
  },
  /** Frames the workflow inside the document's `<transactionlink-widget>` (inline) or over the page. */
  open(): void {
    if (frame || misbehaveInOpen()) return;
    const container = document.querySelector('transactionlink-widget');
    if (!container || !options.token) {
      emit('error', { message: container ? 'Call setOptions({ token }) before open().' : 'No <transactionlink-widget> element on the page.' });
      return;
    }
    const inline = options.inline !== false;
    frame = document.createElement('iframe');
    frame.title = 'TransactionLink verification';
    frame.allow = 'camera';
    styleFrame(frame, inline);
    window.addEventListener('message', onMessage);
    frame.src = frameUrl.href;
    (inline ? container : document.body).append(frame);
  },
  /** Removes the frame and emits `widget-closed`. */
  close(): void {
    if (removeFrame()) emit('widget-closed', {});
  },
  /** Removes the frame (no event), every `on()` listener (not with `keep-listeners`) and the options. */
  unmountWidget(): void {
    removeFrame();
    if (!has('keep-listeners')) listeners.clear();
    options = {};
  },
  on(eventName: string, callback: Listener): void {
    if (has('throw-on')) throw new Error(`Cannot subscribe with signature ${tokenParts()[2]}`);
    if (typeof callback !== 'function') return;
    if (!listeners.has(eventName)) listeners.set(eventName, new Set());
    listeners.get(eventName)!.add(callback);
  },
  /** The older generation's unsubscribe. */
  off(eventName: string, callback: Listener): void {
    listeners.get(eventName)?.delete(callback);
  },
};

const { setOptions, setContext, open, close, unmountWidget, on, off } = api;
const page = window as unknown as { transactionlink?: Partial<typeof api>; transactionlink_ready?: () => void };
if (has('old-api')) {
  // transactionlink-js's index.d.ts: setContext, open, close, on, off; no ready callback.
  page.transactionlink = { setContext, open, close, on, off };
} else {
  // TransactionLink's examples: setOptions, open, close, unmountWidget, on (`no-unmount`: without unmountWidget).
  page.transactionlink = has('no-unmount') ? { setOptions, open, close, on } : { setOptions, open, close, unmountWidget, on };
  if (typeof page.transactionlink_ready === 'function') page.transactionlink_ready();
}
