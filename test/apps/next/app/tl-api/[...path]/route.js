// The widget API (the sandbox, at TL_API_URL) under the app's own origin, as a deployment would put
// its API behind the same host: a plain pass-through.
export const dynamic = 'force-dynamic';

async function pass(request, { params }) {
  const { path } = await params;
  const url = new URL(request.url);
  const target = `${process.env.TL_API_URL}/${path.map(encodeURIComponent).join('/')}${url.search}`;
  const headers = new Headers(request.headers);
  headers.delete('host');
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  const answer = await fetch(target, { method: request.method, headers, body, redirect: 'manual' });
  const out = new Headers(answer.headers);
  out.delete('content-encoding');
  out.delete('content-length');
  return new Response(answer.body, { status: answer.status, headers: out });
}

export { pass as GET, pass as POST, pass as PUT, pass as PATCH, pass as DELETE };
