import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';
import type { FieldOption } from '../../schema/api-types.js';

/**
 * Each options list as `<option>`s (text, never markup), built once per content and cloned for every
 * select showing it, across workflows too (each new workflow brings new but equal option arrays).
 * A page shows a handful of lists: the cache is emptied past `MASTERS_KEPT` of them.
 */
const masters = new Map<string, DocumentFragment>();
const MASTERS_KEPT = 20;

function master(options: readonly FieldOption[]): DocumentFragment {
  const key = options.map((o) => `${o.value}\u0000${o.label}`).join('\u0001');
  let fragment = masters.get(key);
  if (!fragment) {
    if (masters.size >= MASTERS_KEPT) masters.clear();
    fragment = document.createDocumentFragment();
    for (const o of options) {
      const node = document.createElement('option');
      node.value = o.value;
      node.textContent = o.label;
      fragment.append(node);
    }
    masters.set(key, fragment);
  }
  return fragment;
}

/**
 * The `<option>`s of a select, for long lists (249 countries): one native clone of the list's
 * options, inserted at once, instead of one template per option; later renders only move the
 * selection. Lit keeps a fragment it has inserted as the part's value, so giving it the same
 * (now empty) fragment again leaves the options in place; a new list replaces them. Selection is
 * the `selected` attribute (`defaultSelected`), as a `?selected` binding would set it.
 */
class OptionList extends Directive {
  #source: readonly FieldOption[] | null = null;
  #fragment: DocumentFragment | null = null;
  #nodes: HTMLOptionElement[] = [];
  /** The value last selected in `nodes`: a redraw with the same one (every keystroke) touches none of them. */
  #selected: string | null = null;

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.CHILD) throw new Error('optionList() goes inside a <select>');
  }

  render(options: readonly FieldOption[], value: string): DocumentFragment {
    if (options !== this.#source || !this.#fragment) {
      this.#source = options;
      this.#fragment = master(options).cloneNode(true) as DocumentFragment;
      this.#nodes = [...this.#fragment.children] as HTMLOptionElement[];
      this.#selected = null;
    }
    if (value === this.#selected) return this.#fragment;
    this.#selected = value;
    for (const node of this.#nodes) {
      const selected = node.value === value;
      if (node.defaultSelected !== selected) node.defaultSelected = selected;
    }
    return this.#fragment;
  }
}

/** `<select>${optionList(options, value)}</select>`: see `OptionList`. */
export const optionList = directive(OptionList);
