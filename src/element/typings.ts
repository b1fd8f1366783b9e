/**
 * The element's contract as types, derived from the element class and the event map: the framework
 * typings (`tl-workflow/react`, `/vue`, `/svelte`, `/angular`) are built from these, so a property,
 * an attribute value or an event added to the element reaches them all. Types only: nothing here
 * runs. test/node/framework-typings.test.ts checks them against the custom-elements manifest.
 */
import type { TlEvent, TlEventName } from '../events/events.js';
import type { TlWorkflow } from './tl-workflow.js';

/** `'apiBase'` -> `'api-base'`: the attribute of a property (each multi-word one names it so in `static properties`). */
export type KebabCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `-${Lowercase<Head>}`}${KebabCase<Tail>}`
  : S;

/** `'tl-step-change'` -> `'tlStepChange'`. */
export type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** The element's public reactive properties: the keys of its `static properties` table that are public members. */
export type TlWorkflowProperty = keyof typeof TlWorkflow.properties & keyof TlWorkflow & string;

/** The public properties a page sets as attributes: all but the functions (`fetchToken` is a property only). */
export type TlWorkflowAttributeProperty = {
  [K in TlWorkflowProperty]: NonNullable<TlWorkflow[K]> extends (...args: never[]) => unknown ? never : K;
}[TlWorkflowProperty];

/** The public properties that have no attribute (`fetchToken`): a template sets them as properties. */
export type TlWorkflowPropertyOnly = Exclude<TlWorkflowProperty, TlWorkflowAttributeProperty>;

/** The element's public properties, each optional, with the element's own types (`engine`, `environment`, ... as unions). */
export type TlWorkflowProperties = Partial<Pick<TlWorkflow, TlWorkflowProperty>>;

/** What an attribute of a property of type `T` may be written as in a template: numbers also as strings. */
type AttributeValue<T> = T extends number ? number | string : T;

/** The element's attributes by their HTML names (`token-endpoint`, `api-base`, `environment`, ...), with their values. */
export type TlWorkflowAttributes = {
  [K in TlWorkflowAttributeProperty as KebabCase<K>]?: AttributeValue<TlWorkflow[K]>;
};

/** A handler of the `tl-` event `K`, with its typed `e.detail`. */
export type TlEventHandler<K extends TlEventName> = (event: TlEvent<K>) => void;

/** `ontl-*` event attributes (React 19 JSX, Svelte 5): `ontl-complete={(e) => e.detail.status}`. */
export type TlWorkflowEventAttributes = {
  [K in TlEventName as `on${K}`]?: TlEventHandler<K>;
};

/** `onTl*` event props (Vue's `@tl-*`, `@lit/react`'s component): `onTlComplete`. */
export type TlWorkflowEventProps = {
  [K in TlEventName as `on${Capitalize<CamelCase<K>>}`]?: TlEventHandler<K>;
};
