// Type probe that MUST NOT type-check (test/node/type-probes.test.ts asserts the error): a token is a string.
import { TlWorkflow } from 'tl-workflow/react';

export function WrongToken() {
  return <TlWorkflow token={42} />;
}
