import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronOnlyInShell = {
  paths: [
    {
      name: 'electron',
      message: 'Only src/main/shell and src/main/preload may import electron; everything else must run in plain Node and the browser.',
    },
  ],
  patterns: [{ group: ['electron/*'], message: 'Only src/main/shell and src/main/preload may import electron.' }],
};

/** src/shared is imported by every side and imports none of them; `typesFromMain` lets a file take types (only) from the core. */
const sharedImports = ({ typesFromMain }) => [
  'error',
  {
    ...electronOnlyInShell,
    patterns: [
      ...electronOnlyInShell.patterns,
      { group: ['**/renderer/**'], message: 'src/shared is imported by every side and imports none of them.' },
      typesFromMain
        ? { group: ['**/main/**'], allowTypeImports: true, message: 'src/shared/contract.ts takes only types from the core.' }
        : { group: ['**/main/**'], message: 'src/shared is imported by every side and imports none of them.' },
    ],
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/', '.native/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'no-restricted-imports': ['error', electronOnlyInShell],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/store/transaction.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: 'Use writeTransaction (src/main/store/transaction.ts): it begins IMMEDIATE, so a concurrent writer waits instead of failing with "database is locked".',
        },
      ],
    },
  },
  {
    files: ['src/main/shell/**', 'src/main/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Node's types are in the renderer's typecheck (the contract's types come from the core's declarations); its globals are not in a browser.
      'no-restricted-globals': ['error', ...['process', 'Buffer', 'global', 'require', 'module', '__dirname', '__filename'].map((name) => ({ name, message: 'The renderer runs in a browser: this is Node.js only.' }))],
      'no-restricted-imports': [
        'error',
        {
          paths: [...electronOnlyInShell.paths, ...builtinModules.map((name) => ({ name, message: 'The renderer runs in a browser: no Node.js modules.' }))],
          patterns: [
            ...electronOnlyInShell.patterns,
            { group: ['**/main/**', '**/main'], message: 'The renderer reaches the core only through the API client (src/renderer/api).' },
            { group: ['node:*'], message: 'The renderer runs in a browser: no Node.js modules.' },
            {
              group: ['**/api/client'],
              importNames: ['api', 'onChange'],
              message:
                'Read through the data layer (useOp/readOp in src/renderer/api/queries.ts, a feature\'s queries.ts), write through runWrite (src/renderer/api/mutations.ts, a feature\'s mutations.ts); change events reach the cache through src/renderer/api/live.ts alone.',
            },
          ],
        },
      ],
    },
  },
  {
    // The data layer itself: the one place that calls the client and hears its change events.
    files: ['src/renderer/api/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...electronOnlyInShell.paths, ...builtinModules.map((name) => ({ name, message: 'The renderer runs in a browser: no Node.js modules.' }))],
          patterns: [
            ...electronOnlyInShell.patterns,
            { group: ['**/main/**', '**/main'], message: 'The renderer reaches the core only through the API client (src/renderer/api).' },
            { group: ['node:*'], message: 'The renderer runs in a browser: no Node.js modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**'],
    rules: { 'no-restricted-imports': sharedImports({ typesFromMain: false }) },
  },
  {
    // The contract is derived from the operations the core declares: their types (only) cross into shared code, and on to the renderer.
    files: ['src/shared/contract.ts'],
    rules: { 'no-restricted-imports': sharedImports({ typesFromMain: true }) },
  },
  {
    files: ['**/*.js', '**/*.mjs', 'scripts/**'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
);
