/**
 * What the background answers the side panel's "Task for this page": the task's form is on its
 * way (the new-task request is stored), or why not. The panel shows the reason as advice.
 */
export type PageTaskProblem =
  /** Wrapup may not read the page and the browser cannot ask the agent from here (Firefox). */
  | 'needs-access'
  /** The browser now offers the agent, from its toolbar, to let Wrapup read this site. */
  | 'access-requested'
  /** The active tab is no web page (the browser's own pages, a new tab, an extension page). */
  | 'no-page';

export type PageTaskOutcome = { ok: true } | { ok: false; problem: PageTaskProblem };

const PROBLEMS: readonly string[] = ['needs-access', 'access-requested', 'no-page'];

/** The outcome in a reply from our background, or null when the reply is not one. */
export function pageTaskOutcomeOptional(reply: unknown): PageTaskOutcome | null {
  if (typeof reply !== 'object' || reply === null) return null;
  const { ok, problem } = reply as Record<string, unknown>;
  if (ok === true) return { ok: true };
  if (ok === false && typeof problem === 'string' && PROBLEMS.includes(problem)) {
    return { ok: false, problem: problem as PageTaskProblem };
  }
  return null;
}
