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
  'notifications',
  'dialogue',
];

/**
 * Parts of deferred texts that pages without their feature's texts read, kept in the first chunk:
 * the header's bell and the start page's open 1on1 actions.
 */
export const SHELL_TEXTS = ['notifications.bell', 'dialogue.actions'];

type Tree = Record<string, unknown>;

/** The part of `tree` for one chunk: shell (`features` false) or features. */
export function pickTexts(tree: Tree, features: boolean): Tree {
  const picked: Tree = {};
  for (const [key, value] of Object.entries(tree)) {
    if (!DEFERRED_TEXTS.includes(key)) {
      if (!features) picked[key] = value;
      continue;
    }
    const kept = SHELL_TEXTS.filter((p) => p.startsWith(`${key}.`)).map((p) => p.slice(key.length + 1));
    if (kept.length === 0 || typeof value !== 'object' || value === null) {
      if (features) picked[key] = value;
      continue;
    }
    const part = Object.fromEntries(
      Object.entries(value as Tree).filter(([sub]) => kept.includes(sub) !== features),
    );
    if (Object.keys(part).length > 0) picked[key] = part;
  }
  return picked;
}

/**
 * `virtual:translations/<language>-shell` and `virtual:translations/<language>-features`: the merged
 * texts of `src/locales/<language>/*.json`, split by {@link DEFERRED_TEXTS} and {@link SHELL_TEXTS}.
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
      return `export default ${JSON.stringify(pickTexts(tree, part === 'features'))};`;
    },
  };
}
