/** The fault suite's size knob and its summary lines (written by the proxy, printed after the run). */

const CONTROL = `${location.origin}/tl-faulty-control`;

/** `full` (every fault on every operation) with `FAULTS_SIZE=full`, else `small`. */
export async function suiteSize(): Promise<'small' | 'full'> {
  const response = await fetch(`${CONTROL}/config`);
  return ((await response.json()) as { size: 'small' | 'full' }).size;
}

/** Hands a summary line to the Node side, which prints it at the end of `npm run test:faults`. */
export async function report(line: string): Promise<void> {
  await fetch(`${CONTROL}/report`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ line }) });
}
