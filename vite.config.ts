// The renderer's build: React, relative asset paths (served by the desktop app's `app://` protocol
// and by browser mode alike), output in dist/renderer.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // pdf.js is large and loaded once; a warning about its size is not actionable.
    chunkSizeWarningLimit: 2500,
  },
});
