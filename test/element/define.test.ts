import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../../src/define.js';
import { TlWorkflow } from '../../src/element/tl-workflow.js';

let counter = 0;
const freshTag = () => `tl-define-test-${++counter}`;

/** Whether this browser can create a scoped custom element registry. */
function scopedRegistries(): boolean {
  try {
    return typeof CustomElementRegistry === 'function' && new CustomElementRegistry() instanceof CustomElementRegistry;
  } catch {
    return false;
  }
}

describe('TlWorkflow.define()', () => {
  it('importing the package defined <tl-workflow> with the class itself; defining it again is a no-op', () => {
    expect(customElements.get('tl-workflow')).to.equal(TlWorkflow);
    expect(TlWorkflow.define()).to.equal('tl-workflow');
    expect(customElements.get('tl-workflow')).to.equal(TlWorkflow);
  });

  it('defines another tag (a subclass, since the class already has one) that works like <tl-workflow>', async () => {
    const tag = freshTag();
    expect(TlWorkflow.define(tag)).to.equal(tag);
    const defined = customElements.get(tag)!;
    expect(defined.prototype).to.be.instanceOf(TlWorkflow);
    const el = await fixture<TlWorkflow>(staticHtml`<${unsafeStatic(tag)}></${unsafeStatic(tag)}>`);
    expect(el.state).to.equal('idle');
    expect(el.shadowRoot!.querySelector('[part~="base"]')).to.exist;
    expect(TlWorkflow.define(tag), 'a tag already taken is left alone').to.equal(tag);
    expect(customElements.get(tag)).to.equal(defined);
  });

  describe('a tag already held', () => {
    afterEach(() => sinon.restore());

    it('by another element: left alone, with a warning that says so', () => {
      const warn = sinon.stub(console, 'warn');
      const tag = freshTag();
      class Other extends HTMLElement {}
      customElements.define(tag, Other);
      expect(() => TlWorkflow.define(tag)).not.to.throw();
      expect(customElements.get(tag)).to.equal(Other);
      expect(warn.calledOnce).to.equal(true);
      expect(warn.firstCall.args[0]).to.contain(`<${tag}> is already defined by another element`);
    });

    it('by another version of the widget: left alone, with a warning naming both versions', () => {
      const warn = sinon.stub(console, 'warn');
      const tag = freshTag();
      class OlderWidget extends HTMLElement {
        static version = '0.0.9';
      }
      customElements.define(tag, OlderWidget);
      TlWorkflow.define(tag);
      expect(customElements.get(tag)).to.equal(OlderWidget);
      expect(warn.calledOnce).to.equal(true);
      expect(warn.firstCall.args[0]).to.contain(`<${tag}> is already defined by tl-workflow 0.0.9: this tl-workflow ${TlWorkflow.version} is not registered`);
      expect(TlWorkflow.version).to.match(/^\d+\.\d+\.\d+/);
    });

    it('by another copy of the same version (a script tag and a bundle): left alone, no warning', () => {
      const warn = sinon.stub(console, 'warn');
      const tag = freshTag();
      class SameVersionCopy extends HTMLElement {
        static version = TlWorkflow.version;
      }
      customElements.define(tag, SameVersionCopy);
      TlWorkflow.define(tag);
      TlWorkflow.define();
      expect(customElements.get(tag)).to.equal(SameVersionCopy);
      expect(warn.called).to.equal(false);
    });
  });

  it('a registry without getName (Chrome and Edge before 117): a second tag still gets a subclass of its own, no error', async () => {
    const getName = Object.getOwnPropertyDescriptor(CustomElementRegistry.prototype, 'getName');
    // @ts-expect-error -- removed for this test: the registry as older browsers have it.
    delete CustomElementRegistry.prototype.getName;
    const tag = freshTag();
    try {
      expect('getName' in customElements).to.equal(false);
      expect(() => TlWorkflow.define(tag)).not.to.throw();
    } finally {
      if (getName) Object.defineProperty(CustomElementRegistry.prototype, 'getName', getName);
    }
    const defined = customElements.get(tag)!;
    expect(defined).not.to.equal(TlWorkflow);
    expect(defined.prototype).to.be.instanceOf(TlWorkflow);
    const el = await fixture<TlWorkflow>(staticHtml`<${unsafeStatic(tag)} token="not-a-jwt"></${unsafeStatic(tag)}>`);
    expect(el.state).to.equal('error');
  });

  // Scoped registries (`new CustomElementRegistry()`): in Chromium; not in Firefox ESR 153 nor in WebKitGTK 2.50.
  const title = 'defines into the registry it is given (a scoped registry) and not into the global one; elements of that registry are widgets';
  (scopedRegistries() ? it : it.skip)(scopedRegistries() ? title : `${title} [skipped: this browser has no scoped custom element registries]`, async () => {
    const scoped = new CustomElementRegistry();
    const tag = freshTag();
    expect(TlWorkflow.define(tag, scoped)).to.equal(tag);
    expect(customElements.get(tag)).to.equal(undefined);
    // A shadow root that uses the scoped registry: the tag there is a <tl-workflow>, showing its idle screen.
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open', customElementRegistry: scoped } as ShadowRootInit);
    root.innerHTML = `<${tag}></${tag}>`;
    const el = root.querySelector(tag) as TlWorkflow;
    expect(el).to.be.instanceOf(TlWorkflow);
    await el.updateComplete;
    expect(el.state).to.equal('idle');
    expect(el.shadowRoot!.textContent).to.contain('Waiting to start');
  });

  it('renders no inner custom element in any state it reaches without a server', async () => {
    const el = await fixture<TlWorkflow>(html`<tl-workflow token="not-a-jwt"></tl-workflow>`);
    expect([...el.shadowRoot!.querySelectorAll('*')].filter((n) => n.localName.includes('-'))).to.deep.equal([]);
  });
});
