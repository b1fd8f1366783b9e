import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { TlWorkflow } from '../../src/element/tl-workflow.js';
import { click, shadow, until } from '../e2e/driver.js';
import { setViewport } from '../helpers/commands.js';
import { continueTo, executionStatus, fillPersonal, identityToReview } from '../e2e/flows.js';
import { widgetToken } from '../helpers/sandbox.js';
import { FRAME_URL, framedWorkflow, frames, realmFrame, recordEvents, REPLICA_SRC, widgetFrame } from './replica.js';

describe('<tl-workflow engine="official"> end to end, through the replica of TransactionLink\'s widget', function () {
  before(() => setViewport({ width: 1000, height: 900 }));

  it('a user completes the individual KYC inside the frame; the page gets exactly one tl-complete', async () => {
    const { token, executionId } = await widgetToken();
    const el = await fixture<TlWorkflow>(html`<tl-workflow engine="official" widget-src=${REPLICA_SRC}></tl-workflow>`);
    const events = recordEvents(el);
    const ready = oneEvent(el, 'tl-ready');
    el.token = token;
    expect((await ready).detail).to.deep.equal({ workflowId: executionId });
    expect(el.state).to.equal('running');

    // TransactionLink's script runs in the element's own frame (in its shadow root), whose document holds
    // <transactionlink-widget> and TransactionLink's frame; the page has no frame and no such tag of its own;
    // the token is nowhere in the frame's address.
    const realm = realmFrame(el)!;
    expect(realm.getRootNode()).to.equal(el.shadowRoot);
    expect(realm.title).to.equal('Verification');
    const frame = widgetFrame(el)!;
    expect(frame.ownerDocument).to.equal(realm.contentDocument);
    expect(frame.parentElement!.localName).to.equal('transactionlink-widget');
    expect(frame.src).to.equal(FRAME_URL);
    expect(frames()).to.deep.equal([realm, frame]);
    expect(document.querySelector('iframe, transactionlink-widget')).to.equal(null);
    expect('transactionlink' in window).to.equal(false);

    const inner = await framedWorkflow(el);
    // autoHeight: both frames grow to the workflow they show (no scrollbar of their own).
    const height = (box: Element) => box.getBoundingClientRect().height;
    const fitted = () => Math.abs(height(frame) - height(inner)) < 2 && Math.abs(height(realm) - height(frame)) < 2;
    await until(fitted, 'the frame heights following their content');
    await fillPersonal(inner);
    await continueTo(inner, 'identity-document');
    await identityToReview(inner);
    await until(fitted, 'the frame heights following their content');

    const complete = oneEvent(el, 'tl-complete');
    await click(shadow(inner).querySelector('[data-primary]')!);
    expect((await complete).detail).to.deep.equal({ workflowId: executionId, status: 'COMPLETED' });
    await el.updateComplete;
    expect(el.state).to.equal('complete');
    expect(await executionStatus(executionId)).to.equal('COMPLETED');
    await until(() => shadow(inner).querySelector('.screen--complete'), 'the complete screen inside the frame');
    expect(events.filter((e) => e.type === 'tl-complete')).to.have.length(1);
    expect(events.filter((e) => e.type === 'tl-ready')).to.have.length(1);
    expect(events.filter((e) => e.type === 'tl-error')).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});
