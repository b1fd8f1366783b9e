/**
 * The same checks for every framework demo (demo/react and demo/react18 under StrictMode, demo/vue): the page
 * loads the demo's production bundle, built from the packed tarball, before the tests.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '../helpers/commands.js';
import { ExecutionRequests } from '../helpers/execution-requests.js';
import { click, control, loggedEvents, pageButton, typeInto, until, widget } from './demo-page.js';

const count = (prefix: string) => loggedEvents().filter((line) => line.startsWith(prefix)).length;

/** Defines the demo journey suite for `framework`; `extra` adds framework-specific checks. */
export function demoJourney(framework: string, extra?: () => void): void {
  describe(`the ${framework} demo, built from the packed tarball`, function () {
    let requests: ExecutionRequests;

    before(async () => {
      await setViewport({ width: 1000, height: 900 });
      requests = new ExecutionRequests();
      await until(() => document.querySelector('main h1'), 'the demo rendered');
    });

    extra?.();

    it('starts a verification: tl-ready once, the token set as a property and never as an attribute', async () => {
      await click(pageButton('Start a verification'));
      await until(() => count('tl-ready') === 1, 'tl-ready');
      await until(() => control('firstName'), 'the first step');
      expect(widget()!.hasAttribute('token'), 'token attribute').to.equal(false);
      expect(widget()!.token).to.match(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(requests.seen, 'one execution load').to.have.length(1);
      expect(loggedEvents()).to.deep.equal([`tl-ready ${widget()!.claims!.executionId}`]);
    });

    it('a new token prop resumes the same step with what the user typed; nothing fires twice', async () => {
      await typeInto('firstName', 'Zofia');
      const el = widget()!;
      const firstToken = el.token;
      await click(pageButton('Hand it a new token'));
      await until(() => el.token !== firstToken, 'the new token on the element');
      await until(() => requests.seen.length === 2 && requests.seen[1]!.settled, 'the execution loaded with the new token');
      await el.updateComplete;
      expect(widget(), 'the same element').to.equal(el);
      expect(el.state).to.equal('running');
      expect(control('firstName')!.value).to.equal('Zofia');
      expect(el.hasAttribute('token')).to.equal(false);
      expect(loggedEvents(), 'no event fired twice').to.have.length(1);
    });

    it('removing the widget while it loads aborts its request and fires nothing', async () => {
      await click(pageButton('Remove the widget'));
      await until(() => !widget(), 'the widget removed');
      requests.hold();
      await click(pageButton('Start a verification'));
      const pending = await until(() => requests.seen[2], 'the new widget loading its execution');
      const el = widget()!;
      expect(el.state).to.equal('loading');
      expect(pending.signal?.aborted, 'still in flight').to.equal(false);
      await click(pageButton('Remove the widget'));
      await until(() => !widget(), 'the widget removed while loading');
      expect(el.isConnected).to.equal(false);
      expect(pending.signal?.aborted, 'the request aborted').to.equal(true);
      requests.release();
      await until(() => pending.settled, 'the aborted request settled');
      // The positive signal first: the next widget loads and fires tl-ready (round trips after the
      // aborted request settled); by then the removed one has fired nothing, and asked for nothing more.
      const before = loggedEvents();
      await click(pageButton('Start a verification'));
      await until(() => count('tl-ready') === 2, 'the next widget\'s tl-ready');
      expect(loggedEvents(), 'no tl-ready, no tl-error from the removed widget').to.deep.equal([...before, `tl-ready ${widget()!.claims!.executionId}`]);
      expect(requests.seen, 'no other request: the next widget\'s load only').to.have.length(4);
    });
  });
}
