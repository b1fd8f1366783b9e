import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from '../live.js';
import type { FieldDefinition } from '../../schema/api-types.js';
import { asText, dateLocale, getPath, idFor, t, type FieldContext } from '../util.js';
import { fieldIds, renderFieldset } from './field-parts.js';
import { KNOWN_LOCALES, type DatePart } from '../../i18n/format.js';

/**
 * The date field: day, month and year boxes, ordered as the widget's locale writes dates
 * (`Intl.DateTimeFormat(locale).formatToParts`: 17.05.1990 in `pl` and `en-GB`, 05/17/1990 in `en`) and
 * labelled in its language. The native `<input type=date>` follows the browser's locale instead, and
 * its typing differs between engines (WebKitGTK has no segmented control at all).
 *
 * The value stays an ISO `YYYY-MM-DD` string: while the user types it is `year-month-day` as typed
 * (`1990-5-` is not a date yet, and validation says so); on leaving a box (`change`, which browsers
 * also fire before an Enter submits the form) day and month get their leading zero.
 */

/** A box of the date; its class is `date__<part>`, its label `views.date.<part>`, its autocomplete `bday-<part>`. */
type Part = DatePart;

/** Orders by locale: the widget's own languages known from the start (see `KNOWN_LOCALES`), others asked of `Intl` once. */
const ORDER_CACHE = new Map<string, readonly Part[]>(KNOWN_LOCALES);

/** Day, month and year in the order `locale` writes a numeric date. */
export function datePartOrder(locale: string): readonly Part[] {
  let order = ORDER_CACHE.get(locale);
  if (!order) {
    const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(0)
      .map((p) => p.type)
      .filter((type): type is Part => type === 'day' || type === 'month' || type === 'year');
    order = parts.length === 3 ? parts : ['year', 'month', 'day'];
    ORDER_CACHE.set(locale, order);
  }
  return order;
}

/** Splits a stored value (`YYYY-MM-DD`, or a partial `year-month-day`) into its parts. */
export function splitDate(value: string): Record<Part, string> {
  const match = /^(\d*)-(\d*)-(\d*)$/.exec(value);
  return match ? { year: match[1]!, month: match[2]!, day: match[3]! } : { year: '', month: '', day: '' };
}

/** Joins the typed parts into the stored value: `''` when all are empty, zero-padded when `pad`. */
export function joinDate(parts: Record<Part, string>, pad: boolean): string {
  const digits = (s: string) => s.replace(/\D/g, '');
  const [year, month, day] = [digits(parts.year), digits(parts.month), digits(parts.day)];
  if (!year && !month && !day) return '';
  const two = (s: string) => (pad && s.length === 1 ? `0${s}` : s);
  return `${year}-${two(month)}-${two(day)}`;
}

/**
 * Renders a `date` field: a fieldset (legend = the field's label) holding three labelled numeric
 * boxes in the locale's order. Hint and error are linked from each box; `min`/`max` are checked by
 * the runner's validation (and the server), as for every field.
 */
export function renderDateField(field: FieldDefinition, ctx: FieldContext): TemplateResult {
  const { view, actions, path } = ctx;
  const ids = fieldIds(field, ctx);
  const parts = splitDate(asText(getPath(view.values, path)));
  const required = !!field.required;
  const bday = field.autocomplete === 'bday';

  const set = (e: Event, pad: boolean) => {
    const typed = { day: '', month: '', year: '' };
    for (const input of (e.target as Element).closest('fieldset')!.querySelectorAll<HTMLInputElement>('input[data-date-part]')) {
      typed[input.dataset.datePart as Part] = input.value;
    }
    actions.setValue(path, joinDate(typed, pad));
  };

  const boxes = datePartOrder(dateLocale(view)).map((part, index) => {
    const id = index === 0 ? ids.id : idFor(path, part);
    return html`<div class="date__${part}">
      <label class="sublabel" for=${id}>${t(view, `views.date.${part}`)}</label>
      <input
        id=${id}
        class="control"
        type="text"
        inputmode="numeric"
        data-date-part=${part}
        data-field-path=${ifDefined(index === 0 ? path : undefined)}
        maxlength=${part === 'year' ? 4 : 2}
        autocomplete=${bday ? `bday-${part}` : 'off'}
        ?required=${required}
        aria-required=${required}
        aria-invalid=${ifDefined(ids.invalid)}
        aria-describedby=${ifDefined(ids.describedBy)}
        .value=${live(parts[part])}
        @input=${(e: Event) => set(e, false)}
        @change=${(e: Event) => set(e, true)}
      />
    </div>`;
  });
  return renderFieldset(field, ctx, ids, html`<div class="date">${boxes}</div>`);
}
