import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer: one React app, loaded from app:// in Electron and from `holdfast web` in a browser. */
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: true,
    // A local app loads its bundle from disk; one chunk is simpler than splitting for download size.
    chunkSizeWarningLimit: 2000,
  },
});
