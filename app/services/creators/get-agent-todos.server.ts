import { getCreatorTodos, sortTodos, type CreatorTodo } from './get-creator-todos.server.ts'

/**
 * An agent's combined to-do across every creator who granted their agency access (active grants only:
 * the caller passes getUserAreas().represented, which is already scoped to this user's agencies).
 * Each item names its creator.
 */
export async function getAgentTodos(represented: { id: string; name: string }[], now = new Date()): Promise<CreatorTodo[]> {
  const unique = [...new Map(represented.map((c) => [c.id, c])).values()]
  const lists = await Promise.all(unique.map(async (c) => (await getCreatorTodos(c.id, now)).map((t) => ({ ...t, creatorName: c.name }))))
  return sortTodos(lists.flat())
}
