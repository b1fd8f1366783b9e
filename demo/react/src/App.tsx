import { useEffect, useState, version } from 'react';
import { TlWorkflow } from 'tl-workflow/react';
import { API_BASE, createCase, widgetToken } from '../../shared/sandbox-backend.ts';

interface Session {
  caseId: string;
  token: string;
}

/**
 * A React page embedding the widget: start a verification, hand the widget a new token, remove it
 * and show it again. Every `tl-` event it fires is listed, once per firing. Built with React 19
 * here and with React 18 by demo/react18, from these same sources.
 */
export function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [shown, setShown] = useState(true);
  const [events, setEvents] = useState<string[]>([]);
  const log = (line: string) => setEvents((lines) => [...lines, line]);

  // StrictMode runs effects twice in development; the page counts it (the tests check it did).
  useEffect(() => {
    document.body.dataset.effectRuns = String(Number(document.body.dataset.effectRuns ?? 0) + 1);
  }, []);

  async function start() {
    const caseId = await createCase();
    setSession({ caseId, token: await widgetToken(caseId) });
    setShown(true);
  }

  async function renew() {
    if (!session) return;
    const token = await widgetToken(session.caseId);
    setSession({ ...session, token });
  }

  return (
    <main>
      <h1>&lt;tl-workflow&gt; in React {version.split('.')[0]}</h1>
      <p>
        <button type="button" onClick={start}>Start a verification</button>{' '}
        <button type="button" onClick={renew} disabled={!session}>Hand it a new token</button>{' '}
        <button type="button" onClick={() => setShown((s) => !s)}>{shown ? 'Remove the widget' : 'Show the widget'}</button>
      </p>
      {session && shown ? (
        <TlWorkflow
          token={session.token}
          apiBase={API_BASE}
          onTlReady={(e) => log(`tl-ready ${e.detail.workflowId}`)}
          onTlStepChange={(e) => log(`tl-step-change ${e.detail.stepId}`)}
          onTlComplete={(e) => log(`tl-complete ${e.detail.status}`)}
          onTlCancel={(e) => log(`tl-cancel ${e.detail.workflowId}`)}
          onTlError={(e) => log(`tl-error ${e.detail.code}`)}
          onTlTokenExpiring={(e) => {
            log(`tl-token-expiring ${e.detail.secondsLeft}`);
            void renew();
          }}
          onTlTokenExpired={(e) => log(`tl-token-expired ${e.detail.expiresAt.toISOString()}`)}
        />
      ) : null}
      <h2>Events</h2>
      <ol id="events">
        {events.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
    </main>
  );
}
