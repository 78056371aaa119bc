import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig, type RendererViteConfig } from 'electron-vite'
import type { Plugin } from 'vite'

/**
 * The renderer's index.html carries the strict production CSP. Vite's dev server needs an
 * inline React Refresh preamble, injected styles and a websocket, so only `electron-vite dev`
 * loosens it; built files keep the strict policy.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'storra:relax-csp-for-dev-server',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'none'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*")
    },
  }
}

/** Also used by the renderer tests, which build the renderer with plain Vite and load it in Chromium. */
export const rendererConfig: RendererViteConfig = {
  plugins: [react(), tailwindcss(), relaxCspForDevServer()],
}

export default defineConfig({
  // Main: electron-vite's defaults (src/main/index.ts, ES module output, `dependencies` left external).
  main: {},
  preload: {
    build: {
      // A sandboxed preload can neither be an ES module nor require npm packages: one CommonJS file.
      rollupOptions: { output: { format: 'cjs' } },
    },
  },
  renderer: rendererConfig,
})
