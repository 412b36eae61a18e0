import type { Customer } from '../domain/customer';
import type { Id } from '../domain/ids';
import type { Task } from '../domain/task';
import type { TaskStatus } from '../domain/task-kind';
import { agendaMs } from './agenda-time';
import {
  type CustomerWordsRow,
  SEARCH_TERM_SEPARATOR,
  type SearchTerm,
  type TaskWordsRow,
} from './database';
import { indexableWords, phoneWords, textWords } from './search-words';
import { wordSignature } from './word-signature';

const E164 = /^\+[1-9]\d{6,14}$/;

/** A custom field's stored text; phone-shaped values also match by their digits. */
function fieldValueWords(value: unknown): string[] {
  if (typeof value === 'string')
    return E164.test(value) ? [...phoneWords(value)] : textWords(value);
  if (Array.isArray(value)) return value.flatMap(fieldValueWords);
  return [];
}

/** The searchable text of a task: what the agent typed or saw, and its customer's name. */
export function taskSearchWords(task: Task, customer: Customer | undefined): string[] {
  const words = [
    ...textWords(task.subject),
    ...textWords(task.notes),
    ...task.transactionCodes.flatMap(textWords),
    ...Object.values(task.fields).flatMap(fieldValueWords),
  ];
  if (task.number !== null) words.push(String(task.number));
  if (task.transactionId) words.push(...textWords(task.transactionId));
  if (task.call?.callerName) words.push(...textWords(task.call.callerName));
  if (task.call?.number) words.push(...phoneWords(task.call.number));
  if (customer && customer.deletedAt === null) {
    words.push(...textWords(customer.name), ...customer.phones.flatMap(phoneWords));
    if (customer.company) words.push(...textWords(customer.company));
  }
  return indexableWords(words);
}

/** Fixed-width base-36 epoch milliseconds, counted down from year 5188 so newer sorts first. */
const RANK_TIME_WIDTH = 9;
const RANK_TIME_MAX = 36 ** RANK_TIME_WIDTH - 1;

const TASK_ID_LENGTH = 36;

/**
 * The search order key: last changed first, then by id; the task's word signature rides at the
 * end, where it cannot affect the order.
 */
export function searchRank(updatedMs: number, taskId: Id, signature: string): string {
  const countdown = RANK_TIME_MAX - Math.min(RANK_TIME_MAX, Math.max(0, updatedMs));
  return countdown.toString(36).padStart(RANK_TIME_WIDTH, '0') + taskId + signature;
}

export function updatedMsOfRank(rank: string): number {
  return RANK_TIME_MAX - Number.parseInt(rank.slice(0, RANK_TIME_WIDTH), 36);
}

export function taskIdOfRank(rank: string): Id {
  return rank.slice(RANK_TIME_WIDTH, RANK_TIME_WIDTH + TASK_ID_LENGTH);
}

export function signatureOfRank(rank: string): string {
  return rank.slice(RANK_TIME_WIDTH + TASK_ID_LENGTH);
}

export function taskWordsRow(task: Task, customer: Customer | undefined): TaskWordsRow {
  const updatedMs = Date.parse(task.updatedAt);
  const words = taskSearchWords(task, customer);
  return {
    rank: searchRank(updatedMs, task.id, wordSignature(words)),
    taskId: task.id,
    terms: words.map((word) => searchTerm(word, task.status)),
    kind: task.kind,
    status: task.status,
    customerId: task.customerId,
    assigneeId: task.assigneeId,
    codes: task.transactionCodes,
    createdMs: Date.parse(task.createdAt),
    updatedMs,
    dueMs: agendaMs(task),
  };
}

/** What a customer is found by: name, company, phones, emails and the CRM's own ids. */
export function customerWordsRow(customer: Customer): CustomerWordsRow {
  return {
    customerId: customer.id,
    words: indexableWords([
      ...textWords(customer.name),
      ...textWords(customer.company ?? ''),
      ...customer.phones.flatMap(phoneWords),
      ...customer.emails.flatMap(textWords),
      ...customer.externalIds.flatMap(textWords),
    ]),
  };
}

export function searchTerm(word: string, status: TaskStatus): SearchTerm {
  return `${word}${SEARCH_TERM_SEPARATOR}${status}`;
}

export function splitSearchTerm(term: SearchTerm): { word: string; status: string } {
  const separator = term.lastIndexOf(SEARCH_TERM_SEPARATOR);
  return { word: term.slice(0, separator), status: term.slice(separator + 1) };
}

/** The words of a search row, for checking query words against it. */
export function rowWords(row: TaskWordsRow): string[] {
  return row.terms.map((term) => splitSearchTerm(term).word);
}
