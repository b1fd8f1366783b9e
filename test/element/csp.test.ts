import { expect } from '@open-wc/testing';

/** The policy the csp pages are served with (web-test-runner.config.mjs sets it as a header). */
interface CspResult {
  type: 'csp-result';
  heading?: string | null;
  fields?: number;
  trustedTypes?: boolean;
  violations: string[];
  error?: string;
}

function loadStrictPage(): Promise<CspResult> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.title = 'strict CSP page';
    const timer = setTimeout(() => reject(new Error('the strict page did not report')), 15000);
    window.addEventListener('message', function onMessage(event: MessageEvent<CspResult>) {
      if (event.data?.type !== 'csp-result') return;
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
      frame.remove();
      resolve(event.data);
    });
    frame.src = '/test/csp/strict-page.html';
    document.body.append(frame);
  });
}

describe('<tl-workflow> under a strict Content-Security-Policy', () => {
  it('the script-tag build runs a real workflow with no violation, Trusted Types enforced', async () => {
    const response = await fetch('/test/csp/strict-page.html');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).to.contain("script-src 'self'");
    expect(policy).to.contain("require-trusted-types-for 'script'");
    expect(policy).not.to.contain('unsafe-inline');
    expect(policy).not.to.contain('unsafe-eval');

    const result = await loadStrictPage();
    expect(result.error, result.error).to.equal(undefined);
    expect(result.trustedTypes).to.equal(true);
    expect(result.heading).to.be.a('string').and.not.be.empty;
    expect(result.fields).to.be.greaterThan(3);
    expect(result.violations).to.deep.equal([]);
  });
});
