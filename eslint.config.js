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
      'no-restricted-imports': [
        'error',
        {
          ...electronOnlyInShell,
          patterns: [
            ...electronOnlyInShell.patterns,
            { group: ['**/main/**', '**/main'], message: 'The renderer reaches the core only through the API client (src/renderer/api).' },
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
          ...electronOnlyInShell,
          patterns: [
            ...electronOnlyInShell.patterns,
            { group: ['**/main/**', '**/main'], message: 'The renderer reaches the core only through the API client (src/renderer/api).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronOnlyInShell,
          patterns: [
            ...electronOnlyInShell.patterns,
            { group: ['**/main/**', '**/renderer/**'], message: 'src/shared is imported by every side and imports none of them.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', 'scripts/**'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
);
