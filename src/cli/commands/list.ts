import type { Group, GroupDetails } from '@shared/types'
import type { CliContext, Target } from '../context'
import { EXIT, exitCodeForKind, type ExitCode } from '../exit-codes'
import { detailsErrorJson, errorJson, listedGroupJson, type AccountGroupsJson } from '../output'
import { inertText } from '@shared/inert-text'
import { movedHint } from '../portal-move'
import type * as Table from '../table'

interface AccountResult {
  json: AccountGroupsJson
  groups: Group[]
  details: Readonly<Record<string, GroupDetails>>
  exitCode: ExitCode
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })
export const byName = (a: Group, b: Group) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id)

async function fetchAccount(context: CliContext, target: Target): Promise<AccountResult> {
  const json: AccountGroupsJson = {
    id: target.id,
    portal: target.portal,
    user: target.userName === null && !target.stored ? null : { id: target.userId, name: target.userName },
    groups: [],
    error: null,
    detailsError: null,
  }
  try {
    const client = await target.client()
    const { groups, droppedItems } = await client.getUserGroups()
    if (droppedItems) context.err(context.i18n.t('state:droppedIds', { account: target.id, count: droppedItems }))
    if (!target.stored) {
      // An ad-hoc webhook has no stored name; one more request gives it. Its failure does not spoil the list.
      const profile = await client.getProfile().catch(() => null)
      json.user = profile ? { id: profile.id, name: profile.name } : null
    }
    // The details are extra: their failure (most often the missing socialnetwork scope) leaves the list as it is.
    let details: Readonly<Record<string, GroupDetails>> = {}
    try {
      details = (await client.getGroupDetails(groups.map((group) => ({ id: group.id, role: group.role })))).details
    } catch (error) {
      json.detailsError = detailsErrorJson(context.describe(error, target))
    }
    const sorted = [...groups].sort(byName)
    json.groups = sorted.map((group) => listedGroupJson(group, details[group.id]))
    return { json, groups: sorted, details, exitCode: EXIT.ok }
  } catch (error) {
    const view = context.describe(error, target)
    json.error = errorJson(view)
    return { json, groups: [], details: {}, exitCode: exitCodeForKind(view.kind) }
  }
}

export async function listCommand(context: CliContext): Promise<ExitCode> {
  const { t } = context.i18n
  const targets = await context.targets()
  if (targets.length === 0) {
    if (context.options.json) context.json({ accounts: [] })
    context.err(t('cli:noAccounts'))
    return EXIT.credentials
  }
  // Accounts on different portals are fetched at once; each client keeps to its portal's rate limit.
  const results = await Promise.all(targets.map((target) => fetchAccount(context, target)))
  if (context.options.json) {
    context.json({ accounts: results.map((result) => result.json) })
  } else {
    // The table code loads only here: a `--json` run does without it (and without string-width's start-up cost).
    const table = await import('../table')
    // A failing account prints only its error sentence (on stderr, below), not a header with nothing under it.
    results
      .filter((result) => !result.json.error)
      .forEach((result, index) => {
        if (index > 0) context.out('')
        printHuman(context, table, result)
      })
  }
  results.forEach(({ json }, index) => {
    if (json.detailsError && !context.options.json) {
      context.err(t('cli:detailsUnavailable', { account: json.id, message: json.detailsError.message }))
    }
    if (!json.error) return
    const line = t('cli:accountFailed', { account: json.id, message: json.error.message })
    // A move the client would not follow: name the new address and how to accept it, if the user agrees.
    const { movedTo } = json.error
    context.err(movedTo ? `${line} ${movedHint(context, targets[index]!, movedTo)}` : line)
  })
  return results.find((result) => result.exitCode !== EXIT.ok)?.exitCode ?? EXIT.ok
}

function printHuman(context: CliContext, table: typeof Table, result: AccountResult): void {
  const { t } = context.i18n
  const { json } = result
  const who = json.user?.name ?? t('cli:unknownUser')
  context.out(`${json.id} · ${who} · ${t('cli:groupCount', { count: result.groups.length })}`)
  if (result.groups.length === 0) {
    context.out(t('cli:noGroups'))
    return
  }
  const extranet = `  [${t('cli:table.extranet')}]`
  // One lookup per role, not per row: a translator call costs more than the rest of a row.
  const roleNames = new Map<string, string>()
  const roleName = (role: Group['role']) =>
    roleNames.get(role) ?? roleNames.set(role, t(`roles:inText.${role}`)).get(role)!
  const archived = t('cli:archivedMark')
  // Unknown (no details, or no TYPE from an older portal): a dash, so the column reads as "not known", not "none".
  const typeName = (groupId: string) => {
    const type = result.details[groupId]?.type
    return type ? t(`cli:groupType.${type}`) : '-'
  }
  context.lines(
    table.renderTable(
      [t('cli:table.id'), t('cli:table.role'), t('cli:table.type'), t('cli:table.archived'), t('cli:table.name')],
      result.groups.map((group) => [
        group.id,
        roleName(group.role),
        typeName(group.id),
        result.details[group.id]?.archived ? archived : '',
        table.truncate(inertText(group.name), 60) + (group.extranet ? extranet : ''),
      ]),
    ),
  )
}
