/**
 * Widget-facing file and registry endpoints: upload a file for a step's `file` field, fetch or
 * delete it, and look a company up in the (fake) registry.
 */
import { Hono } from 'hono';
import type { FileRef } from '../../src/schema/api-types.ts';
import type { SandboxContext } from '../context.ts';
import { fail } from '../errors.ts';
import { currentStatus, definitionsFor, isReached } from '../execution.ts';
import type { StoredFile } from '../store.ts';
import { isAccepted } from '../validation.ts';
import { baseUrl, type WidgetEnv } from './widget-auth.ts';

/** Routes mounted inside `/widget` (after the token guard). */
export function widgetFileRoutes(ctx: SandboxContext): Hono<WidgetEnv> {
  const app = new Hono<WidgetEnv>();

  app.post('/execution/steps/:stepId/files', async (c) => {
    const execution = c.var.execution;
    const stepId = c.req.param('stepId');
    const status = currentStatus(ctx, execution);
    if (status !== 'RUNNING') return fail(c, 409, 'conflict', `The workflow is ${status}; it can no longer be changed.`);
    const step = definitionsFor(ctx, execution, baseUrl(c, ctx.options)).find((definition) => definition.id === stepId);
    if (!step) return fail(c, 404, 'not-found', `No step ${stepId} in this workflow.`);
    if (!isReached(execution, stepId)) return fail(c, 409, 'step-not-reached', `Step ${stepId} has not been reached yet.`);

    let form: FormData;
    try {
      form = await c.req.formData();
    } catch {
      return fail(c, 400, 'invalid-request', 'The body must be multipart/form-data with parts "field" and "file".');
    }
    const fieldName = form.get('field');
    const field = (step.fields ?? []).find((candidate) => candidate.name === fieldName && candidate.type === 'file');
    if (typeof fieldName !== 'string' || !field) {
      return fail(c, 400, 'invalid-request', 'The "field" part must name a file field of this step.', 'field');
    }
    const file = form.get('file');
    if (!(file instanceof File)) return fail(c, 400, 'invalid-request', 'The "file" part must be a file.', fieldName);
    if (file.size === 0) return fail(c, 422, 'validation', `${field.label}: the file is empty.`, fieldName);
    if (field.maxSize !== undefined && file.size > field.maxSize) {
      return fail(c, 413, 'file-too-large', `${field.label}: the file is larger than ${field.maxSize} bytes.`, fieldName);
    }
    const type = file.type || 'application/octet-stream';
    if (!isAccepted(field.accept, type)) {
      return fail(c, 415, 'unsupported-media-type', `${field.label}: files of type ${type} are not accepted (${field.accept}).`, fieldName);
    }

    const stored: StoredFile = { id: crypto.randomUUID(), name: file.name || 'upload', size: file.size, type, stepId, field: fieldName };
    ctx.store.putFileBytes(stored.id, new Uint8Array(await file.arrayBuffer()));
    execution.files[stored.id] = stored;
    ctx.store.putExecution(execution);
    const ref: FileRef = { id: stored.id, name: stored.name, size: stored.size, type: stored.type };
    return c.json(ref, 201);
  });

  app.get('/execution/files/:fileId', (c) => {
    const stored = c.var.execution.files[c.req.param('fileId')];
    const bytes = stored ? ctx.store.fileBytes(stored.id) : undefined;
    if (!stored || !bytes) return fail(c, 404, 'not-found', 'No such file (file contents do not survive a restart).');
    return c.body(bytes.slice().buffer, 200, { 'content-type': stored.type, 'content-length': String(bytes.byteLength) });
  });

  app.delete('/execution/files/:fileId', (c) => {
    const execution = c.var.execution;
    const status = currentStatus(ctx, execution);
    if (status !== 'RUNNING') return fail(c, 409, 'conflict', `The workflow is ${status}; it can no longer be changed.`);
    const fileId = c.req.param('fileId');
    if (!execution.files[fileId]) return fail(c, 404, 'not-found', 'No such file in this workflow.');
    delete execution.files[fileId];
    ctx.store.putFileBytes(fileId, null);
    ctx.store.putExecution(execution);
    return c.body(null, 204);
  });

  app.get('/registry/:number', (c) => {
    const record = ctx.workflows.registryRecord(c.req.param('number'));
    if (!record) return fail(c, 404, 'not-found', 'No company with this registry number.');
    return c.json(record);
  });

  return app;
}
