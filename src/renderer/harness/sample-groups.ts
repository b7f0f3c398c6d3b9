// Made-up but realistic groups for the harness: three languages, diacritics, long names, a few avatars.
import type { Group } from '@shared/types'
import { makeGroup } from './builders'

const NAMES = [
  'Marketing',
  'Отдел продаж',
  'Vertrieb DACH',
  'Product Design',
  'Buchhaltung & Controlling',
  'Разработка мобильного приложения',
  'Customer Success',
  'Zürich Büro',
  'Équipe Lyon',
  'HR & Recruiting',
  'Проект «Ёлка»',
  'Roadmap 2025',
  'Onboarding new hires',
  'Партнёры и дистрибьюторы',
  'Qualitätssicherung',
  'Website relaunch — content, SEO, analytics and the new landing pages for spring',
  'Support 2nd line',
  'Юридический отдел',
  'Events & Messen',
  'Data platform',
]

const TOPICS = ['Projekt', 'Project', 'Проект', 'Team', 'Команда', 'Arbeitsgruppe', 'Initiative', 'Рабочая группа']
const SUBJECTS = ['Alpha', 'Nord', 'Süd', 'Восток', 'Запад', 'Cloud', 'CRM', 'Logistik', 'Склад', 'Finance', 'Öko']

/** A small square avatar as a data URI (the window's CSP allows data: images; the harness has no network). */
function avatar(index: number): string {
  const hue = (index * 47) % 360
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="hsl(${hue} 55% 45%)"/><circle cx="16" cy="13" r="6" fill="hsl(${hue} 70% 85%)"/><rect x="6" y="21" width="20" height="11" rx="5" fill="hsl(${hue} 70% 85%)"/></svg>`
  return `data:image/svg+xml,${encodeURIComponent(svg)}`
}

function nameFor(index: number): string {
  if (index < NAMES.length) return NAMES[index] ?? ''
  const topic = TOPICS[index % TOPICS.length] ?? ''
  const subject = SUBJECTS[Math.floor(index / TOPICS.length) % SUBJECTS.length] ?? ''
  return `${topic} ${subject} ${index}`
}

export function sampleGroups(count: number, origin: string): Group[] {
  return Array.from({ length: count }, (_, index) => {
    const id = String(100 + index)
    const roleCode = index % 11 === 0 ? 'A' : index % 5 === 2 ? 'E' : 'K'
    return makeGroup({
      id,
      name: nameFor(index),
      roleCode,
      extranet: index % 9 === 4,
      imageUrl: index % 6 === 1 ? avatar(index) : null,
      url: `${origin}/workgroups/group/${id}/`,
    })
  })
}

/** Names in scripts that abbreviate differently or run right to left: how initials and `dir="auto"` look. */
const WORLD_NAMES = ['製品開発チーム 🚀', '마케팅 팀', 'צוות פיתוח', 'فريق التسويق']

export function worldGroups(origin: string): Group[] {
  return WORLD_NAMES.map((name, index) => {
    const id = String(900 + index)
    return makeGroup({ id, name, roleCode: index === 0 ? 'A' : 'K', url: `${origin}/workgroups/group/${id}/` })
  })
}
