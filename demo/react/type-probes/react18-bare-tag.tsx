// Type probe that MUST NOT type-check with React 18's types (test/node/type-probes.test.ts): React 18
// drops ontl-* handlers on a custom element and writes `token` as an attribute, so both are errors
// there; token-endpoint and the other attributes are fine. (With React 19's types all of it is fine.)
import 'tl-workflow/react';

export function BareTag({ token }: { token: string }) {
  return (
    <>
      <tl-workflow token-endpoint="/api/tl-token" request-timeout={15000} ontl-complete={() => console.info('done')} />
      <tl-workflow token={token} />
    </>
  );
}
