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

/**
 * The renderer runs in a browser and reaches the core only through the API client; outside the data layer itself
 * (`dataLayer`, src/renderer/api) it does not call the client either, but reads and writes through the data layer.
 */
const rendererImports = ({ dataLayer }) => [
  'error',
  {
    paths: [...electronOnlyInShell.paths, ...builtinModules.map((name) => ({ name, message: 'The renderer runs in a browser: no Node.js modules.' }))],
    patterns: [
      ...electronOnlyInShell.patterns,
      { group: ['**/main/**', '**/main'], message: 'The renderer reaches the core only through the API client (src/renderer/api).' },
      { group: ['node:*'], message: 'The renderer runs in a browser: no Node.js modules.' },
      ...(dataLayer
        ? []
        : [
            {
              group: ['**/api/client'],
              importNames: ['api', 'onChange'],
              message:
                'Read through the data layer (useOp/readOp in src/renderer/api/queries.ts, a feature\'s queries.ts), write through runWrite (src/renderer/api/mutations.ts, a feature\'s mutations.ts); change events reach the cache through src/renderer/api/live.ts alone.',
            },
          ]),
    ],
  },
];

/**
 * Layering of the core (src/main). Each domain's SQL (its repo files) is private to it: other code calls the domain's
 * service. Nothing below the composition root (core/core.ts, core/keeper.ts, api.ts) imports it: handlers and helpers
 * take what they need as a parameter. Only the adapters (cli, server, shell, the utility host) and the root itself may.
 */
const DOMAINS = {
  runbooks: 'the RunbookLibrary (src/main/runbooks/library.ts)',
  rosters: 'the RosterService (src/main/rosters/service.ts)',
  incidents: 'the IncidentService (src/main/incidents/service.ts)',
  postmortems: 'the PostmortemService (src/main/postmortems/service.ts)',
  drills: 'the DrillService (src/main/drills/service.ts)',
};
const REPO_FILES = ['repo', '*-repo', 'search-index', 'summary-rows'];
const repoPatterns = (except) =>
  Object.entries(DOMAINS)
    .filter(([domain]) => domain !== except)
    .map(([domain, service]) => ({
      group: REPO_FILES.map((file) => `**/${domain}/${file}`),
      message: `${domain}'s repo files (its SQL) are private to src/main/${domain}: call ${service}, adding the method you need there, or take a narrow interface of it.`,
    }));
const ROOT_PATTERN = {
  group: ['**/core/core', '**/core/keeper', '**/main/api', '../api', '../../api', '../../../api', './api'],
  message:
    'core/core.ts, core/keeper.ts and api.ts are the composition root: code below them takes what it needs as a parameter (OpContext from src/main/operations/context.ts, or a narrow interface of the services), never the root itself.',
};
/** src/main's import rule for one folder: plain Node (no electron), no other domain's repo, and (below the root) not the root. */
const mainImports = ({ domain, belowRoot }) => [
  'error',
  { ...electronOnlyInShell, patterns: [...electronOnlyInShell.patterns, ...repoPatterns(domain), ...(belowRoot ? [ROOT_PATTERN] : [])] },
];
const ADAPTERS = ['src/main/cli/**', 'src/main/server/**', 'src/main/core/core.ts', 'src/main/core/keeper.ts', 'src/main/core/utility-host.ts', 'src/main/api.ts', 'src/main/op-table.ts'];

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
    // Below the composition root: everything in src/main but the adapters and the root itself.
    files: ['src/main/**'],
    ignores: [...ADAPTERS, 'src/main/shell/**', 'src/main/preload/**'],
    rules: { 'no-restricted-imports': mainImports({ domain: null, belowRoot: true }) },
  },
  ...Object.keys(DOMAINS).map((domain) => ({
    files: [`src/main/${domain}/**`],
    rules: { 'no-restricted-imports': mainImports({ domain, belowRoot: true }) },
  })),
  {
    files: ADAPTERS,
    rules: { 'no-restricted-imports': mainImports({ domain: null, belowRoot: false }) },
  },
  {
    // The Electron shell and preload: electron is theirs; the domains' repos are not.
    files: ['src/main/shell/**', 'src/main/preload/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: repoPatterns(null) }] },
  },
  {
    files: ['src/renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Node's types are in the renderer's typecheck (the contract's types come from the core's declarations); its globals are not in a browser.
      'no-restricted-globals': ['error', ...['process', 'Buffer', 'global', 'require', 'module', '__dirname', '__filename'].map((name) => ({ name, message: 'The renderer runs in a browser: this is Node.js only.' }))],
      'no-restricted-imports': rendererImports({ dataLayer: false }),
    },
  },
  {
    // The data layer itself: the one place that calls the client and hears its change events.
    files: ['src/renderer/api/**'],
    rules: { 'no-restricted-imports': rendererImports({ dataLayer: true }) },
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
