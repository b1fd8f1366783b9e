import { Directive, directive, PartType, type ChildPart, type PartInfo } from 'lit/directive.js';
import type { FieldOption } from '../../schema/api-types.js';

/**
 * Each options list as `<option>`s (text, never markup), built once per content and cloned for every
 * select showing it, across workflows too (each new workflow brings new but equal option arrays).
 * A page shows a handful of lists: the cache is emptied past `MASTERS_KEPT` of them.
 */
const masters = new Map<string, DocumentFragment>();
const MASTERS_KEPT = 20;

/**
 * From this many options on, a list is put in its select after the frame that draws the step: a
 * select of 249 countries costs that frame several milliseconds (its options are cloned, and its
 * width is measured over every one), and a first step may have three (nationality, country, the
 * phone's calling code): about 17 ms of a KYC first step's 43 ms in Chromium.
 */
const LONG_LIST = 50;

function master(options: readonly FieldOption[]): DocumentFragment {
  const key = options.map((o) => `${o.value}\u0000${o.label}`).join('\u0001');
  let fragment = masters.get(key);
  if (!fragment) {
    if (masters.size >= MASTERS_KEPT) masters.clear();
    fragment = document.createDocumentFragment();
    for (const o of options) fragment.append(new Option(o.label, o.value));
    masters.set(key, fragment);
  }
  return fragment;
}

/** Calls `then` once the page is idle after the frame that drew the select (WebKit has no requestIdleCallback: the frame after it). */
function whenIdle(then: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(then, { timeout: 500 });
  else requestAnimationFrame(() => requestAnimationFrame(then));
}

/**
 * The `<option>`s of a select, for long lists (249 countries): one native clone of the list's
 * options, inserted at once, instead of one template per option; later renders only move the
 * selection. Lit keeps a fragment it has inserted as the part's value, so giving it the same
 * (now empty) fragment again leaves the options in place; a new list replaces them. Selection is
 * the `selected` attribute (`defaultSelected`), as a `?selected` binding would set it. A list of
 * `LONG_LIST` options or more is first drawn with the chosen option alone, and completed in place
 * (between the part's markers, which Lit clears when the list changes) on focus, on pointerdown or
 * when the page is idle.
 */
class OptionList extends Directive {
  #source: readonly FieldOption[] | null = null;
  #fragment: DocumentFragment | null = null;
  #nodes: HTMLOptionElement[] = [];
  /** The value last selected in `nodes`: a redraw with the same one (every keystroke) touches none of them. */
  #selected: string | null = null;
  #part: ChildPart | null = null;
  /** Whether `nodes` are the whole of `source` (not only its chosen option). */
  #whole = false;
  /** Whether an idle callback will complete the list. */
  #idleArmed = false;

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.CHILD) throw new Error('optionList() goes inside a <select>');
  }

  override update(part: ChildPart, [options, value]: [readonly FieldOption[], string]): DocumentFragment {
    this.#part = part;
    return this.render(options, value);
  }

  render(options: readonly FieldOption[], value: string): DocumentFragment {
    if (options !== this.#source || !this.#fragment) {
      this.#source = options;
      this.#selected = null;
      this.#whole = options.length < LONG_LIST || !this.#part;
      if (this.#whole) {
        this.#fragment = master(options).cloneNode(true) as DocumentFragment;
      } else {
        const chosen = options.find((o) => o.value === value);
        this.#fragment = document.createDocumentFragment();
        if (chosen) this.#fragment.append(new Option(chosen.label, chosen.value));
        const select = this.#part!.parentNode as Element;
        // Busy until the list is whole (the sandbox's Playwright journey waits for it).
        select.setAttribute('aria-busy', 'true');
        // Whole before a keyboard, a pointer or a phone's picker can reach an option.
        select.addEventListener('focus', this.#complete);
        select.addEventListener('pointerdown', this.#complete);
        this.#completeWhenIdle();
      }
      this.#nodes = [...this.#fragment.children] as HTMLOptionElement[];
    } else if (!this.#whole && value !== this.#selected) {
      // Another value before the list is whole (a prefill): its option may not be drawn yet.
      this.#complete();
    } else if (!this.#whole) {
      // Drawn again after it left the page before it was idle (a widget moved): completed when idle.
      this.#completeWhenIdle();
    }
    if (value !== this.#selected) {
      this.#selected = value;
      for (const node of this.#nodes) {
        const selected = node.value === value;
        if (node.defaultSelected !== selected) node.defaultSelected = selected;
      }
    }
    return this.#fragment;
  }

  /**
   * Completes the list once the page is idle (before autofill or a test tool looks for an option),
   * unless the select has left the page by then (a widget removed at once): that work is skipped,
   * and done when it is drawn again, focused or pressed.
   */
  #completeWhenIdle(): void {
    if (this.#idleArmed) return;
    this.#idleArmed = true;
    whenIdle(() => {
      this.#idleArmed = false;
      if (this.#part?.parentNode.isConnected) this.#complete();
    });
  }

  /** Puts the whole list in place of its chosen option (the list shown now: it may have changed since it was drawn). */
  readonly #complete = (): void => {
    const part = this.#part;
    if (this.#whole || !part || !this.#source) return;
    this.#whole = true;
    part.parentNode.removeEventListener('focus', this.#complete);
    part.parentNode.removeEventListener('pointerdown', this.#complete);
    const all = master(this.#source).cloneNode(true) as DocumentFragment;
    const nodes = [...all.children] as HTMLOptionElement[];
    for (const node of nodes) node.defaultSelected = node.value === this.#selected;
    for (const node of this.#nodes) node.remove();
    part.parentNode.insertBefore(all, part.endNode);
    (part.parentNode as Element).removeAttribute('aria-busy');
    this.#nodes = nodes;
  };
}

/** `<select>${optionList(options, value)}</select>`: see `OptionList`. */
export const optionList = directive(OptionList);
