import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  // The server mounts the build under /dashboard (apps/server/src/http/web-app.ts).
  base: '/dashboard/',
  plugins: [react(), tailwindcss()],
  server: {
    // The API stays same-origin in development too, so the session cookie and the server's
    // Origin check behave as in production. Host is kept, not rewritten, for that check.
    proxy: { '/api': 'http://127.0.0.1:3000', '/docs': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
})
