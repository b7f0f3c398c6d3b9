// Scrubs secrets from a log line before it reaches the disk. Applied to the serialised line, so messages, nested
// objects and error stacks are all covered, whatever shape the caller logged.

export const REDACTED = '[redacted]'

// Names that hold a secret wherever they appear: in query strings and form bodies, and as JSON members.
const SECRET_FIELDS = [
  'auth',
  'access_token',
  'accessToken',
  'refresh_token',
  'refreshToken',
  'client_secret',
  'clientSecret',
  'application_token',
  'password',
  'token',
  'secret',
]
// `code=` in a query or form body is an OAuth authorization code; a JSON `"code"` member is an error code
// (`NO_AUTH_FOUND`, `ENOSPC`), which the log must keep.
const SECRET_PARAMS = [...SECRET_FIELDS, 'code'].join('|')
const SECRET_MEMBERS = SECRET_FIELDS.join('|')

const PATTERNS: readonly [RegExp, string][] = [
  // Webhook URLs: /rest/USER_ID/CODE/... (the user id may stay, it is not a secret).
  [/(\/rest\/\d+\/)[^/\s?#"'<>\\]+/gi, `$1${REDACTED}`],
  // Query strings and form bodies: auth=..., refresh_token=..., client_secret=...
  [new RegExp(`\\b(${SECRET_PARAMS})=[^&\\s"'<>\\\\]*`, 'gi'), `$1=${REDACTED}`],
  // JSON members, escaped quotes inside the value included.
  [new RegExp(`("(?:${SECRET_MEMBERS})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'), `$1"${REDACTED}"`],
  // HTTP authorization headers.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${REDACTED}`],
]

// Shorter "secrets" would mask ordinary words all over the log; real codes and tokens are far longer.
const MIN_KNOWN_SECRET_LENGTH = 8

function forms(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])]
}

/** Removes secrets by their position (webhook paths, `auth=`, token fields) and any known secret verbatim. */
export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let result = text
  for (const secret of knownSecrets) {
    if (secret.length < MIN_KNOWN_SECRET_LENGTH) continue
    for (const form of forms(secret)) result = result.split(form).join(REDACTED)
  }
  return PATTERNS.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), result)
}
