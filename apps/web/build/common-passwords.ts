import { dictionary } from '@zxcvbn-ts/language-common';
import type { Plugin } from 'vite';

const ID = 'virtual:common-passwords';
/** Where the development server answers with the list. */
const DEV_PATH = '/@portal/common-passwords.txt';

/**
 * `virtual:common-passwords`: the URL of the common-password list of @zxcvbn-ts/language-common (the
 * same ~49,000 the server refuses), one a line, as a file of the build rather than a script. The
 * strength meter of the password pages fetches it when it first runs, so the list (≈ 180 KB in
 * brotli, more than a chunk may weigh) is data those pages load, never part of a script chunk, and
 * no other page downloads it (decision 037).
 */
export function commonPasswords(): Plugin {
  const text = () => dictionary['passwords-common'].join('\n');
  let serving = false;
  return {
    name: 'portal:common-passwords',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    configureServer(server) {
      server.middlewares.use(DEV_PATH, (_req, res) => {
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end(text());
      });
    },
    resolveId(id) {
      return id === ID ? `\0${ID}` : undefined;
    },
    load(id) {
      if (id !== `\0${ID}`) return undefined;
      if (serving) return `export default ${JSON.stringify(DEV_PATH)};`;
      const ref = this.emitFile({ type: 'asset', name: 'common-passwords.txt', source: text() });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}
