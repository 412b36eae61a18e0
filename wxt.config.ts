import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The e2e mode grants the demo pages' loopback origins up front, because automated tests cannot
// click the browser's permission prompt. The production build must never contain them
// (tests/e2e/manifest.test.ts checks).
const LOOPBACK_ORIGINS = ['http://127.0.0.1/*', 'http://localhost/*'];
const OPTIONAL_ORIGINS = ['http://*/*', 'https://*/*'];

export default defineConfig({
  // Parallel test runs on one checkout build into their own folders (tests/e2e/global-setup.ts).
  outDir: process.env.WRAPUP_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: the same modules run in the server and in tests.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The side panel renders its list without zod or the phone parser and loads them on demand;
    // in chunks of their own they never ride along in a chunk the pages share. Only the pages'
    // build splits code (scripts are single files).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entrypoint) => entrypoint.name === 'sidepanel')) return;
      config.build ??= {};
      config.build.rolldownOptions ??= {};
      config.build.rolldownOptions.output = {
        ...config.build.rolldownOptions.output,
        codeSplitting: {
          groups: [
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
            { name: 'libphonenumber', test: /node_modules[\\/]libphonenumber-js[\\/]/ },
          ],
        },
      };
    },
  },
  manifest: ({ mode, browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      'notifications',
      'scripting',
      'activeTab',
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // Softphone and customer-page origins are granted one by one at run time (least privilege).
    // Firefox's MV2 manifest lists optional origins among its optional permissions.
    ...(browser === 'firefox'
      ? { optional_permissions: OPTIONAL_ORIGINS }
      : { optional_host_permissions: OPTIONAL_ORIGINS }),
    host_permissions: mode === 'e2e' ? LOOPBACK_ORIGINS : [],
    action: { default_title: '__MSG_actionTitle__' },
    // The quick task's shortcut; agents change it in the browser's extension shortcut settings.
    commands: {
      'quick-task': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_quickTaskCommand__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'wrapup@wrapup.example',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
