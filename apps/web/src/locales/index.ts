/**
 * The translations, one file per feature and language (`ja/<feature>.json`, `en/<feature>.json`),
 * merged into one tree per language. Files may share a top-level key (`nav`, say): they merge deeply.
 */
type Tree = { [key: string]: string | Tree };

function merge(target: Tree, source: Tree): Tree {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (typeof value === 'object' && typeof existing === 'object') merge(existing, value);
    else if (existing !== undefined) throw new Error(`Translation key defined twice: ${key}`);
    else target[key] = typeof value === 'object' ? merge({}, value) : value;
  }
  return target;
}

function mergeAll(files: Record<string, unknown>): Tree {
  const tree: Tree = {};
  for (const path of Object.keys(files).sort()) merge(tree, files[path] as Tree);
  return tree;
}

export const ja = mergeAll(import.meta.glob('./ja/*.json', { eager: true, import: 'default' }));
export const en = mergeAll(import.meta.glob('./en/*.json', { eager: true, import: 'default' }));

/** The feature files of each language, by name: both languages must have the same ones. */
export const featureFiles = {
  ja: Object.keys(import.meta.glob('./ja/*.json'))
    .map((p) => p.replace('./ja/', ''))
    .sort(),
  en: Object.keys(import.meta.glob('./en/*.json'))
    .map((p) => p.replace('./en/', ''))
    .sort(),
};
