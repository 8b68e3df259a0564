// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Libraries the engine must never import: it runs unchanged in a Worker, Node tests and the CLI. */
const ENGINE_FORBIDDEN_LIBRARIES = [
  {
    name: 'react',
    message: 'src/engine is framework-free: React belongs in src/ui.',
  },
  {
    name: 'react-dom',
    message: 'src/engine is framework-free: React belongs in src/ui.',
  },
  {
    name: '@xyflow/react',
    message: 'src/engine is framework-free: React Flow belongs in the canvas under src/ui.',
  },
  {
    name: 'zustand',
    message: 'src/engine is framework-free: stores belong in src/ui.',
  },
];

const ENGINE_FORBIDDEN_PATTERNS = [
  {
    group: ['react/*', 'react-dom/*', '@xyflow/react/*', 'zustand/*'],
    message: 'src/engine is framework-free: UI libraries belong in src/ui.',
  },
  {
    group: ['node:*'],
    message: 'src/engine runs in a Worker too: no Node built-ins outside tests, src/cli and bench.',
  },
  {
    group: ['**/ui/**', '**/worker/**', '**/cli/**'],
    message: 'src/engine is the core: the UI, the worker and the CLI import it, never the reverse.',
  },
];

const IDB_ONLY_IN_BACKEND = {
  name: 'idb',
  message: 'idb is allowed only in the IndexedDB state backend (src/engine/state/indexeddb/).',
};

const WALL_CLOCK = 'the engine takes a virtual clock as input';
const RANDOMNESS = 'the engine takes a seeded random source as input';
const NO_DOM = 'src/engine has no DOM: it runs in a Worker, in Node tests and in the CLI';

const ENGINE_FORBIDDEN_GLOBALS = [
  ...['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage'].map(
    (name) => ({ name, message: `${NO_DOM}.` }),
  ),
  {
    name: 'indexedDB',
    message: 'Take the IDBFactory as a parameter of the IndexedDB backend.',
  },
  { name: 'Date', message: `No Date in src/engine: ${WALL_CLOCK}.` },
  {
    name: 'performance',
    message: `No performance timers in src/engine: ${WALL_CLOCK}.`,
  },
  ...['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'requestAnimationFrame'].map(
    (name) => ({
      name,
      message: `No real timers in src/engine: ${WALL_CLOCK}.`,
    }),
  ),
  {
    name: 'crypto',
    message: `No crypto randomness in src/engine: ${RANDOMNESS}.`,
  },
];

const ENGINE_FORBIDDEN_PROPERTIES = [
  {
    object: 'Math',
    property: 'random',
    message: `No Math.random in src/engine: ${RANDOMNESS}.`,
  },
  {
    object: 'Date',
    property: 'now',
    message: `No Date.now in src/engine: ${WALL_CLOCK}.`,
  },
  {
    object: 'performance',
    property: 'now',
    message: `No performance.now in src/engine: ${WALL_CLOCK}.`,
  },
  ...['window', 'document', 'Date', 'performance', 'setTimeout', 'setInterval'].map((property) => ({
    object: 'globalThis',
    property,
    message: `No globalThis.${property} in src/engine: ${NO_DOM}, and ${WALL_CLOCK}.`,
  })),
];

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'coverage/'] },

  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
        },
      ],
    },
  },

  // Node: tools, configs, CLI, benchmarks.
  {
    files: ['*.{js,mjs,ts}', 'src/cli/**', 'bench/**'],
    languageOptions: { globals: globals.node },
  },

  // e2e runs in Node but hands callbacks to the page (page.evaluate), which see the DOM.
  {
    files: ['e2e/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },

  // Browser main thread. It may read the engine's operator metadata (plain data) and import
  // engine types; everything that runs the engine goes through the worker in src/worker/.
  {
    files: ['src/main.tsx', 'src/ui/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // A regex, not a group: gitignore-style groups cannot re-include a file below an
              // excluded folder, so '!**/engine/pipeline/registry' never took effect.
              regex: '(^|/)engine/(?!pipeline/(registry|params|document)$)',
              allowTypeImports: true,
              message:
                'The main thread never runs engine code: call it through src/worker/ (types and operator metadata are fine).',
            },
          ],
        },
      ],
    },
  },

  // Words the user reads come from the translation files, in every language the UI speaks:
  // no text or labelling attribute in JSX is written out in one language.
  {
    files: ['src/main.tsx', 'src/ui/**/*.tsx'],
    ignores: ['src/ui/**/*.test.tsx', 'src/ui/test-support/**'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-text-only',
          // Punctuation and symbols alone (the plugin's default) and the separators the UI
          // puts between translated parts (·, ×, #) read the same in every language.
          words: { exclude: ['[\\s0-9!-/:-@[-`{-~·×…—–]+', '[A-Z_-]+', /^\p{Emoji}+$/u] },
        },
      ],
    },
  },

  // UI tests run in Node, not on the main thread: they may run the engine to check what the
  // UI claims (the demos' outcomes, for one).
  {
    files: ['src/ui/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },

  // Worker boundary.
  {
    files: ['src/worker/**/*.ts'],
    languageOptions: { globals: globals.worker },
  },

  // The engine: pure, deterministic, framework-free.
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...ENGINE_FORBIDDEN_LIBRARIES, IDB_ONLY_IN_BACKEND],
          patterns: ENGINE_FORBIDDEN_PATTERNS,
        },
      ],
      'no-restricted-globals': ['error', ...ENGINE_FORBIDDEN_GLOBALS],
      'no-restricted-properties': ['error', ...ENGINE_FORBIDDEN_PROPERTIES],
    },
  },
  // The Flink exporters: framework-free like the engine, and they run on the main thread, so
  // of the engine they read only the document and the operator metadata.
  {
    files: ['src/export/**/*.ts'],
    ignores: ['src/export/**/*.test.ts', 'src/export/**/*.test-util.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...ENGINE_FORBIDDEN_LIBRARIES, IDB_ONLY_IN_BACKEND],
          patterns: [
            ...ENGINE_FORBIDDEN_PATTERNS.map((p) => ({
              ...p,
              message: p.message.replace('src/engine', 'src/export'),
            })),
            {
              regex: '(^|/)engine/(?!pipeline/(registry|params|document)$)',
              allowTypeImports: true,
              message:
                'src/export runs on the main thread: it reads the pipeline document and operator metadata, never runs engine code.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...ENGINE_FORBIDDEN_GLOBALS],
    },
  },
  {
    files: ['src/export/**/*.test.ts', 'src/export/**/*.test-util.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    // The IndexedDB state backend is the one place in the engine that may use idb.
    files: ['src/engine/state/indexeddb/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ENGINE_FORBIDDEN_LIBRARIES,
          patterns: ENGINE_FORBIDDEN_PATTERNS,
        },
      ],
    },
  },
  {
    // Engine tests run in Node under vitest: Node built-ins, fake-indexeddb and idb are fine,
    // but the same wall-clock and randomness rules apply so tests stay reproducible.
    files: ['src/engine/**/*.test.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ENGINE_FORBIDDEN_LIBRARIES,
          patterns: ENGINE_FORBIDDEN_PATTERNS.filter((p) => !p.group.includes('node:*')),
        },
      ],
    },
  },
);
