/**
 * The `upload` part (`tl-workflow.upload.js`): `file` fields, their uploads (progress, previews,
 * retries, resumption) and the request that sends them, with their CSS and English texts. Loaded by
 * src/engines/step-parts.ts when a workflow has a file field.
 */
import type { RunnerCore } from '../runner/runner-core.js';
import { UploadManager } from '../runner/uploads.js';
import { renderFileField } from '../views/fields/file-field.js';

export { uploadStrings as strings } from '../i18n/en-upload.js';
export { uploadStyles as styles } from '../views/styles/upload.js';
export const views = { file: renderFileField };
export const uploads = (core: RunnerCore): UploadManager => new UploadManager(core);
