import { createApp } from 'vue';
// Registers <tl-workflow> and declares it (props and @tl-* events) for Vue's template type-checker.
import 'tl-workflow/vue';
import App from './App.vue';

createApp(App).mount('#app');
