/**
 * `tl-workflow/react`: `<tl-workflow>` for React 18 and 19.
 *
 * - `TlWorkflow`: a React component made with `@lit/react`. `token` (and every other property) is
 *   set as a property, never written as an attribute; the `tl-` events are typed props
 *   (`onTlComplete={(e) => e.detail.status}`, no casts).
 * - Importing this module also declares `<tl-workflow>` for React's JSX, where it works: with React
 *   19's types, the tag's attributes (`token-endpoint`, `api-base`, `locale`, `expiry-warning`,
 *   `request-timeout`, `engine`, ...) and the `ontl-*` handlers. React 18 drops `ontl-*` handlers on a
 *   custom element and writes `token` as an attribute: with React 18's types, both are type errors
 *   there (use `TlWorkflow`, or `token-endpoint`).
 *
 * Importing it registers `<tl-workflow>` (through `tl-workflow`).
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { TlWorkflow as TlWorkflowElement, type TlEvent, type TlEventName } from 'tl-workflow';

/** The `tl-` event of `name`, as a React prop's event type. */
type Typed<K extends TlEventName> = EventName<TlEvent<K>>;

/** The React component's event props, by the event each one listens to. */
const events = {
  onTlReady: 'tl-ready' as Typed<'tl-ready'>,
  onTlStepChange: 'tl-step-change' as Typed<'tl-step-change'>,
  onTlComplete: 'tl-complete' as Typed<'tl-complete'>,
  onTlCancel: 'tl-cancel' as Typed<'tl-cancel'>,
  onTlError: 'tl-error' as Typed<'tl-error'>,
  onTlTokenExpiring: 'tl-token-expiring' as Typed<'tl-token-expiring'>,
  onTlTokenExpired: 'tl-token-expired' as Typed<'tl-token-expired'>,
};

/**
 * `<TlWorkflow tokenEndpoint="/api/tl-token" onTlComplete={(e) => ...} />`: the `<tl-workflow>` element
 * as a React component. Props: `tokenEndpoint`, `fetchToken`, `token`, `apiBase`, `locale`,
 * `expiryWarning`, `requestTimeout`, `engine`, ... (set as properties, in an effect), the seven
 * `onTl*` event props, and any HTML attribute (`className`, `style`, `id`, ...). A `ref` gives the
 * element itself.
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

/** The attributes of `<tl-workflow>` that are safe in any React (they hold no token). */
interface TlWorkflowAttributes extends React.HTMLAttributes<TlWorkflowElement>, React.RefAttributes<TlWorkflowElement> {
  /** The host's token endpoint (`widgetTokenHandler`): the element gets its tokens itself, none is in the HTML. */
  'token-endpoint'?: string;
  'api-base'?: string;
  locale?: string;
  'expiry-warning'?: number | string;
  'request-timeout'?: number | string;
  engine?: 'official' | 'native' | '';
  environment?: 'production' | 'sandbox';
  'widget-src'?: string;
  modal?: boolean;
  'load-timeout'?: number | string;
}

/** The `<tl-workflow>` tag in React 19 JSX: attributes as React passes them, and `ontl-*` handlers. */
export interface TlWorkflowJsxProps extends TlWorkflowAttributes {
  /**
   * The one-time widget token. React 19 sets it as a property on the client, but renders it as a
   * `token="..."` attribute on a server (in the HTML): prefer `token-endpoint`.
   */
  token?: string;
  'ontl-ready'?: (e: TlEvent<'tl-ready'>) => void;
  'ontl-step-change'?: (e: TlEvent<'tl-step-change'>) => void;
  'ontl-complete'?: (e: TlEvent<'tl-complete'>) => void;
  'ontl-cancel'?: (e: TlEvent<'tl-cancel'>) => void;
  'ontl-error'?: (e: TlEvent<'tl-error'>) => void;
  'ontl-token-expiring'?: (e: TlEvent<'tl-token-expiring'>) => void;
  'ontl-token-expired'?: (e: TlEvent<'tl-token-expired'>) => void;
}

/**
 * The `<tl-workflow>` tag with React 18's types: React 18 sets no property on a custom element
 * (`token` would be written as an attribute) and drops `ontl-*` handlers, so both are type errors
 * (`never`). Use `TlWorkflow` (it sets properties and listens to the events), or `token-endpoint`.
 */
export interface TlWorkflowReact18JsxProps extends TlWorkflowAttributes {
  /** @deprecated React 18 writes it as an attribute: use `TlWorkflow` from `tl-workflow/react`, or `token-endpoint`. */
  token?: never;
  /** @deprecated React 18 drops it: use `TlWorkflow`'s `onTlReady`. */
  'ontl-ready'?: never;
  /** @deprecated React 18 drops it: use `TlWorkflow`'s `onTlStepChange`. */
  'ontl-step-change'?: never;
  /** @deprecated React 18 drops it: use `TlWorkflow`'s `onTlComplete`. */
  'ontl-complete'?: never;
  /** @deprecated React 18 drops it: use `TlWorkflow`'s `onTlCancel`. */
  'ontl-cancel'?: never;
  /** @deprecated React 18 drops it: use `TlWorkflow`'s `onTlError`. */
  'ontl-error'?: never;
  /** @deprecated React 18 drops it: use `TlWorkflow`'s `onTlTokenExpiring`. */
  'ontl-token-expiring'?: never;
  /** @deprecated React 18 drops it: use `TlWorkflow`'s `onTlTokenExpired`. */
  'ontl-token-expired'?: never;
}

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
