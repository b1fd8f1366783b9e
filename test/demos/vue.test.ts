import { demoJourney } from './demo-journey.js';

demoJourney('Vue 3');
