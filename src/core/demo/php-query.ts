// Bitrix24 is PHP: form and query parameters use PHP's nested keys (`cmd[groups]=...`, `ids[]=1`). This reads them
// into the same nested object PHP would build.

export type PhpValue = string | PhpValue[] | { [key: string]: PhpValue }

function keyPath(name: string): string[] {
  const first = /^[^[]*/.exec(name)?.[0] ?? name
  const rest = [...name.slice(first.length).matchAll(/\[([^\]]*)\]/g)].map((match) => match[1] ?? '')
  return [first, ...rest]
}

function assign(target: Record<string, PhpValue> | PhpValue[], path: string[], value: string): void {
  const [head, ...tail] = path
  if (head === undefined) return
  const container = target as Record<string, PhpValue>
  const key = head === '' && Array.isArray(target) ? String(target.length) : head
  if (tail.length === 0) {
    if (Array.isArray(target)) target.push(value)
    else container[key] = value
    return
  }
  let child = Array.isArray(target) && head === '' ? undefined : container[key]
  if (typeof child !== 'object' || child === null) {
    child = tail[0] === '' ? [] : {}
    if (Array.isArray(target) && head === '') target.push(child)
    else container[key] = child
  }
  assign(child, tail, value)
}

export function parsePhpQuery(params: URLSearchParams): Record<string, PhpValue> {
  const result: Record<string, PhpValue> = {}
  for (const [name, value] of params) {
    // Prototype keys would let a request change every object's behaviour.
    if (/__proto__|constructor|prototype/.test(name)) continue
    assign(result, keyPath(name), value)
  }
  return result
}
