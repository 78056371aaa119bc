/** The renderer's dev-server URL, set by `electron-vite dev`; unset in a built app, which loads its files. */
export const RENDERER_DEV_URL: string | undefined = process.env['ELECTRON_RENDERER_URL']
