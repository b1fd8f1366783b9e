import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app';

// The test page (test/e2e/pages.mjs) has a <div id="app"> for every framework app: the root goes in it.
if (!document.querySelector('app-root')) document.getElementById('app')?.append(document.createElement('app-root'));
bootstrapApplication(App, { providers: [provideZonelessChangeDetection()] }).catch((error: unknown) => console.error(error));
