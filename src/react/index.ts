/**
 * `tl-workflow/react`: `<tl-workflow>` for React 18 and 19.
 *
 * - `TlWorkflow`: a React component made with `@lit/react`. `token` (and every other property) is
 *   set as a property, never written as an attribute; the `tl-` events are typed props
 *   (`onTlComplete={(e) => e.detail.status}`, no casts).
 * - Importing this module also declares `<tl-workflow>` for React's JSX, for React 19 apps that use
 *   the tag directly: its attributes (`token`, `api-base`, `locale`, `expiry-warning`, `engine`, ...)
 *   and the `ontl-*` handlers.
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
 * `<TlWorkflow token={token} onTlComplete={(e) => ...} />`: the `<tl-workflow>` element as a React
 * component. Props: `token`, `apiBase`, `locale`, `expiryWarning`, `engine`, ... (set as properties), the seven
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

/** The `<tl-workflow>` tag in React 19 JSX: attributes as React passes them, and `ontl-*` handlers. */
export interface TlWorkflowJsxProps extends React.HTMLAttributes<TlWorkflowElement>, React.RefAttributes<TlWorkflowElement> {
  /** The one-time widget token. React 19 sets it as a property. */
  token?: string;
  'api-base'?: string;
  locale?: string;
  'expiry-warning'?: number | string;
  engine?: 'official' | 'native';
  environment?: 'production' | 'sandbox';
  'widget-src'?: string;
  modal?: boolean;
  'load-timeout'?: number | string;
  'ontl-ready'?: (e: TlEvent<'tl-ready'>) => void;
  'ontl-step-change'?: (e: TlEvent<'tl-step-change'>) => void;
  'ontl-complete'?: (e: TlEvent<'tl-complete'>) => void;
  'ontl-cancel'?: (e: TlEvent<'tl-cancel'>) => void;
  'ontl-error'?: (e: TlEvent<'tl-error'>) => void;
  'ontl-token-expiring'?: (e: TlEvent<'tl-token-expiring'>) => void;
  'ontl-token-expired'?: (e: TlEvent<'tl-token-expired'>) => void;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'tl-workflow': TlWorkflowJsxProps;
    }
  }
}
