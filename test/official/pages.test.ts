import { expect } from '@open-wc/testing';

/** Loads a test page in a frame and resolves with the message it posts back (`type` names it). */
function loadPage<T>(src: string, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.title = type;
    // A hang guard only (the test's own timeout is 120 s): a busy machine may take a while to run the page.
    const timer = setTimeout(() => reject(new Error(`${src} did not report`)), 90_000);
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
  realmTrustedTypes?: boolean;
  frameTrustedTypes?: boolean;
  scriptsInPage?: number;
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

const SCRIPTS = {
  production: 'https://widget.transactionlink.io/transactionlink-widget.umd.js',
  sandbox: 'https://widget.sandbox.transactionlink.io/transactionlink-widget.umd.js',
  staging: 'https://widget.staging.transactionlink.io/transactionlink-widget.umd.js',
} as const;

describe('<tl-workflow engine="official"> in a page of its own (script-tag build)', function () {

  it('under the README\'s CSP, with Trusted Types, runs the replica in its own frame with no violation, in the page or any frame', async () => {
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
    expect(result.realmTrustedTypes).to.equal(true);
    expect(result.frameTrustedTypes).to.equal(true);
    expect(result.scriptsInPage, 'TransactionLink\'s script runs in the element\'s frame, not the page').to.equal(0);
    expect(result.violations).to.deep.equal([]);
  });

  // Neither engine nor api-base nor widget-src: the attribute, else the token's `environment` claim, else production.
  for (const [query, url] of [
    ['', SCRIPTS.production],
    ['?claim=sandbox', SCRIPTS.sandbox],
    ['?claim=staging', SCRIPTS.staging],
    ['?claim=production', SCRIPTS.production],
    ['?claim=somewhere', SCRIPTS.production],
    ['?environment=staging', SCRIPTS.staging],
    ['?environment=sandbox&claim=production', SCRIPTS.sandbox],
    ['?environment=production&claim=sandbox', SCRIPTS.production],
  ] as const) {
    const named = query ? query.slice(1).replace('&', ', ').replace('claim=', 'token claim ').replace('environment=', 'environment=') : 'no attribute, no claim';
    it(`${named}: asks for ${url} and for nothing else of TransactionLink's`, async () => {
      const result = await loadPage<DefaultScriptResult>(`/test/official/pages/default-script.html${query}`, 'default-script-result');
      expect(result.failure, result.failure).to.equal(undefined);
      expect(result.scripts).to.deep.equal([url]);
      // The browser was asked for exactly that script (the page's CSP, inherited by the element's frame, stopped it before the network).
      expect(result.violations).to.deep.equal([{ directive: 'script-src-elem', blocked: url }]);
      expect(result.error).to.include({ code: 'network', recoverable: true });
      expect(result.error!.message).to.contain(url);
      expect(result.state).to.equal('error');
      // Nothing else of TransactionLink's in the resource timing of the page or of the element's frame
      // (Chromium lists the blocked script there too; Firefox and WebKit list no blocked request).
      expect(result.resources!.filter((name) => name.includes('transactionlink.io') && name !== url)).to.deep.equal([]);
      expect(JSON.stringify(result)).not.to.contain('api.transactionlink.io');
    });
  }
});
