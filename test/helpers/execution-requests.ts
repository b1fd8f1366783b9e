/**
 * Watches the widget's `GET /widget/execution` requests from the page (window.fetch wrapped before
 * the widget's first request; the widget calls the global fetch), and can hold their answers to
 * catch the widget while it is loading. Works with any build of the widget on the page.
 */

/** One `GET /widget/execution` request of the widget. */
export interface ExecutionRequest {
  signal: AbortSignal | null;
  settled: boolean;
}

/** Watches the widget's execution loads; `hold()` keeps the next answers back until `release()`. */
export class ExecutionRequests {
  readonly seen: ExecutionRequest[] = [];
  #held: Array<() => void> = [];
  #holding = false;

  constructor() {
    const original = window.fetch.bind(window);
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.endsWith('/widget/execution') || (init?.method ?? 'GET') !== 'GET') return original(input, init);
      const request: ExecutionRequest = { signal: init?.signal ?? null, settled: false };
      this.seen.push(request);
      try {
        if (this.#holding) await new Promise<void>((resolve) => this.#held.push(resolve));
        return await original(input, init);
      } finally {
        request.settled = true;
      }
    };
  }

  hold(): void {
    this.#holding = true;
  }

  release(): void {
    this.#holding = false;
    for (const resume of this.#held.splice(0)) resume();
  }
}
