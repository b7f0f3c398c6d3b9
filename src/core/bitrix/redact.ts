// Scrubs secrets out of text before it goes into an error: a request URL carries the webhook code in its path and a
// token request carries the refresh token and client secret in its query.

export const MASK = '••••'

const SECRET_PATTERNS: readonly [RegExp, string][] = [
  // Webhook path: /rest/USER_ID/CODE/...
  [/(\/rest\/\d+\/)[^/\s?#"'<>]+/gi, `$1${MASK}`],
  // Query or form parameters.
  [/\b(auth|access_token|refresh_token|client_secret|code|password|application_token)=[^&\s"'<>]*/gi, `$1=${MASK}`],
  // JSON members.
  [
    /("(?:auth|access_token|refresh_token|client_secret|application_token|code)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi,
    `$1"${MASK}"`,
  ],
]

/** Removes what looks like a secret by its position: webhook paths, `auth=`, token fields. */
export function redactPatterns(text: string): string {
  return SECRET_PATTERNS.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text)
}

// Shorter strings would mask ordinary words; real codes and tokens are far longer.
const MIN_SECRET_LENGTH = 6

/** A scrubber that also removes the given secrets wherever they appear, raw or URL-encoded. */
export function createRedactor(secrets: () => readonly (string | null | undefined)[]): (text: string) => string {
  return (text) => {
    let result = text
    for (const secret of secrets()) {
      if (!secret || secret.length < MIN_SECRET_LENGTH) continue
      for (const form of new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])) {
        result = result.split(form).join(MASK)
      }
    }
    return redactPatterns(result)
  }
}
