import { warnIfNoChromium } from '@storra/server/testing/browser'

export { CHROMIUM_PATH, hasChromium, launchChromium } from '@storra/server/testing/browser'

warnIfNoChromium('THE DASHBOARD BROWSER TESTS')
