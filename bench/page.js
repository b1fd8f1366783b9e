// The benchmark's in-page part (see bench/run.ts): what a client backend does to get a token,
// then `runs` widgets mounted, loaded to their first step and removed, one after another.
async function post(apiBase, path, body, auth) {
  const headers = { 'Content-Type': 'application/json' };
  if (auth) headers.Authorization = `Bearer ${auth}`;
  return (await fetch(apiBase + path, { method: 'POST', headers, body: JSON.stringify(body) })).json();
}

window.benchCycle = async (apiBase, runs) => {
  const { accessToken } = await post(apiBase, '/auth/authorize', { key: 'sandbox-key', secret: 'sandbox-secret' });
  const definitions = await (
    await fetch(`${apiBase}/workflow-definitions`, { headers: { Authorization: `Bearer ${accessToken}` } })
  ).json();
  const host = document.getElementById('host');
  const times = [];
  for (let i = 0; i < runs; i++) {
    const person = { firstName: 'Bench', lastName: `Run ${i}`, email: 'bench@example.com' };
    const { caseId } = await post(apiBase, '/cases', person, accessToken);
    const workflowDefinitionId = definitions[i % definitions.length].id;
    const { token } = await post(apiBase, '/token', { caseId, workflowDefinitionId }, accessToken);
    const el = document.createElement('tl-workflow');
    el.apiBase = apiBase;
    host.append(el);
    const ready = new Promise((resolve) => el.addEventListener('tl-ready', resolve, { once: true }));
    const start = performance.now();
    el.token = token;
    await ready;
    times.push(performance.now() - start);
    el.remove();
  }
  return times;
};
