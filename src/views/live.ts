import { noChange, type PropertyPart } from 'lit';
import { Directive, directive, type Part } from 'lit/directive.js';
import { setCommittedValue } from 'lit/directive-helpers.js';

/** See `live`. */
class Live extends Directive {
  render(value: unknown) {
    return value;
  }

  override update(part: Part, [value]: [unknown]) {
    const { element, name } = part as PropertyPart;
    if (value === (element as unknown as Record<string, unknown>)[name]) return noChange;
    // What Lit last set may differ from what the user left there: forget it, so this value is set.
    setCommittedValue(part);
    return value;
  }
}

/**
 * `.value=${live(text)}` / `.checked=${live(on)}`: sets the control's property whenever it differs
 * from what the control holds now (the user may have changed it since the last render), as Lit's
 * `live` does for property bindings. This one has only that case (no attribute bindings, no
 * checks that throw with their messages): 0.17 KB less in the script-tag file.
 */
export const live = directive(Live);
