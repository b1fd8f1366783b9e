// A server component: it renders the page, and no token. The client component below gets none
// either: <tl-workflow token-endpoint> asks the route handler for its tokens once it runs in the browser.
import { Onboarding } from './onboarding.jsx';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <main>
      <h1>Onboarding</h1>
      <Onboarding />
    </main>
  );
}
