import { defineConfig } from 'vite';

// Builds embed.js, the loader host pages include: one small classic script with no
// dependencies, at a fixed name next to the app (dist/embed.js), never hashed.
export default defineConfig({
  publicDir: false,
  build: {
    outDir: process.env.DIST_DIR ?? 'dist',
    emptyOutDir: false,
    sourcemap: false,
    lib: {
      entry: 'src/features/embed/loader.ts',
      formats: ['iife'],
      name: 'TroubleshooterEmbed',
      fileName: () => 'embed.js',
    },
  },
});
