import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { mergeAll } from '../src/locales/merge.ts';

const PREFIX = 'virtual:translations/';

/**
 * The top-level keys of the texts that only the pages of these features read: they come in a second
 * chunk per language, loaded with the first such page. Everything else — the layout, the sign-in and
 * start pages (with "my figures", `figures`), the policy, the navigation and error texts of every
 * feature — is in the first chunk.
 */
export const DEFERRED_TEXTS = [
  'identity',
  'ojt',
  'plan',
  'dashboards',
  'training',
  'career',
  'myAccount',
  'surveys',
  'selfDeclaration',
];

/**
 * `virtual:translations/<language>-shell` and `virtual:translations/<language>-features`: the merged
 * texts of `src/locales/<language>/*.json`, split by {@link DEFERRED_TEXTS}.
 */
export function translations(): Plugin {
  let localesDir = '';
  return {
    name: 'portal:translations',
    configResolved(config) {
      localesDir = path.resolve(config.root, 'src/locales');
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const [, language = '', part = ''] =
        /^([a-z]{2})-(shell|features)$/.exec(id.slice(PREFIX.length + 1)) ?? [];
      if (!language) this.error(`unknown translations module: ${id.slice(1)}`);
      const dir = path.join(localesDir, language);
      const files: Record<string, unknown> = {};
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
        const file = path.join(dir, name);
        this.addWatchFile(file);
        files[name] = JSON.parse(readFileSync(file, 'utf8'));
      }
      const tree = mergeAll(files);
      const picked = Object.fromEntries(
        Object.entries(tree).filter(([key]) => DEFERRED_TEXTS.includes(key) === (part === 'features')),
      );
      return `export default ${JSON.stringify(picked)};`;
    },
  };
}
