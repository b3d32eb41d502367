/**
 * The translations come in one file per feature and language (`ja/<feature>.json`, `en/<feature>.json`),
 * merged into one tree per language. Files may share a top-level key (`nav`, say): they merge deeply.
 */
export type TranslationTree = { [key: string]: string | TranslationTree };

function merge(target: TranslationTree, source: TranslationTree): TranslationTree {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (typeof value === 'object' && typeof existing === 'object') merge(existing, value);
    else if (existing !== undefined) throw new Error(`Translation key defined twice: ${key}`);
    else target[key] = typeof value === 'object' ? merge({}, value) : value;
  }
  return target;
}

export function mergeAll(files: Record<string, unknown>): TranslationTree {
  const tree: TranslationTree = {};
  for (const path of Object.keys(files).sort()) merge(tree, files[path] as TranslationTree);
  return tree;
}
