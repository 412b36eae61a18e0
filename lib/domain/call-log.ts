import type { ChangeSource } from './change-source';
import type { OperationContext } from './operation';
import type { Task } from './task';
import type { TaskRulesOptions } from './task-rules-options';
import type { FieldIssue } from './validation-error';

export const CODES_REQUIRED_MESSAGE =
  'Pick at least one transaction code: they are mandatory on call logs.';

/** A task that records a call (R1, R7): the panel's form treats it as a call log. */
export function isCallLog(task: Pick<Task, 'call'>): boolean {
  return task.call !== null;
}

/**
 * Whether an edit from `source` is the agent saving this call log for the first time. Only the
 * agent logs a call: what the system reports (wrap-up codes, the log itself) leaves it waiting.
 * Tasks stored before loggedAt existed may lack it, hence the loose test.
 */
export function logsCall(task: Task, source: ChangeSource): boolean {
  return source === 'agent' && isCallLog(task) && !task.loggedAt;
}

/** The task marked as logged by the acting agent now. */
export function loggedCall(task: Task, ctx: OperationContext): Task {
  return { ...task, loggedAt: ctx.now, loggedBy: ctx.actorId };
}

/**
 * When the contact center makes transaction codes mandatory on call logs, an agent's save of
 * one must leave it with a code. The system's own writes (the log made when a call ends, a
 * campaign's auto-log, wrap-up codes) are not the agent's save and never wait for one.
 */
export function callLogCodeIssues(
  task: Pick<Task, 'call' | 'transactionCodes'>,
  source: ChangeSource,
  options: Pick<TaskRulesOptions, 'codesRequiredOnCallLogs'>,
): FieldIssue[] {
  const required = options.codesRequiredOnCallLogs === true && source === 'agent';
  if (!required || !isCallLog(task) || task.transactionCodes.length > 0) return [];
  return [{ path: 'transactionCodes', message: CODES_REQUIRED_MESSAGE }];
}
