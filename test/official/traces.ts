/**
 * Looking for the token where a page, its scripts or its extensions could read it: event details,
 * console lines, DOM attributes. The token counts whole and by each of its three parts (the claims
 * part alone says whose case it is).
 */
import { expect } from '@open-wc/testing';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';

const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/** One console argument as text (an error with its stack, an object as JSON). */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  const error = value as { message?: unknown; stack?: unknown } | null;
  if (error && typeof error.message === 'string') return `${error.message}\n${String(error.stack ?? '')}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Records every console line of the page and of each official-engine frame an element draws (its
 * realm, where TransactionLink's script runs: watched from the moment it is drawn). `stop()` puts
 * the consoles back.
 */
export class ConsoleLines {
  readonly lines: string[] = [];
  private readonly restores: Array<() => void> = [];
  private readonly observers: MutationObserver[] = [];

  constructor() {
    this.capture(window);
  }

  /** Also records the console of every frame `el` draws from now on. */
  watch(el: TlWorkflow): void {
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          const win = (node as HTMLIFrameElement).contentWindow;
          if (node.nodeName === 'IFRAME' && win) this.capture(win);
        }
      }
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    this.observers.push(observer);
  }

  stop(): void {
    for (const observer of this.observers.splice(0)) observer.disconnect();
    for (const restore of this.restores.splice(0)) restore();
  }

  private capture(win: Window): void {
    const console = (win as Window & typeof globalThis).console;
    const target = console as unknown as Record<string, (...args: unknown[]) => void>;
    for (const method of METHODS) {
      const original = target[method]!;
      target[method] = (...args: unknown[]) => {
        this.lines.push(`${method}: ${args.map(text).join(' ')}`);
        original.apply(console, args);
      };
      this.restores.push(() => (target[method] = original));
    }
  }
}

/** Every attribute (`name=value`) in `roots`, their open shadow roots and their same-origin frames. */
function allAttributes(roots: Array<Document | ShadowRoot> = [document]): string[] {
  const found: string[] = [];
  const visit = (root: Document | ShadowRoot): void => {
    for (const node of root.querySelectorAll('*')) {
      for (const attribute of node.attributes) found.push(`${node.localName} ${attribute.name}=${attribute.value}`);
      if (node.shadowRoot) visit(node.shadowRoot);
      let inner: Document | null = null;
      try {
        inner = (node as HTMLIFrameElement).contentDocument ?? null;
      } catch {
        // Another origin: its attributes are not the page's to read.
      }
      if (inner) visit(inner);
    }
  };
  for (const root of roots) visit(root);
  return found;
}

/** The texts that hold the token, or one of its three parts. */
function tokenTraces(token: string, texts: readonly string[]): string[] {
  const secrets = [token, ...token.split('.')].filter(Boolean);
  return texts.filter((value) => secrets.some((secret) => value.includes(secret)));
}

/** The token in no event detail, console line or attribute of the page (closed shadow roots must be given). */
export function expectNoToken(token: string, events: unknown[], lines: ConsoleLines, closedRoots: ShadowRoot[] = []): void {
  expect(tokenTraces(token, [JSON.stringify(events)]), 'event details').to.deep.equal([]);
  expect(tokenTraces(token, lines.lines), 'console lines').to.deep.equal([]);
  expect(tokenTraces(token, allAttributes([document, ...closedRoots])), 'DOM attributes').to.deep.equal([]);
}
