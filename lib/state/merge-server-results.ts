import { compareSearchResults, type TaskSort } from '../db/queries/task-sort';
import type { Task } from '../domain/task';

/**
 * The local search results with the server's matches merged in, in the order the local results
 * use: each server match goes before the first local result that sorts after it (after equals).
 * Matches this device already lists, or the server lists twice, appear once.
 */
export function mergeServerResults(
  local: readonly Task[],
  fromServer: readonly Task[],
  sort: TaskSort,
): Task[] {
  const compare = compareSearchResults(sort);
  const seen = new Set(local.map((task) => task.id));
  const extra: Task[] = [];
  for (const task of fromServer) {
    if (seen.has(task.id)) continue;
    seen.add(task.id);
    extra.push(task);
  }
  extra.sort(compare);
  const merged: Task[] = [];
  let next = 0;
  for (const task of local) {
    for (let pending = extra[next]; pending && compare(pending, task) < 0; pending = extra[next]) {
      merged.push(pending);
      next += 1;
    }
    merged.push(task);
  }
  return merged.concat(extra.slice(next));
}
