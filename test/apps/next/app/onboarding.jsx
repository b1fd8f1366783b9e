'use client';
// What the README tells a Next.js app to write: the tag with token-endpoint (React 19 sets what the
// element has as properties, and listens to ontl-* events). No token, no renewal code.
import 'tl-workflow/react';

export function Onboarding() {
  return (
    <tl-workflow
      token-endpoint="/api/tl-token"
      api-base="/tl-api"
      ontl-complete={(e) => console.info('complete', e.detail.status)}
    />
  );
}
