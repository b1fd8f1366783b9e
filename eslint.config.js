// ESLint flat config: `npm run lint` (with knip for dead files and exports).
// typescript-eslint's recommended rules everywhere, its type-aware rules where they are cheap and catch real bugs
// (floating and misused promises), and the Lit and web-component rules on the widget's sources.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'sandbox/dist/**',
      'dist-site/**',
      'coverage/**',
      '.pack/**',
      '.scratch/**',
      'scratch/**',
      'test/apps/**',
      'demo/react/**',
      'demo/react18/**',
      'demo/vue/**',
      '**/node_modules/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Unused names: tsc's noUnusedLocals/noUnusedParameters already own this; `_` marks an intended unused.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // A `let` assigned once after a closure that reads it (a timer cleared by the callback it arms) stays `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Type-aware rules, on the TypeScript that tsconfig.json covers.
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // The widget: Lit templates and the custom element.
    files: ['src/**/*.ts', 'demo/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'demo/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    // The house's private members are JavaScript's (#name): private at run time too, and shortened by
    // the minifier. TypeScript's `private` stays only where Lit needs a property name (reactive state);
    // those lines say so with a disable comment. docs/architecture.md has the rule.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "PropertyDefinition[accessibility='private'], MethodDefinition[accessibility='private'][kind!='constructor'], TSParameterProperty[accessibility='private']",
          message: 'Private members are #name (docs/architecture.md); TypeScript `private` only for Lit reactive state.',
        },
      ],
    },
  },
  {
    // Tools, tests and the sandbox print to the console on purpose.
    files: ['scripts/**', 'bench/**', 'sandbox/**', 'test/**', '*.config.*', 'demo/backend*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Tests and tools: chai's property assertions (`expect(x).to.be.true`) are expressions; the DOM-diff
    // plugin types every `expect(...).to.equal()` as a promise, and node:test's `it()` returns one, so
    // no-floating-promises would flag every assertion. The promise a test must await is axe's:
    // an un-awaited `expect(el).to.be.accessible()` passes whatever the page looks like.
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "ExpressionStatement > CallExpression[callee.property.name='accessible']",
          message: 'Await the accessibility check: `await expect(el).to.be.accessible()`.',
        },
      ],
    },
  },
);
