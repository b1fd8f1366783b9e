import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import type { TokenRequestReason } from '../../src/token/token-source.js';
import { control, type } from '../e2e/driver.js';
import { click } from '../helpers/mouse.js';
import { API_BASE, createCase, widgetToken } from '../helpers/sandbox.js';
import { until } from '../helpers/until.js';
import type { ScriptedAnswer, TokenRequestRecord } from '../helpers/token-endpoint-server.js';
import { EXAMPLE_TOKEN } from '../helpers/tokens.js';

/**
 * `token-endpoint` and `fetchToken`: the element gets its tokens itself. The endpoint is
 * `tl-workflow/server`'s real `widgetTokenHandler` over the sandbox, served by the test server
 * with a script of failures to play first (test/helpers/token-endpoint-server.ts).
 */

let key = '';
const base = () => `/token-endpoint/${key}`;

/** The endpoint's URL for a new case of the individual KYC workflow, its tokens living `ttl` seconds. */
async function endpointFor(ttl?: number): Promise<string> {
  const caseId = await createCase();
  return `${base()}/token?case=${caseId}${ttl ? `&ttl=${ttl}` : ''}`;
}

async function script(answers: ScriptedAnswer[]): Promise<void> {
  await fetch(`${base()}/script`, { method: 'PUT', body: JSON.stringify(answers) });
}

async function log(): Promise<TokenRequestRecord[]> {
  return (await (await fetch(`${base()}/log`)).json()) as TokenRequestRecord[];
}


/** Every text the page holds about the element: its outer HTML, its attributes and its shadow root's. */
function everythingShown(el: TlWorkflow): string {
  return `${el.outerHTML} ${[...el.attributes].map((a) => a.value).join(' ')} ${el.shadowRoot!.innerHTML}`;
}

/** A token endpoint's calls among what `fetch` was asked for. */
const endpointCalls = (spy: sinon.SinonSpy) => spy.getCalls().filter((call) => /\/token-endpoint\/.*\/token\?/.test(String(call.args[0])));

describe('<tl-workflow> token-endpoint', () => {
  let clock: sinon.SinonFakeTimers | undefined;

  beforeEach(() => {
    key = `k${Math.random().toString(36).slice(2)}`;
  });

  afterEach(async () => {
    clock?.restore();
    clock = undefined;
    sinon.restore();
    document.cookie = 'tl-host-session=; Max-Age=0; Path=/';
    await fetch(base(), { method: 'DELETE' });
  });

  it('gets its first token by itself: POST, the session cookie, Accept JSON, no body; the first step is shown', async () => {
    document.cookie = 'tl-host-session=1; Path=/';
    const endpoint = await endpointFor();
    // Reads the endpoint's answer as the element gets it (a copy), to look for the token afterwards.
    const answers: Array<Promise<{ token: string }>> = [];
    const realFetch = window.fetch.bind(window);
    const spy = sinon.stub(window, 'fetch').callsFake(async (...args: Parameters<typeof fetch>) => {
      const response = await realFetch(...args);
      if (String(args[0]).includes('/token?')) answers.push(response.clone().json() as Promise<{ token: string }>);
      return response;
    });
    const el = document.createElement('tl-workflow');
    el.apiBase = API_BASE;
    el.setAttribute('token-endpoint', endpoint);
    const ready = oneEvent(el, 'tl-ready');
    const errors: string[] = [];
    el.addEventListener('tl-error', (e) => errors.push(e.detail.code));
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await ready;
    await el.updateComplete;
    expect(el.state).to.equal('running');
    expect(el.shadowRoot!.querySelector('form[data-step-id="personal"]')).to.exist;
    expect(await log()).to.deep.equal([{ method: 'POST', accept: 'application/json', bodyLength: 0, cookie: true, aborted: false, status: 200 }]);
    const [call] = endpointCalls(spy);
    expect((call!.args[1] as RequestInit).credentials).to.equal('same-origin');
    expect(errors).to.deep.equal([]);
    // The token stays inside: not the `token` property, not an attribute, not the HTML.
    expect(answers).to.have.length(1);
    const { token } = await answers[0]!;
    expect(token).to.match(/^ey/);
    expect(el.token).to.equal('');
    expect(everythingShown(el)).not.to.contain(token);
    expect(everythingShown(el)).not.to.contain(token.split('.')[1]);
  });

  it('goes on after the endpoint answered 500 twice, then 200 (backoff and retry)', async () => {
    const endpoint = await endpointFor();
    await script([{ status: 500 }, { status: 500 }]);
    const errors: string[] = [];
    const el = document.createElement('tl-workflow');
    el.addEventListener('tl-error', (e) => errors.push(e.detail.code));
    const ready = oneEvent(el, 'tl-ready');
    el.apiBase = API_BASE;
    el.tokenEndpoint = endpoint;
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await ready;
    expect((await log()).map((r) => r.status)).to.deep.equal([500, 500, 200]);
    expect(errors, 'no tl-error for failures that a retry mended').to.deep.equal([]);
  });

  for (const status of [401, 403, 404]) {
    it(`ends in a typed tl-error token-endpoint on ${status}, asks once, and says so accessibly`, async () => {
      const endpoint = await endpointFor();
      await script([{ status }]);
      const el = document.createElement('tl-workflow');
      el.apiBase = API_BASE;
      el.tokenEndpoint = endpoint;
      const error = oneEvent(el, 'tl-error');
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
      const { detail } = await error;
      expect(detail).to.deep.equal({ code: 'token-endpoint', message: `The token endpoint answered HTTP ${status}.`, recoverable: false });
      await el.updateComplete;
      expect(el.state).to.equal('error');
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('This verification could not start');
      expect(el.shadowRoot!.querySelector('button'), 'no Try again: asking again cannot help').to.equal(null);
      expect(await log()).to.have.length(1);
      await expect(el).to.be.accessible();
    });
  }

  it('a transient failure that outlasts the retries is recoverable: Try again gets the token', async () => {
    const endpoint = await endpointFor();
    await script([{ status: 503 }, { status: 503 }, { status: 502 }, { status: 500 }]);
    const el = document.createElement('tl-workflow');
    el.apiBase = API_BASE;
    el.tokenEndpoint = endpoint;
    const error = oneEvent(el, 'tl-error');
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    const { detail } = await error;
    expect(detail).to.deep.equal({ code: 'token-endpoint', message: 'The token endpoint answered HTTP 500.', recoverable: true });
    await el.updateComplete;
    expect(await log()).to.have.length(4);
    await expect(el).to.be.accessible();
    const ready = oneEvent(el, 'tl-ready');
    await click(el.shadowRoot!.querySelector('button')!);
    await ready;
    expect((await log()).map((r) => r.status)).to.deep.equal([503, 503, 502, 500, 200]);
  });

  it('an already-expired token from the endpoint is reported, not asked for again in a loop', async () => {
    await script([{ status: 200, body: { token: EXAMPLE_TOKEN, expiresAt: '2022-02-16T17:34:57.000Z' } }]);
    const spy = sinon.spy(window, 'fetch');
    const el = document.createElement('tl-workflow');
    el.apiBase = API_BASE;
    el.tokenEndpoint = await endpointFor();
    const codes: string[] = [];
    el.addEventListener('tl-error', (e) => codes.push(`${e.detail.code} ${e.detail.recoverable}`));
    const expired = oneEvent(el, 'tl-token-expired');
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await expired;
    expect(codes).to.deep.equal(['token-endpoint false']);
    expect(endpointCalls(spy), 'one request: none at expiry').to.have.length(1);
    expect(el.state).to.equal('expired');
  });

  it('removal aborts a token request in flight: nothing is applied or reported afterwards', async () => {
    const endpoint = await endpointFor();
    await script([{ hang: true }]);
    const el = document.createElement('tl-workflow');
    el.apiBase = API_BASE;
    el.tokenEndpoint = endpoint;
    const events: string[] = [];
    for (const name of ['tl-error', 'tl-ready', 'tl-token-expiring']) el.addEventListener(name, () => events.push(name));
    const holder = await fixture<HTMLDivElement>(html`<div></div>`);
    holder.append(el);
    await until(async () => (await log()).length === 1, 'the token request to arrive');
    el.remove();
    await until(async () => (await log())[0]!.aborted, 'the server to see the request aborted');
    expect(events).to.deep.equal([]);
    expect(el.state).to.equal('idle');
    // Inserted again, it asks again and starts.
    const ready = oneEvent(el, 'tl-ready');
    holder.append(el);
    await ready;
    expect((await log()).map((r) => r.status)).to.deep.equal([0, 200]);
    expect(events).to.deep.equal(['tl-ready']);
  });

  it('a token the page sets itself wins over one on its way', async () => {
    const endpoint = await endpointFor();
    await script([{ hang: true }]);
    const el = document.createElement('tl-workflow');
    el.apiBase = API_BASE;
    el.tokenEndpoint = endpoint;
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await until(async () => (await log()).length === 1, 'the token request to arrive');
    const { token } = await widgetToken();
    const ready = oneEvent(el, 'tl-ready');
    el.token = token;
    await ready;
    await until(async () => (await log())[0]!.aborted, 'the endpoint request to be aborted');
    expect(el.claims!.exp).to.be.a('number');
    expect(await log()).to.have.length(1);
  });

  it('renews ahead of expiry (the expiry-warning lead) with no page code: typed input kept, tl-token-expiring still fires', async () => {
    clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
    const endpoint = await endpointFor(3600);
    const el = document.createElement('tl-workflow');
    el.apiBase = API_BASE;
    el.tokenEndpoint = endpoint;
    el.expiryWarning = 120;
    const events: string[] = [];
    for (const name of ['tl-token-expiring', 'tl-token-expired', 'tl-error']) el.addEventListener(name, () => events.push(name));
    const ready = oneEvent(el, 'tl-ready');
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await ready;
    await type(el, 'firstName', 'Zofia');
    const first = el.expiresAt!.getTime();
    const firstJti = el.claims!.jti;
    expect(firstJti).to.be.a('string');
    const expiring = oneEvent(el, 'tl-token-expiring');
    // To the warning: 120 s before exp.
    await clock.tickAsync(first - 120_000 - Date.now());
    expect((await expiring).detail.secondsLeft).to.equal(120);
    // A fresh token: another `jti` (its `exp` may be the same second).
    await until(() => el.claims!.jti !== firstJti, 'a fresh token from the endpoint');
    expect((await log()).slice(0, 2).map((r) => r.status)).to.deep.equal([200, 200]);
    // The fresh token's exp is by the server's real clock, behind this fake one: it may warn at once too.
    expect(events).to.include('tl-token-expiring').and.not.to.include('tl-token-expired').and.not.to.include('tl-error');
    expect(el.state).to.equal('running');
    expect(control(el, 'firstName').value).to.equal('Zofia');
    expect(el.token, 'the fresh token is not handed to the page either').to.equal('');
  });

  it('a token that lives shorter than expiry-warning is renewed half-way through its life, not in a loop', async () => {
    clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const spy = sinon.spy(window, 'fetch');
    const el = document.createElement('tl-workflow');
    el.apiBase = API_BASE;
    el.tokenEndpoint = await endpointFor(40);
    el.expiryWarning = 60;
    const expiring = oneEvent(el, 'tl-token-expiring');
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await expiring;
    const left = el.expiresAt!.getTime() - Date.now();
    expect(endpointCalls(spy), 'no renewal at once').to.have.length(1);
    clock.tick(Math.floor(left / 2) - 1);
    expect(endpointCalls(spy)).to.have.length(1);
    clock.tick(2);
    expect(endpointCalls(spy), 'the renewal, half-way').to.have.length(2);
  });

  it('fetchToken: the host\'s own function gives the token, told why it is asked', async () => {
    const reasons: TokenRequestReason[] = [];
    const el = document.createElement('tl-workflow');
    el.apiBase = API_BASE;
    el.fetchToken = async (reason) => {
      reasons.push(reason);
      return ` Bearer ${(await widgetToken()).token}\n`;
    };
    const ready = oneEvent(el, 'tl-ready');
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await ready;
    expect(reasons).to.deep.equal(['initial']);
  });
});

describe('<tl-workflow> tokens as hosts paste them', () => {
  const wrappings: Record<string, (token: string) => string> = {
    'a trailing newline': (token) => `${token}\n`,
    'surrounding whitespace and a CRLF': (token) => `  ${token}\r\n`,
    'double quotes (a JSON string)': (token) => `"${token}"`,
    'single quotes': (token) => `'${token}'`,
    'a Bearer prefix': (token) => `Bearer ${token}`,
    'all of them': (token) => ` "Bearer ${token}"\n`,
  };
  for (const [name, wrap] of Object.entries(wrappings)) {
    it(`works with ${name}`, async () => {
      const { token } = await widgetToken();
      const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API_BASE}></tl-workflow>`);
      const ready = oneEvent(el, 'tl-ready');
      el.token = wrap(token);
      await ready;
      expect(el.state).to.equal('running');
      expect(el.claims!.exp).to.be.a('number');
    });
  }

  const refused: Record<string, [string, RegExp]> = {
    'the whole JSON answer': ['{"token":"eyJhbGciOiJSUzUxMiJ9.e30.c2ln"}', /looks like JSON. Pass the "token" field/],
    'a token broken across lines': ['eyJhbGciOiJSUzUxMiJ9.\ne30.c2ln', /whitespace or a line break inside it/],
    'a cut-off token': ['eyJhbGciOiJSUzUxMiJ9.e30', /2 parts separated by dots, a JWT has 3/],
    'an empty one in quotes': ['""', /The token is empty/],
  };
  for (const [name, [token, reason]] of Object.entries(refused)) {
    it(`refuses ${name} as invalid-token, naming the likely cause`, async () => {
      const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API_BASE}></tl-workflow>`);
      const error = oneEvent(el, 'tl-error');
      el.token = token;
      const { detail } = await error;
      expect(detail.code).to.equal('invalid-token');
      expect(detail.message).to.match(reason);
      expect(detail.message).not.to.contain('c2ln');
    });
  }
});
