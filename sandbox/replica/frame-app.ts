/**
 * The replica's framed workflow page (`/widget/frame`): our native `<tl-workflow>` against this
 * sandbox, started by the token the host page's replica script posts (`widget.setContext`).
 * Accepts messages only from the window that framed it, and after `widget.initialize` only from
 * that window's origin; answers only to that origin. Reports the workflow's events back as
 * TransactionLink's widget events, and its height for `autoHeight`.
 */
import '../../src/define.ts';
import { isMessage, type FrameToHost } from './protocol.ts';

const el = document.querySelector('tl-workflow')!;
el.engine = 'native';
// The frame lives at <sandbox base>/widget/frame: the API is one level up.
el.apiBase = new URL('..', location.href).href.replace(/\/$/, '');
document.body.style.margin = '0';

let hostOrigin: string | null = null;

function toHost(message: FrameToHost): void {
  if (hostOrigin) window.parent.postMessage(message, hostOrigin);
}

function report(name: string, payload: unknown): void {
  toHost({ type: 'widget-wrapper.event', data: { name, payload } });
}

const resizes = new ResizeObserver(() => {
  toHost({ type: 'widget-wrapper.resize', data: { height: Math.ceil(document.body.getBoundingClientRect().height) } });
});

window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== window.parent || !isMessage(event.data)) return;
  const { type, data } = event.data;
  if (type === 'widget.initialize' && hostOrigin === null && /^https?:\/\//.test(event.origin)) {
    hostOrigin = event.origin;
    if ((data as { autoHeight?: unknown } | undefined)?.autoHeight === true) resizes.observe(document.body);
    return;
  }
  if (event.origin !== hostOrigin) return;
  if (type === 'widget.setContext' && typeof data === 'string') el.token = data;
});

el.addEventListener('tl-ready', (e) => report('widget-opened', { workflowId: e.detail.workflowId }));
el.addEventListener('tl-complete', (e) => report('workflow-finished', { workflowId: e.detail.workflowId, status: e.detail.status }));
el.addEventListener('tl-error', (e) => report('error', { code: e.detail.code, message: e.detail.message }));
el.addEventListener('tl-cancel', () => toHost({ type: 'widget-wrapper.close' }));

// The one message sent before the host is known: it carries nothing.
window.parent.postMessage({ type: 'widget-wrapper.ready' } satisfies FrameToHost, '*');
