import { expect } from '@open-wc/testing';

/** Loads a test page in a frame and resolves with the message it posts back (`type` names it). */
function loadPage<T>(src: string, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.title = type;
    const timer = setTimeout(() => reject(new Error(`${src} did not report`)), 15000);
    window.addEventListener('message', function onMessage(event: MessageEvent<{ type?: string }>) {
      if (event.source !== frame.contentWindow || event.data?.type !== type) return;
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
      frame.remove();
      resolve(event.data as T);
    });
    frame.src = src;
    document.body.append(frame);
  });
}

interface OfficialCspResult {
  state?: string;
  heading?: string | null;
  frameTrustedTypes?: boolean;
  violations: string[];
  error?: string;
}

interface DefaultScriptResult {
  error?: { code: string; recoverable: boolean; message: string };
  state?: string;
  scripts?: string[];
  violations?: Array<{ directive: string; blocked: string }>;
  resources?: string[];
  failure?: string;
}

describe('<tl-workflow engine="official"> in a page of its own (script-tag build)', function () {
  this.timeout(30000);

  it('under the README\'s CSP, with Trusted Types, runs the replica with no violation, in the page or the frame', async () => {
    const policy = (await fetch('/test/official/pages/official-csp.html')).headers.get('content-security-policy') ?? '';
    expect(policy).to.contain("require-trusted-types-for 'script'");
    expect(policy).to.contain('trusted-types lit-html tl-workflow');
    expect(policy).not.to.contain('unsafe');
    const framePolicy = (await fetch('/tl-api/widget/frame')).headers.get('content-security-policy') ?? '';
    expect(framePolicy).to.contain("require-trusted-types-for 'script'");
    expect(framePolicy).to.contain("script-src 'self'");

    const result = await loadPage<OfficialCspResult>('/test/official/pages/official-csp.html', 'official-csp-result');
    expect(result.error, result.error).to.equal(undefined);
    expect(result.state).to.equal('running');
    expect(result.heading).to.be.a('string').and.not.be.empty;
    expect(result.frameTrustedTypes).to.equal(true);
    expect(result.violations).to.deep.equal([]);
  });

  for (const [environment, url] of [
    [null, 'https://widget.transactionlink.io/transactionlink-widget.umd.js'],
    ['sandbox', 'https://widget.sandbox.transactionlink.io/transactionlink-widget.umd.js'],
  ] as const) {
    it(`without engine or api-base${environment ? `, environment="${environment}",` : ''} asks for ${url} and for nothing on api.transactionlink.io`, async () => {
      const query = environment ? `?environment=${environment}` : '';
      const result = await loadPage<DefaultScriptResult>(`/test/official/pages/default-script.html${query}`, 'default-script-result');
      expect(result.failure, result.failure).to.equal(undefined);
      expect(result.scripts).to.deep.equal([url]);
      // The browser was asked for exactly that script (the page's CSP stopped it before the network).
      expect(result.violations).to.deep.equal([{ directive: 'script-src-elem', blocked: url }]);
      expect(result.error).to.include({ code: 'network', recoverable: true });
      expect(result.state).to.equal('error');
      // Nothing else of TransactionLink's in the page's resource timing (Chromium lists the blocked script
      // there too; Firefox and WebKit list no blocked request, so the violations above are the full list).
      expect(result.resources!.filter((name) => name.includes('transactionlink.io') && name !== url)).to.deep.equal([]);
      expect(JSON.stringify(result)).not.to.contain('api.transactionlink.io');
    });
  }
});
