/**
 * The checks for the framework apps that use `token-endpoint` (test/apps/svelte, test/apps/angular):
 * the page loads the app's production bundle, built from the packed tarball, before the tests; the
 * app's "Start" signs in to the demo backend, and the element gets its token from the backend's
 * widgetTokenHandler by itself, through the framework's typed bindings.
 */
import { expect } from '@open-wc/testing';
import { click, control, loggedEvents, pageButton, until, widget } from './demo-page.js';

export function tokenEndpointApp(framework: string): void {
  describe(`the ${framework} app, built from the packed tarball`, function () {
    this.timeout(60000);

    it('binds token-endpoint and the other properties; the element gets its token itself and shows the first step; typed events reach the app', async () => {
      await until(() => document.querySelector('main h1'), 'the app rendered');
      await click(pageButton('Start a verification'));
      await until(() => control('firstName'), 'the first step');
      const el = widget()!;
      await until(() => loggedEvents().length > 0, 'the app logging tl-ready');
      expect(loggedEvents()).to.deep.equal([`tl-ready ${el.claims!.executionId as string}`]);
      expect(el.tokenEndpoint).to.equal('/demo-api/token');
      expect(el.expiryWarning).to.equal(30);
      expect(el.requestTimeout).to.equal(15000);
      expect(el.apiBase).to.equal('/tl-api');
      expect(el.state).to.equal('running');
      // The token stays inside the element: not the property, not an attribute.
      expect(el.token).to.equal('');
      expect([...el.attributes].map((a) => a.name)).not.to.include('token');
    });
  });
}
