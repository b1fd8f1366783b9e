import { expect, fixture, html } from '@open-wc/testing';
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

  it('leaves a tag that another element holds alone', () => {
    const tag = freshTag();
    class Other extends HTMLElement {}
    customElements.define(tag, Other);
    expect(() => TlWorkflow.define(tag)).not.to.throw();
    expect(customElements.get(tag)).to.equal(Other);
  });

  // Scoped registries (`new CustomElementRegistry()`) are in Chromium and WebKit, not in Firefox ESR 153.
  const title = 'defines into the registry it is given (a scoped registry) and not into the global one';
  (scopedRegistries() ? it : it.skip)(scopedRegistries() ? title : `${title} [skipped: this browser has no scoped custom element registries]`, () => {
    const scoped = new CustomElementRegistry();
    const tag = freshTag();
    TlWorkflow.define(tag, scoped);
    expect(scoped.get(tag)).to.be.a('function');
    expect(customElements.get(tag)).to.equal(undefined);
  });

  it('renders no inner custom element in any state it reaches without a server', async () => {
    const el = await fixture<TlWorkflow>(html`<tl-workflow token="not-a-jwt"></tl-workflow>`);
    expect([...el.shadowRoot!.querySelectorAll('*')].filter((n) => n.localName.includes('-'))).to.deep.equal([]);
  });
});
