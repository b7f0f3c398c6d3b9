import { groupOpenUrl } from '@shared/group-pages'
import type { Group, GroupPage, GroupType } from '@shared/types'
import { DEFAULT_GROUP_URL_TEMPLATE, trustedGroupUrl } from '../../core/bitrix'
import type { CliContext, Target } from '../context'
import { EXIT, exitCodeForKind, type ExitCode } from '../exit-codes'

export interface OpenOptions {
  account?: string
  print?: boolean
  /** The sub-page (`--tasks`, `--calendar`, ...); without one, the group's page (a collab's chat). */
  page?: GroupPage
}

interface Found {
  target: Target
  group: Group
  /** From the group's details, when known: a collab opens on its chat. */
  type: GroupType | null
}

/** The group's link from the account's origin and template (the stored account's, or the default for --webhook). */
async function groupUrlOf(context: CliContext, target: Target, groupId: string): Promise<string | null> {
  const template = target.stored
    ? ((await context.accounts()).get(target.id)?.groupUrlTemplate ?? DEFAULT_GROUP_URL_TEMPLATE)
    : DEFAULT_GROUP_URL_TEMPLATE
  return trustedGroupUrl(template, target.portal, groupId)
}

/** Looks in the last synced lists first (no request); only when the group is in none of them asks the portals. */
async function findGroup(context: CliContext, targets: Target[], groupId: string): Promise<Found[] | ExitCode> {
  const store = await context.syncStore()
  const fromSnapshots = targets.flatMap((target) => {
    const snapshot = store.snapshot(target.id)
    const group = snapshot?.groups.find((candidate) => candidate.id === groupId)
    return group ? [{ target, group, type: snapshot?.details?.groups[groupId]?.type ?? null }] : []
  })
  if (fromSnapshots.length > 0) return fromSnapshots
  const found: Found[] = []
  let failure: ExitCode | null = null
  for (const target of targets) {
    try {
      const client = await target.client()
      const { groups } = await client.getUserGroups()
      const group = groups.find((candidate) => candidate.id === groupId)
      if (!group) continue
      // Only the type matters here (a collab opens on its chat); without it, the group's page still opens.
      const details = await client.getGroupDetails([{ id: group.id, role: group.role }]).catch(() => null)
      found.push({ target, group, type: details?.details[group.id]?.type ?? null })
    } catch (error) {
      const view = context.describe(error, target)
      context.err(context.i18n.t('cli:accountFailed', { account: target.id, message: view.message }))
      failure ??= exitCodeForKind(view.kind)
    }
  }
  return found.length === 0 && failure !== null ? failure : found
}

export async function openCommand(context: CliContext, groupId: string, options: OpenOptions): Promise<ExitCode> {
  const { t } = context.i18n
  let targets = await context.targets()
  if (options.account) {
    targets = targets.filter((target) => target.id === options.account)
    if (targets.length === 0) {
      context.err(t('cli:open.unknownAccount', { account: options.account }))
      return EXIT.usage
    }
  }
  if (targets.length === 0) {
    context.err(t('cli:noAccounts'))
    return EXIT.credentials
  }
  const found = await findGroup(context, targets, groupId)
  if (typeof found === 'number') return found
  if (found.length === 0) {
    context.err(t('cli:open.notFound', { group: groupId }))
    return EXIT.usage
  }
  if (found.length > 1) {
    context.err(t('cli:open.ambiguous', { group: groupId, accounts: found.map((f) => f.target.id).join(', ') }))
    return EXIT.usage
  }
  // Rebuilt, never taken from the state file as it stands: that file may have been edited to point anywhere.
  const groupUrl = await groupUrlOf(context, found[0]!.target, found[0]!.group.id)
  const url = groupUrl === null ? null : groupOpenUrl(groupUrl, found[0]!.type, options.page)
  if (url === null) {
    context.err(t('cli:open.notFound', { group: groupId }))
    return EXIT.usage
  }
  if (options.print) {
    context.out(url)
    return EXIT.ok
  }
  if (!context.options.json) context.err(t('cli:open.opening', { url }))
  await context.deps.openUrl(url)
  return EXIT.ok
}
