import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { until } from '../helpers/until.js';
import { engine } from '../helpers/engine.js';
import { lateDelay, showLateScreens } from '../helpers/late-screens.js';
import sinon from 'sinon';
import '../../src/define.js';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { MAX_TIMEOUT_MS } from '../../src/token/expiry-watch.js';
import { TokenSourceError } from '../../src/token/token-source.js';
import { EXAMPLE_EXP, EXAMPLE_TOKEN, makeToken, tokenExpiringIn } from '../helpers/tokens.js';

/** Collects every `tl-*` event the element fires, in order. */
function recordEvents(el: HTMLElement): Array<{ type: string; detail: unknown }> {
  const seen: Array<{ type: string; detail: unknown }> = [];
  for (const type of ['tl-token-expiring', 'tl-token-expired', 'tl-error', 'tl-ready', 'tl-complete', 'tl-cancel']) {
    el.addEventListener(type, (event) => seen.push({ type, detail: (event as CustomEvent).detail }));
  }
  return seen;
}

const API = `${location.origin}/tl-api`;

/**
 * Sets a readable, unexpired token the API refuses (not signed by the sandbox) and waits for its
 * `tl-error`: proof that a request the element makes is seen, before asserting that an earlier
 * token made none.
 */
async function requestOfAReadableToken(el: TlWorkflow): Promise<void> {
  const error = oneEvent(el, 'tl-error');
  el.token = tokenExpiringIn(600);
  expect((await error).detail.code).to.equal('unauthorized');
}

describe('<tl-workflow> token lifecycle', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  let fetchSpy: sinon.SinonSpy;
  let xhrSpy: sinon.SinonSpy;

  beforeEach(() => {
    fetchSpy = sinon.spy(window, 'fetch');
    xhrSpy = sinon.spy(XMLHttpRequest.prototype, 'open');
  });

  afterEach(() => {
    clock?.restore();
    clock = undefined;
    sinon.restore();
  });

  describe('without a token', () => {
    it('is idle, says it waits for a token, and is accessible', async () => {
      const el = await fixture<TlWorkflow>(html`<tl-workflow></tl-workflow>`);
      expect(el.state).to.equal('idle');
      expect(el.expiresAt).to.equal(null);
      expect(el.claims).to.equal(null);
      expect(el.shadowRoot!.textContent).to.contain('Waiting to start');
      expect(el.shadowRoot!.textContent, 'the token it waits for, by its name').to.contain('a widget token');
      expect(fetchSpy.called).to.equal(false);
      showLateScreens(el.shadowRoot!);
      await expect(el).to.be.accessible();
    });

    it('shows that it waits once it has waited 0.3 s: a page that sets the token at once shows no flash of it', async () => {
      const el = await fixture<TlWorkflow>(html`<tl-workflow></tl-workflow>`);
      const screen = el.shadowRoot!.querySelector<HTMLElement>('[data-screen="idle"]')!;
      // On the animation's own clock: no time is waited.
      const delay = lateDelay(screen);
      if (!delay) throw new Error('the waiting screen has no tl-late animation');
      delay.pause();
      delay.currentTime = 0;
      // Chromium hides it until then; Firefox and WebKit cannot animate display, and show it at once.
      if (engine === 'Chromium') expect(screen.checkVisibility()).to.equal(false);
      delay.finish();
      expect(screen.checkVisibility()).to.equal(true);
      expect(getComputedStyle(screen).display).to.equal('block');
    });

    it('has the documented defaults', async () => {
      const el = await fixture<TlWorkflow>(html`<tl-workflow></tl-workflow>`);
      expect(el.apiBase).to.equal('');
      expect(el.engine).to.equal('');
      expect(el.environment).to.equal('');
      expect(el.placement).to.equal('frame');
      expect(el.widgetSrc).to.equal('');
      expect(el.loadTimeout).to.equal(20);
      expect(el.modal).to.equal(false);
      expect(el.expiryWarning).to.equal(60);
    });
  });

  describe('a malformed token', () => {
    const malformed: Record<string, string> = {
      'not a JWT at all': 'hello',
      'a JWT whose payload is not base64 JSON': 'eyJhbGciOiJSUzUxMiJ9.!!!.sig',
      'a payload that is not JSON': `eyJhbGciOiJSUzUxMiJ9.${btoa('not json')}.sig`,
      'a payload without exp': makeToken({ customerId: 'x', iat: 1 }),
      'a payload whose exp is not a number': makeToken({ exp: '1700000000' }),
      'an exp past the Date range (1e13)': makeToken({ exp: 1e13 }),
      'an exp of 1e308': makeToken({ exp: 1e308 }),
      'an exp of -1e308': makeToken({ exp: -1e308 }),
    };
    for (const [name, token] of Object.entries(malformed)) {
      it(`rejects ${name} with tl-error invalid-token and makes no request`, async () => {
        const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API}></tl-workflow>`);
        const error = oneEvent(el, 'tl-error');
        el.token = token;
        const { detail } = await error;
        expect(detail.code).to.equal('invalid-token');
        expect(detail.recoverable).to.equal(false);
        expect(detail.message).to.be.a('string').and.not.be.empty;
        expect(JSON.stringify(detail)).not.to.contain(token);
        await el.updateComplete;
        expect(el.state).to.equal('error');
        expect(el.claims).to.equal(null);
        // First the positive signal: a readable token makes its request, and the spy sees it.
        await requestOfAReadableToken(el);
        expect(fetchSpy.callCount, 'requests, the readable token\'s included').to.equal(1);
        expect(xhrSpy.called, 'XHR opened').to.equal(false);
      });
    }

    it('shows a plain-words alert that is accessible', async () => {
      const el = await fixture<TlWorkflow>(html`<tl-workflow token="nope"></tl-workflow>`);
      const alert = el.shadowRoot!.querySelector('[role="alert"]');
      expect(alert).to.exist;
      expect(alert!.textContent).to.contain('This link is not valid');
      await expect(el).to.be.accessible();
    });
  });

  describe('an expired token', () => {
    it('fires tl-token-expired at once for the documented example token, with no request', async () => {
      const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API}></tl-workflow>`);
      const events = recordEvents(el);
      const expired = oneEvent(el, 'tl-token-expired');
      el.token = EXAMPLE_TOKEN;
      const { detail } = await expired;
      expect(detail.expiresAt.getTime()).to.equal(EXAMPLE_EXP * 1000);
      await el.updateComplete;
      expect(el.state).to.equal('expired');
      expect(el.expiresAt!.getTime()).to.equal(EXAMPLE_EXP * 1000);
      expect(el.claims!.customerId).to.equal('11536e65-4bb0-47dd-9600-76ac535c7832');
      expect(el.claims!.workspaceId).to.equal('1f9d28bb-7494-4531-b50e-fc5a9a11b483');
      // First the positive signal: a readable token makes its request, and the spy sees it.
      await requestOfAReadableToken(el);
      expect(fetchSpy.callCount, 'requests, the readable token\'s included').to.equal(1);
      expect(xhrSpy.called).to.equal(false);
      expect(events.map((e) => e.type)).to.deep.equal(['tl-token-expired', 'tl-error']);
    });

    it('without a token source, says the session expired and what helps (open it again, not a reload that brings the same token), accessibly', async () => {
      const el = await fixture<TlWorkflow>(html`<tl-workflow .token=${EXAMPLE_TOKEN}></tl-workflow>`);
      const screen = el.shadowRoot!.querySelector('[part~="status"]')!;
      expect(screen.getAttribute('data-screen')).to.equal('expired');
      expect(screen.getAttribute('role')).to.equal('alert');
      expect(screen.textContent).to.contain('Your session has expired');
      expect(screen.textContent).to.contain('open the verification again from where you started it');
      expect(screen.textContent).not.to.contain('Reload');
      await expect(el).to.be.accessible();
    });

    it('with a token source, says a new session is on its way while the renewal is pending, and what helps once none can come', async () => {
      clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
      let refuse: (error: Error) => void = () => {};
      const reasons: string[] = [];
      const el = document.createElement('tl-workflow');
      // No workflow gets on screen (the token is not the sandbox's): the element's own screens show.
      el.apiBase = API;
      el.fetchToken = (reason) => {
        reasons.push(reason);
        return reason === 'initial' ? Promise.resolve(tokenExpiringIn(120)) : new Promise((_, reject) => (refuse = reject));
      };
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
      await until(() => el.expiresAt, 'the first token from fetchToken');
      const expired = oneEvent(el, 'tl-token-expired');
      clock.tick(el.expiresAt!.getTime() - Date.now());
      await expired;
      await el.updateComplete;
      expect(reasons, 'the renewal asked at the warning is still pending').to.deep.equal(['initial', 'expiring']);
      const screen = () => el.shadowRoot!.querySelector('[part~="status"]')!;
      expect(el.state).to.equal('expired');
      expect(screen().getAttribute('data-screen')).to.equal('renewing');
      expect(screen().getAttribute('role')).to.equal('status');
      expect(screen().textContent).to.contain('Renewing your session');
      expect(screen().textContent).to.contain('you will continue where you left off');
      // axe runs on real timers.
      clock.restore();
      clock = undefined;
      await expect(el).to.be.accessible();

      const error = oneEvent(el, 'tl-error');
      refuse(new TokenSourceError('The token endpoint answered HTTP 401.', true));
      expect((await error).detail.code).to.equal('token-endpoint');
      await el.updateComplete;
      expect(screen().getAttribute('data-screen')).to.equal('expired');
      expect(screen().textContent).to.contain('open the verification again from where you started it');
    });

    it('does not fire again when the same token is set again', async () => {
      const el = await fixture<TlWorkflow>(html`<tl-workflow></tl-workflow>`);
      const events = recordEvents(el);
      el.token = EXAMPLE_TOKEN;
      await el.updateComplete;
      el.token = EXAMPLE_TOKEN;
      await el.updateComplete;
      el.setAttribute('token', EXAMPLE_TOKEN);
      await el.updateComplete;
      expect(events.map((e) => e.type)).to.deep.equal(['tl-token-expired']);
    });
  });

  describe('a valid token', () => {
    it('exposes its claims and expiry', async () => {
      const token = tokenExpiringIn(3600, { workflowHint: 'kyc' });
      const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API} .token=${token}></tl-workflow>`);
      const exp = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).exp as number;
      expect(el.expiresAt!.getTime()).to.equal(exp * 1000);
      expect(el.claims!.exp).to.equal(exp);
      expect(el.claims!.partyId).to.equal('3b2d8a4f-579f-4e2e-a51c-f859e532fe8c');
      expect(el.claims!.workflowHint).to.equal('kyc');
      expect(el.state).not.to.equal('expired');
      expect(el.state).not.to.equal('idle');
    });

    it('does not reflect the token to an attribute', async () => {
      const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API} .token=${tokenExpiringIn(3600)}></tl-workflow>`);
      expect(el.hasAttribute('token')).to.equal(false);
    });

    it('fires tl-token-expiring at expiryWarning seconds before exp and tl-token-expired at exp, once each', async () => {
      clock = sinon.useFakeTimers({ now: Date.UTC(2026, 10, 25, 12), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API} expiry-warning="30"></tl-workflow>`);
      const events = recordEvents(el);
      el.token = tokenExpiringIn(120);
      await el.updateComplete;

      clock.tick(89_999);
      expect(events.filter((e) => e.type.startsWith('tl-token')), 'before the warning').to.deep.equal([]);
      clock.tick(1);
      const expiring = events.filter((e) => e.type === 'tl-token-expiring');
      expect(expiring).to.have.length(1);
      expect((expiring[0].detail as { secondsLeft: number }).secondsLeft).to.equal(30);

      clock.tick(29_999);
      expect(events.filter((e) => e.type === 'tl-token-expired')).to.have.length(0);
      clock.tick(1);
      expect(events.filter((e) => e.type === 'tl-token-expired')).to.have.length(1);
      await el.updateComplete;
      expect(el.state).to.equal('expired');

      clock.tick(3_600_000);
      expect(events.filter((e) => e.type.startsWith('tl-token')).map((e) => e.type)).to.deep.equal([
        'tl-token-expiring',
        'tl-token-expired',
      ]);
      expect(clock.countTimers(), 'timers left after expiry').to.equal(0);
    });

    it('uses one timer, not polling', async () => {
      clock = sinon.useFakeTimers({ now: Date.UTC(2026, 10, 25, 12), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'Date'] });
      const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API}></tl-workflow>`);
      el.token = tokenExpiringIn(3600);
      await el.updateComplete;
      expect(clock.countTimers()).to.equal(1);
      clock.tick(60_000);
      expect(clock.countTimers()).to.equal(1);
    });

    for (const warning of ['abc', 'Infinity', '-5', '1e308']) {
      it(`expiry-warning="${warning}" falls back to 60 s, with one timer that never spins`, async () => {
        clock = sinon.useFakeTimers({ now: Date.UTC(2026, 10, 25, 12), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'Date'] });
        const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API} expiry-warning=${warning}></tl-workflow>`);
        const events: string[] = [];
        el.addEventListener('tl-token-expiring', (e) => events.push(`expiring ${e.detail.secondsLeft}`));
        el.addEventListener('tl-token-expired', () => events.push('expired'));
        el.token = tokenExpiringIn(90);
        await el.updateComplete;
        expect(clock.countTimers()).to.equal(1);
        clock.tick(29_000);
        expect(events).to.deep.equal([]);
        clock.tick(1_000);
        expect(events).to.deep.equal(['expiring 60']);
        expect(clock.countTimers()).to.equal(1);
        clock.tick(60_000);
        expect(events).to.deep.equal(['expiring 60', 'expired']);
      });
    }

    it('warns at once when the token is already inside the warning window', async () => {
      const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API}></tl-workflow>`);
      const expiring = oneEvent(el, 'tl-token-expiring');
      el.token = tokenExpiringIn(20);
      const { detail } = await expiring;
      expect(detail.secondsLeft).to.be.within(19, 20);
    });

    it('does not fire at once for a token valid for 30 days (setTimeout limit)', async () => {
      const start = Date.UTC(2026, 10, 25, 12);
      clock = sinon.useFakeTimers({ now: start, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API}></tl-workflow>`);
      const events = recordEvents(el);
      const thirtyDays = 30 * 24 * 3600;
      el.token = tokenExpiringIn(thirtyDays);
      await el.updateComplete;
      clock.tick(1000);
      expect(events.filter((e) => e.type.startsWith('tl-token'))).to.deep.equal([]);
      clock.tick(MAX_TIMEOUT_MS);
      expect(events.filter((e) => e.type.startsWith('tl-token')), 'after 24.8 days').to.deep.equal([]);
      clock.tick((thirtyDays - 60) * 1000 - MAX_TIMEOUT_MS - 1001);
      expect(events.filter((e) => e.type.startsWith('tl-token')), '1 ms before the warning').to.deep.equal([]);
      clock.tick(1);
      expect(events.map((e) => e.type)).to.include('tl-token-expiring');
      expect(Date.now()).to.equal(start + (thirtyDays - 60) * 1000);
    });

    it('notices expiry after the laptop slept, when the page becomes visible or comes online', async () => {
      clock = sinon.useFakeTimers({ now: Date.UTC(2026, 10, 25, 12), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API}></tl-workflow>`);
      const events = recordEvents(el);
      el.token = tokenExpiringIn(600);
      await el.updateComplete;
      // Sleep: the wall clock jumps, timers do not run.
      clock.setSystemTime(Date.now() + 700_000);
      expect(events).to.deep.equal([]);
      document.dispatchEvent(new Event('visibilitychange'));
      expect(events.map((e) => e.type)).to.deep.equal(['tl-token-expired']);

      const second = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API}></tl-workflow>`);
      const secondEvents = recordEvents(second);
      second.token = tokenExpiringIn(600);
      await second.updateComplete;
      clock.setSystemTime(Date.now() + 560_000);
      window.dispatchEvent(new Event('online'));
      expect(secondEvents.map((e) => e.type)).to.deep.equal(['tl-token-expiring']);
    });
  });

  describe('replacing and removing', () => {
    it('a new token replaces the old token timers', async () => {
      clock = sinon.useFakeTimers({ now: Date.UTC(2026, 10, 25, 12), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API}></tl-workflow>`);
      const events = recordEvents(el);
      el.token = tokenExpiringIn(120);
      await el.updateComplete;
      const fresh = tokenExpiringIn(3600, { jti: 'second' });
      el.token = fresh;
      await el.updateComplete;
      expect(clock.countTimers()).to.equal(1);
      clock.tick(300_000);
      expect(events.filter((e) => e.type.startsWith('tl-token')), 'old token timers still ran').to.deep.equal([]);
      expect(el.claims!.jti).to.equal('second');
      clock.tick(3_300_000);
      expect(events.map((e) => e.type).filter((t) => t.startsWith('tl-token'))).to.deep.equal([
        'tl-token-expiring',
        'tl-token-expired',
      ]);
    });

    it('removing the element stops every timer and listener; putting it back re-arms them', async () => {
      clock = sinon.useFakeTimers({ now: Date.UTC(2026, 10, 25, 12), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API}></tl-workflow>`);
      const events = recordEvents(el);
      const added = sinon.spy(document, 'addEventListener');
      const removed = sinon.spy(document, 'removeEventListener');
      el.token = tokenExpiringIn(120);
      await el.updateComplete;
      expect(clock.countTimers()).to.equal(1);
      const parent = el.parentElement!;
      el.remove();
      expect(clock.countTimers(), 'timers after removal').to.equal(0);
      const visibilityAdds = added.getCalls().filter((c) => c.args[0] === 'visibilitychange').length;
      const visibilityRemoves = removed.getCalls().filter((c) => c.args[0] === 'visibilitychange').length;
      expect(visibilityRemoves).to.equal(visibilityAdds);
      clock.tick(200_000);
      document.dispatchEvent(new Event('visibilitychange'));
      expect(events).to.deep.equal([]);

      parent.append(el);
      expect(events.map((e) => e.type)).to.deep.equal(['tl-token-expired']);
      await el.updateComplete;
      expect(el.state).to.equal('expired');
    });
  });

  describe('language', () => {
    it('speaks Polish when the page is in Polish', async () => {
      const wrapper = await fixture(html`<div lang="pl"><tl-workflow></tl-workflow></div>`);
      const el = wrapper.querySelector('tl-workflow')!;
      // From the Polish language file, once it has loaded.
      await until(() => el.shadowRoot!.textContent!.includes('Oczekiwanie na rozpoczęcie'), 'Polish texts');
    });

    it('follows the locale property over the page language', async () => {
      const el = await fixture<TlWorkflow>(html`<tl-workflow locale="pl-PL" .token=${EXAMPLE_TOKEN}></tl-workflow>`);
      await until(() => el.shadowRoot!.textContent!.includes('Twoja sesja wygasła'), 'Polish texts');
      el.locale = 'en';
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.contain('Your session has expired');
      await expect(el).to.be.accessible();
    });
  });

  describe('registration', () => {
    it('loading the widget twice does not throw', async () => {
      await import(`../../src/define.ts?again=${Date.now()}`);
      expect(customElements.get('tl-workflow')).to.exist;
    });
  });
});
