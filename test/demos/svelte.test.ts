import { tokenEndpointApp } from './token-endpoint-app.js';

tokenEndpointApp('Svelte 5');
