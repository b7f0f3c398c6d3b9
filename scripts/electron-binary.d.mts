export function electronBinary(): string | null
export const ELECTRON_FIX: string
export const MISSING_ELECTRON_MESSAGE: string
