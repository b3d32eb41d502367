declare module 'virtual:translations/*' {
  const texts: import('./merge.ts').TranslationTree;
  export default texts;
}
