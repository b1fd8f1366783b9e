/** English messages of the file fields and their uploads (the `upload` part, `tl-workflow.upload.js`); see `en.ts`. */
export const uploadStrings = {
  'views.file.drop': 'Drag and drop a file here, or choose one.',
  'views.file.limits': 'Accepted: {types}. Maximum size: {size}.',
  'views.file.maxSize': 'Maximum size: {size}.',
  'views.file.uploading': 'Uploading {name}',
  'views.file.cancel': 'Cancel upload',
  'views.file.remove': 'Remove file',
  'views.file.failed': 'The upload failed: {error}',
  'views.file.failedGeneric': 'The upload failed. Try again.',
  'views.file.preview': 'Preview of {name}',
  'views.file.uploaded': 'Uploaded',
  'views.file.done': '{name} uploaded.',
  'runner.upload.tooLarge': 'The file is too large (maximum {size}).',
  'runner.upload.wrongType': 'This type of file is not accepted.',
  'runner.upload.interrupted': 'The upload was interrupted. It will continue when the session is renewed.',
} as const;
