import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    // Dates render in the viewer's time zone; pin it so assertions are deterministic.
    env: { TZ: 'UTC' },
  },
})
