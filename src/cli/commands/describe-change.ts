import type { TFunction } from 'i18next'
import type { MembershipChange } from '@shared/types'
import { ROLE_BY_CODE } from '@shared/types'

const roleName = (t: TFunction, code: unknown) => t(`cli:roles.${ROLE_BY_CODE[String(code)] ?? 'unknown'}`)

/** One human line for a change, e.g. `role in “Ops” changed from member to moderator`. */
export function describeChange(t: TFunction, change: MembershipChange): string {
  const name = change.group.name
  let text: string
  switch (change.kind) {
    case 'joined':
      text = t('cli:change.joined', { name, role: roleName(t, change.group.roleCode) })
      break
    case 'role_changed':
      text = t('cli:change.role_changed', { name, from: roleName(t, change.from), to: roleName(t, change.to) })
      break
    case 'renamed':
      text = t('cli:change.renamed', { name, from: String(change.from ?? '') })
      break
    case 'extranet_changed':
      text = t(change.to ? 'cli:change.extranet_changed_on' : 'cli:change.extranet_changed_off', { name })
      break
    default:
      text = t(`cli:change.${change.kind}`, { name })
  }
  return change.whileAway ? `${text} ${t('cli:change.whileAway')}` : text
}
