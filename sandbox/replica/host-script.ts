/**
 * The replica of TransactionLink's `transactionlink-widget.umd.js`, served by the sandbox at
 * `/widget/transactionlink-widget.umd.js` (bundled by esbuild, see bundle.ts). It implements the
 * published surface: `window.transactionlink = { setOptions, open, close, unmountWidget, on }`,
 * then calls `window.transactionlink_ready()`. `open()` frames the sandbox's workflow page
 * (`/widget/frame`, next to this script) inside the page's `<transactionlink-widget>` and hands it
 * the token by postMessage (protocol.ts). Events: `widget-opened`, `workflow-finished`,
 * `widget-closed`, `error`. No inline script, no innerHTML: it runs under a strict CSP.
 */
import { isMessage, type FrameToHost, type HostToFrame } from './protocol.ts';

type Listener = (payload?: unknown) => void;

interface WidgetOptions {
  token?: string;
  inline?: boolean;
  autoHeight?: boolean;
}

const script = document.currentScript as HTMLScriptElement | null;
const frameUrl = new URL('frame', script?.src ?? location.href);
const listeners = new Map<string, Set<Listener>>();
let options: WidgetOptions = {};
let frame: HTMLIFrameElement | null = null;
let frameReady = false;

function emit(name: string, payload?: unknown): void {
  for (const listener of [...(listeners.get(name) ?? [])]) {
    try {
      listener(payload);
    } catch (error) {
      console.error('[transactionlink replica] listener failed', error);
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
    emit(message.data.name, message.data.payload);
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

const api = {
  /** Merges options; a new `token` goes to a framed workflow at once (it resumes with it). */
  setOptions(next: WidgetOptions): void {
    options = { ...options, ...next };
    sendContext();
  },
  /** Frames the workflow inside the page's `<transactionlink-widget>` (inline) or over the page. */
  open(): void {
    if (frame) return;
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
  /** Removes the frame (no event), every `on()` listener and the options. */
  unmountWidget(): void {
    removeFrame();
    listeners.clear();
    options = {};
  },
  on(eventName: string, callback: Listener): void {
    if (typeof callback !== 'function') return;
    if (!listeners.has(eventName)) listeners.set(eventName, new Set());
    listeners.get(eventName)!.add(callback);
  },
};

const page = window as unknown as { transactionlink?: typeof api; transactionlink_ready?: () => void };
page.transactionlink = api;
if (typeof page.transactionlink_ready === 'function') page.transactionlink_ready();
