import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { commonPasswords } from './build/common-passwords.ts';
import { precompress } from './build/precompress.ts';
import { translations } from './build/translations.ts';

export default defineConfig({
  plugins: [react(), tailwindcss(), translations(), commonPasswords(), precompress()],
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
