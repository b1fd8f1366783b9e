// The README's token endpoint: tl-workflow/server's widgetTokenHandler, made on the first request
// (`next build` evaluates this module without the secrets). The "session" is a cookie naming the
// user's case (set by the test); TL_API_URL points at the sandbox, standing in for TransactionLink.
import { createTransactionLink, widgetTokenHandler } from 'tl-workflow/server';

const KYC_WORKFLOW_ID = '3b2d8a4f-579f-4e2e-a51c-f859e532fe8c';

let handler;

export function POST(request) {
  handler ??= widgetTokenHandler({
    transactionLink: createTransactionLink({ baseUrl: process.env.TL_API_URL, key: process.env.TL_KEY, secret: process.env.TL_SECRET }),
    resolve: async (request) => {
      const caseId = /(?:^|;\s*)tl-case=([\w-]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
      if (!caseId) throw new Error('not signed in');
      return { caseId, workflowDefinitionId: KYC_WORKFLOW_ID };
    },
  });
  return handler(request);
}
