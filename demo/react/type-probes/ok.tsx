// Type probe (type-checked against the packed tarball by test/node/type-probes.test.ts, never run):
// what a React 19 app writes, without a single cast.
import { useRef } from 'react';
import type { TlWorkflow as TlWorkflowElement } from 'tl-workflow';
import { TlWorkflow, type TlWorkflowProps } from 'tl-workflow/react';

/** The tag itself, as React 19 renders custom elements: attributes and `ontl-*` handlers typed. */
export function Tag({ token, onDone }: { token: string; onDone: (status: string) => void }) {
  return (
    <tl-workflow
      token={token}
      api-base="https://api.transactionlink.io"
      locale="pl"
      expiry-warning={30}
      request-timeout={15000}
      engine=""
      ontl-complete={(e) => onDone(e.detail.status)}
      ontl-error={(e) => console.warn(e.detail.code, e.detail.recoverable)}
      ontl-token-expiring={(e) => console.info(e.detail.secondsLeft, e.detail.expiresAt.getTime())}
    />
  );
}

/** No token in the page at all: the element gets it from the host's widgetTokenHandler. */
export function FromEndpoint() {
  return <tl-workflow token-endpoint="/api/tl-token" request-timeout="15000" ontl-ready={(e) => console.info(e.detail.workflowId)} />;
}

/** The `@lit/react` component: typed event props, `token` as a property, a ref to the element. */
export function Wrapped({ token }: { token: string }) {
  const ref = useRef<TlWorkflowElement>(null);
  const props: TlWorkflowProps = { token, locale: 'en', expiryWarning: 45, requestTimeout: 15_000, tokenEndpoint: '/api/tl-token' };
  return (
    <TlWorkflow
      {...props}
      ref={ref}
      apiBase="https://api.transactionlink.io"
      onTlReady={(e) => console.info(e.detail.workflowId, ref.current?.expiresAt)}
      onTlStepChange={(e) => console.info(e.detail.index + 1, e.detail.total)}
      onTlComplete={(e) => console.info(e.detail.status)}
      onTlCancel={(e) => console.info(e.detail.workflowId)}
      onTlTokenExpired={(e) => console.info(e.detail.expiresAt.toISOString())}
    />
  );
}
