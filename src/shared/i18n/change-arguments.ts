// What every surface (notifications, the command line) fills a change's description with, in one order and with one
// meaning: the group's name, then the value before and after (role names for a role, names for a rename). Each
// surface says each kind once, in its own dictionary, with these placeholders.
import type { MembershipChange, Role } from '../model'
import { roleOf } from '../model/values'

// A type, not an interface, so that it passes as i18next's options.
export type ChangeArguments = {
  name: string
  from: string
  to: string
}

/** `role` names a role on the surface; `text` formats a portal-supplied name for it (escaping, truncation). */
export function changeArguments(
  change: MembershipChange,
  role: (role: Role) => string,
  text: (value: string) => string = (value) => value,
): ChangeArguments {
  const name = text(change.group.name)
  const asText = (value: unknown) => (typeof value === 'string' ? value : '')
  switch (change.kind) {
    case 'joined':
      return { name, from: '', to: role(roleOf(change.to ?? change.group.roleCode)) }
    case 'left':
      return { name, from: role(roleOf(change.from ?? change.group.roleCode)), to: '' }
    case 'role_changed':
      return { name, from: role(roleOf(change.from)), to: role(roleOf(change.to)) }
    case 'renamed':
      return { name, from: text(asText(change.from)), to: text(asText(change.to) || change.group.name) }
    case 'image_changed':
    case 'extranet_changed':
    case 'archived':
    case 'restored':
      return { name, from: '', to: '' }
  }
}

/** Whether an extranet change opened the group to external users (else it closed it). */
export function extranetNow(change: MembershipChange): boolean {
  return typeof change.to === 'boolean' ? change.to : change.group.extranet
}
