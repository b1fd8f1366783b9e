import { tokenEndpointApp } from './token-endpoint-app.js';

// Also proves tl-workflow/angular's directive, shipped in Angular's partial format, works once linked.
tokenEndpointApp('Angular 20');
