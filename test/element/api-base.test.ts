import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { API_BASE, widgetToken } from '../helpers/sandbox.js';

describe('<tl-workflow> api-base', () => {
  it('a corrected api-base runs the same token against the new base, without setting the token again', async () => {
    const { token, executionId } = await widgetToken();
    const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${`${API_BASE}/wrong`}></tl-workflow>`);
    const error = oneEvent(el, 'tl-error');
    el.token = token;
    expect((await error).detail).to.include({ code: 'not-found' });
    const ready = oneEvent(el, 'tl-ready');
    el.apiBase = API_BASE;
    expect((await ready).detail.workflowId).to.equal(executionId);
    await el.updateComplete;
    expect(el.state).to.equal('running');
  });

  it('the same api-base written differently (a trailing slash) makes no new request', async () => {
    const { token } = await widgetToken();
    const el = await fixture<TlWorkflow>(html`<tl-workflow api-base=${API_BASE}></tl-workflow>`);
    const ready = oneEvent(el, 'tl-ready');
    el.token = token;
    await ready;
    const fetches = sinon.spy(window, 'fetch');
    el.apiBase = `${API_BASE}/`;
    await el.updateComplete;
    // Then a real change: its request (and error) is the positive signal that requests are seen.
    const error = oneEvent(el, 'tl-error');
    el.apiBase = `${API_BASE}/wrong`;
    expect((await error).detail).to.include({ code: 'not-found' });
    const urls = fetches.getCalls().map((call) => String(call.args[0]));
    fetches.restore();
    expect(urls).to.deep.equal([`${API_BASE}/wrong/widget/execution`]);
  });
});
