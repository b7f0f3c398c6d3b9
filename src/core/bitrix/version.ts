// The app's version, for an honest User-Agent. Read from package.json so that a release bump is the only edit.
import packageJson from '../../../package.json' with { type: 'json' }

export const APP_VERSION: string = packageJson.version
export const DEFAULT_USER_AGENT = `Bitrix24Groups/${APP_VERSION}`
