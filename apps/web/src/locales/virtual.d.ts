declare module 'virtual:translations/*' {
  const texts: import('./merge.ts').TranslationTree;
  export default texts;
}

declare module 'virtual:common-passwords' {
  /** The URL of the common-password list, one a line (build/common-passwords.ts) */
  const url: string;
  export default url;
}

declare module '@zxcvbn-ts/language-common/dist/diceware.json.mjs' {
  const words: string[];
  export default words;
}

declare module '@zxcvbn-ts/language-common/dist/adjacencyGraphs.json.mjs' {
  const graphs: Record<string, Record<string, (string | null)[]>>;
  export default graphs;
}
