import type { Translate } from '@shared/i18n'
import { changeArguments } from '@shared/i18n/change-arguments'
import type { MembershipChange } from '@shared/types'

/** One human line for a change, e.g. `role in “Ops” changed from member to moderator`. */
export function describeChange(t: Translate, change: MembershipChange): string {
  const args = changeArguments(change, (role) => t(`roles:inText.${role}`))
  const text = ((): string => {
    switch (change.kind) {
      case 'joined':
        return t('cli:change.joined', args)
      case 'left':
        return t('cli:change.left', args)
      case 'role_changed':
        return t('cli:change.role_changed', args)
      case 'renamed':
        return t('cli:change.renamed', args)
      case 'image_changed':
        return t('cli:change.image_changed', args)
      case 'extranet_changed':
        return t(change.to ? 'cli:change.extranet_changed_on' : 'cli:change.extranet_changed_off', args)
      case 'archived':
        return t('cli:change.archived', args)
      case 'restored':
        return t('cli:change.restored', args)
    }
  })()
  return change.whileAway ? `${text} ${t('cli:change.whileAway')}` : text
}
