/**
 * `tl-workflow/react`: `<tl-workflow>` for React 18 and 19.
 *
 * - `TlWorkflow`: a React component made with `@lit/react`. `token` (and every other property) is
 *   set as a property, never written as an attribute; the `tl-` events are typed props
 *   (`onTlComplete={(e) => e.detail.status}`, no casts).
 * - Importing this module also declares `<tl-workflow>` for React's JSX, where it works: with React
 *   19's types, the tag's attributes (every one the element has, `token-endpoint`, `api-base`,
 *   `placement`, ..., typed from the element class) and the `ontl-*` handlers. React 18 drops `ontl-*` handlers on a
 *   custom element and writes `token` as an attribute: with React 18's types, both are type errors
 *   there (use `TlWorkflow`, or `token-endpoint`).
 *
 * Importing it registers `<tl-workflow>` (through `tl-workflow`).
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import {
  TlWorkflow as TlWorkflowElement,
  type CamelCase,
  type TlEvent,
  type TlEventName,
  type TlWorkflowAttributes,
  type TlWorkflowEventAttributes,
} from 'tl-workflow';

/** The React component's event prop of a `tl-` event: `tl-step-change` -> `onTlStepChange`. */
type EventProp<K extends TlEventName> = `on${Capitalize<CamelCase<K>>}`;

/**
 * The React component's event props, by the event each one listens to. The type demands every `tl-`
 * event, each under its own prop name, and nothing else.
 */
const eventNames = {
  onTlReady: 'tl-ready',
  onTlStepChange: 'tl-step-change',
  onTlComplete: 'tl-complete',
  onTlCancel: 'tl-cancel',
  onTlError: 'tl-error',
  onTlTokenExpiring: 'tl-token-expiring',
  onTlTokenExpired: 'tl-token-expired',
} as const satisfies { [K in TlEventName as EventProp<K>]: K };

/** The same table, typed for `@lit/react`: each prop's handler gets its event's type. */
const events = eventNames as { [P in keyof typeof eventNames]: EventName<TlEvent<(typeof eventNames)[P]>> };

/**
 * `<TlWorkflow tokenEndpoint="/api/tl-token" onTlComplete={(e) => ...} />`: the `<tl-workflow>` element
 * as a React component. Props: the element's properties (`tokenEndpoint`, `fetchToken`, `token`,
 * `apiBase`, `locale`, ..., set as properties, in an effect), an `onTl*` prop per `tl-` event, and
 * any HTML attribute (`className`, `style`, `id`, ...). A `ref` gives the element itself.
 */
export const TlWorkflow = createComponent({
  react: React,
  tagName: 'tl-workflow',
  elementClass: TlWorkflowElement,
  events,
  displayName: 'TlWorkflow',
});

/** The props of the `TlWorkflow` React component. */
export type TlWorkflowProps = React.ComponentProps<typeof TlWorkflow>;

/** The attributes of `<tl-workflow>` that are safe in any React (all but `token`: they hold no token). */
interface TlWorkflowTagAttributes
  extends Omit<TlWorkflowAttributes, 'token'>,
    React.HTMLAttributes<TlWorkflowElement>,
    React.RefAttributes<TlWorkflowElement> {}

/** The `<tl-workflow>` tag in React 19 JSX: attributes as React passes them, and `ontl-*` handlers. */
export interface TlWorkflowJsxProps extends TlWorkflowTagAttributes, TlWorkflowEventAttributes {
  /**
   * The one-time widget token. React 19 sets it as a property on the client, but renders it as a
   * `token="..."` attribute on a server (in the HTML): prefer `token-endpoint`.
   */
  token?: string;
}

/**
 * The `<tl-workflow>` tag with React 18's types: React 18 sets no property on a custom element
 * (`token` would be written as an attribute) and drops `ontl-*` handlers, so both are type errors
 * (`never`). Use `TlWorkflow` (it sets properties and listens to the events), or `token-endpoint`.
 */
export type TlWorkflowReact18JsxProps = TlWorkflowTagAttributes & {
  /** @deprecated React 18 writes it as an attribute: use `TlWorkflow` from `tl-workflow/react`, or `token-endpoint`. */
  token?: never;
} & {
  /** @deprecated React 18 drops `ontl-*` handlers: use `TlWorkflow`'s `onTl*` props. */
  [K in keyof TlWorkflowEventAttributes]?: never;
};

/** React 19's types (`useActionState` is new in them) get the whole tag; React 18's the safe part. */
type TlWorkflowTag = typeof React extends { useActionState: unknown } ? TlWorkflowJsxProps : TlWorkflowReact18JsxProps;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'tl-workflow': TlWorkflowTag;
    }
  }
}
