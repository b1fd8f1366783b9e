import { expect } from '@open-wc/testing';

/** What a page under test/csp/ reports (see test/csp/workflow-run.js). */
interface CspResult {
  type: 'csp-result';
  heading?: string | null;
  polishText?: string;
  partFiles?: string[];
  text?: string;
  status?: number;
  tlErrors?: Array<{ code: string; recoverable: boolean; message: string }>;
  officialErrors?: Array<{ code: string; recoverable: boolean; message: string }>;
  officialScreen?: string;
  officialText?: string;
  officialState?: string;
  fields?: number;
  trustedTypes?: boolean;
  hostLit?: string | null;
  defined?: boolean;
  sameClass?: boolean;
  violations: string[];
  errors: string[];
  error?: string;
}

function loadPage(path: string): Promise<CspResult> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.title = 'strict CSP page';
    const timer = setTimeout(() => reject(new Error(`${path} did not report`)), 15000);
    window.addEventListener('message', function onMessage(event: MessageEvent<CspResult>) {
      if (event.data?.type !== 'csp-result' || event.source !== frame.contentWindow) return;
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
      frame.remove();
      resolve(event.data);
    });
    frame.src = path;
    document.body.append(frame);
  });
}

async function policyOf(path: string): Promise<string> {
  const policy = (await fetch(path)).headers.get('content-security-policy') ?? '';
  expect(policy).to.contain("script-src 'self'");
  expect(policy).to.contain("require-trusted-types-for 'script'");
  expect(policy).not.to.contain('unsafe-inline');
  expect(policy).not.to.contain('unsafe-eval');
  expect(policy).not.to.contain('allow-duplicates');
  return policy;
}

function expectWorkflowRan(result: CspResult): void {
  expect(result.error, result.error).to.equal(undefined);
  expect(result.errors).to.deep.equal([]);
  expect(result.trustedTypes).to.equal(true);
  expect(result.heading).to.be.a('string').and.not.be.empty;
  expect(result.fields).to.be.greaterThan(3);
  expect(result.violations).to.deep.equal([]);
}

describe('<tl-workflow> under a strict Content-Security-Policy', () => {
  it('the script-tag build runs a real workflow under trusted-types tl-workflow alone, and loads Polish from its file', async () => {
    expect(await policyOf('/test/csp/strict-page.html')).to.contain('trusted-types tl-workflow;');
    const result = await loadPage('/test/csp/strict-page.html');
    expectWorkflowRan(result);
    // The language file next to the script, loaded with import(): allowed by script-src 'self', no Trusted Types sink.
    expect(result.polishText).to.equal('Dalej');
    // Beside it, the parts the workflow's later steps need, and the validation, fetched once its first step showed.
    const parts = ['bank', 'choices', 'pl', 'review', 'upload', 'validation'].map((name) => `/dist/tl-workflow.${name}.js`);
    expect([...result.partFiles!].sort()).to.deep.equal(parts);
  });

  it('the script-tag build whose files next to it cannot be loaded: English texts, an official engine that offers Retry, each said with tl-error', async () => {
    await policyOf('/test/csp/offline-parts.html');
    const result = await loadPage('/test/csp/offline-parts.html');
    expect(result.error, result.error).to.equal(undefined);
    expect(result.status, 'the language file answered 503').to.equal(503);
    // The page is in Polish; the texts are English (never message keys).
    expect(result.text).to.contain('Waiting to start');
    expect(result.text).not.to.match(/state\.idle/);
    expect(result.tlErrors!.map(({ code, recoverable }) => ({ code, recoverable }))).to.deep.equal([{ code: 'network', recoverable: false }]);
    expect(result.tlErrors![0]!.message).to.contain('tl-workflow.pl.js');
    // The official engine's file did not come: its error screen with Retry; Retry tried again (and failed again).
    expect(result.officialScreen).to.equal('failed');
    expect(result.officialText).to.contain('Try again');
    expect(result.officialState).to.equal('error');
    expect(result.officialErrors!.map(({ code, recoverable }) => ({ code, recoverable }))).to.deep.equal([
      { code: 'network', recoverable: true },
      { code: 'network', recoverable: true },
    ]);
    expect(result.officialErrors![0]!.message).to.contain('tl-workflow.official.js');
    expect(result.violations).to.deep.equal([]);
  });

  it('the script-tag build, loaded twice on a page with its own Lit, under trusted-types lit-html tl-workflow', async () => {
    expect(await policyOf('/test/csp/host-lit-iife.html')).to.contain('trusted-types lit-html tl-workflow;');
    const result = await loadPage('/test/csp/host-lit-iife.html');
    expectWorkflowRan(result);
    expect(result.defined).to.equal(true);
    expect(result.sameClass, 'the second copy leaves the first one registered').to.equal(true);
    expect(result.hostLit).to.equal("Rendered again by the host's Lit");
  });

  it("the npm build shares the host page's Lit and its lit-html policy", async () => {
    expect(await policyOf('/test/csp/host-lit-npm.html')).to.contain('trusted-types lit-html;');
    const result = await loadPage('/test/csp/host-lit-npm.html');
    expectWorkflowRan(result);
    expect(result.hostLit).to.equal("Rendered by the host's Lit");
  });
});
