// The Electron binary, for the tests that launch it; the logic lives with the scripts that also need it.
export { ELECTRON_FIX, electronBinary } from '../scripts/electron-binary.mjs'
