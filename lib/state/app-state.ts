import { computed, effect, type Signal, signal } from '@preact/signals';
import type { WrapupDb } from '../db/database';
import { callsToLog } from '../db/queries/calls-to-log';
import { clonesOf } from '../db/queries/clones-of';
import { customerById } from '../db/queries/customer-by-id';
import { historyOf } from '../db/queries/history-of';
import { type MyTasksFilter, myTasks } from '../db/queries/my-tasks';
import type { TaskSort } from '../db/queries/task-sort';
import { tasksOfCustomer } from '../db/queries/tasks-of-customer';
import type { Customer } from '../domain/customer';
import type { Id } from '../domain/ids';
import { can, type TaskAction } from '../domain/permissions';
import type { Task } from '../domain/task';
import type { TaskChanges, TaskDraft } from '../domain/task-draft';
import type { TaskKind } from '../domain/task-kind';
import { ValidationError } from '../domain/validation-error';
import type { SnoozeChoiceMinutes } from '../reminders/snooze-choices';
import {
  type CustomerEditInput,
  customerChangesFrom,
  customerDraftFrom,
  issuesForCustomerEdit,
  issuesForCustomerForm,
  type NewCustomerInput,
} from './customer-input';
import type { DraftStore } from './draft-store';
import { liveQuerySignal } from './live-query-signal';
import { createLoggedCalls } from './logged-calls';
import { createPageTaskState, type PageTaskStarter } from './page-task';
import { panelUser } from './panel-user';
import type { ReminderActions } from './reminder-actions';
import { createSoftphoneAccessState, type SoftphoneAccess } from './softphone-access';

/** Back goes at most this many screens back. */
const MAX_BACK = 30;

/** Rows enough to fill a tall panel, read before the rest of the list. */
const FIRST_PAGE = 60;

export interface AppStateDeps {
  db: WrapupDb;
  agentId: Id;
  softphoneAccess: SoftphoneAccess;
  /** "Task for this page": the panel beside a browser tab has it, tests may leave it out. */
  pageTask?: PageTaskStarter;
  drafts: DraftStore;
  reminders?: ReminderActions;
  /** Whether the browser has a network; the entrypoint keeps it current. */
  online?: Signal<boolean>;
  now?: () => Date;
}

export interface TaskListResult {
  tasks: Task[];
  /** False while the search index is catching up: results may still be missing tasks. */
  complete: boolean;
}

/** What a new task started from a web page brings along (quick capture). */
export interface NewTaskExtras {
  /** The page the task is about, linked from the task. */
  reference?: { title: string; url: string } | null;
  /** Several customers matched the page: the agent picks one of them (R4). */
  customerCandidates?: readonly Id[];
  /** Nobody matched: a new customer filled from the page, for the agent to check. */
  customerPrefill?: NewCustomerInput;
}

/** What the panel shows: the task list, one task, a new task's form, or one customer. */
export type Route =
  | { screen: 'list' }
  | { screen: 'task'; taskId: Id }
  | ({ screen: 'new'; customerId: Id | null } & NewTaskExtras)
  | { screen: 'customer'; customerId: Id };

/**
 * The side panel's whole state and actions, built once per panel (and per test). Components read
 * these signals and call these actions; they never touch the store themselves.
 */
export function createAppState({
  db,
  agentId,
  softphoneAccess,
  pageTask: pageTaskStarter,
  drafts,
  reminders,
  online = signal(true),
  now = () => new Date(),
}: AppStateDeps) {
  const softphones = createSoftphoneAccessState(softphoneAccess);
  const pageTask = createPageTaskState(pageTaskStarter);
  const filter = signal<MyTasksFilter>('open');
  const sort = signal<TaskSort | 'default'>('default');
  const kind = signal<TaskKind | 'all'>('all');
  const query = signal('');
  const route = signal<Route>({ screen: 'list' });
  /** The screens Back returns to, most recent last. */
  const backStack: Route[] = [];
  const go = (next: Route) => {
    backStack.push(route.value);
    if (backStack.length > MAX_BACK) backStack.shift();
    route.value = next;
  };
  /** The task just created from a new task's form, whose own form then says it was saved. */
  const justCreated = signal<Id | null>(null);

  const storedUser = liveQuerySignal(
    () => agentId,
    async (id) => (await db.users.get(id)) ?? null,
  );
  const user = computed(() => panelUser(agentId, storedUser.value.value));
  /** False until the store says who the agent is: until then the panel offers no actions. */
  const userKnown = computed(() => user.value !== null);
  // The form's code (commands, settings schema, validation) loads when first needed, so the
  // task list renders without it.
  const commands = () => import('../db/task-commands');
  const definitions = liveQuerySignal(
    () => null,
    () => db.fieldDefinitions.toArray(),
  );
  const codes = liveQuerySignal(
    () => null,
    () => db.transactionCodes.toArray(),
  );

  /**
   * The list's first result holds only the rows a screen shows, so the panel renders at once;
   * the whole list follows right after.
   */
  const firstPage = signal(true);
  const list = liveQuerySignal(
    () => ({
      filter: filter.value,
      query: query.value.trim(),
      sort: sort.value,
      kind: kind.value,
      limit: firstPage.value ? FIRST_PAGE : undefined,
    }),
    async (input): Promise<TaskListResult> => {
      const chosen = input.sort === 'default' ? undefined : input.sort;
      if (input.query) {
        const { searchTasks } = await import('../db/queries/search-tasks');
        const filters = input.kind === 'all' ? {} : { kinds: [input.kind] };
        const result = await searchTasks(db, input.query, filters, { limit: 200, sort: chosen });
        return { tasks: result.tasks, complete: result.indexComplete };
      }
      const tasks = await myTasks(db, agentId, {
        filter: input.filter,
        kind: input.kind === 'all' ? undefined : input.kind,
        sort: chosen,
        now: now(),
        limit: input.limit,
      });
      return { tasks, complete: true };
    },
  );
  /** True once the first screen is painted: work it does not need waits until then. */
  const started = signal(false);
  let markShown = () => {};
  const firstScreenShown = new Promise<void>((resolve) => {
    markShown = resolve;
  });
  const stopFirstPage = effect(() => {
    if (started.value) firstPage.value = false;
  });
  const settings = liveQuerySignal(
    () => started.value || route.value.screen !== 'list',
    async (wanted) =>
      wanted ? (await import('../db/settings-store')).loadSettings(db) : undefined,
  );
  /** Customers matching the search box, so their records are one click away (R23). */
  const customerMatches = liveQuerySignal(
    () => query.value.trim(),
    async (text): Promise<Customer[]> => {
      if (text === '') return [];
      const { searchCustomers } = await import('../db/queries/search-customers');
      return searchCustomers(db, text, 5);
    },
  );
  const loggedCalls = createLoggedCalls(drafts);
  const toLog = liveQuerySignal(
    () => (started.value ? loggedCalls.ids.value : null),
    async (logged) => (logged ? callsToLog(db, agentId, logged) : []),
  );

  const openTaskId = computed(() => (route.value.screen === 'task' ? route.value.taskId : null));
  const openTaskQuery = liveQuerySignal(
    () => openTaskId.value,
    async (id) => (id ? ((await db.tasks.get(id)) ?? null) : null),
  );
  const openTask = computed<Task | null | undefined>(() =>
    openTaskId.value ? openTaskQuery.value.value : null,
  );
  const history = liveQuerySignal(
    () => openTaskId.value,
    async (id) => (id ? historyOf(db, id) : []),
  );
  const clones = liveQuerySignal(
    () => openTaskId.value,
    async (id) => (id ? clonesOf(db, id) : []),
  );
  /** The open clone's parent while it still exists (R16); gone once deleted (R18). */
  const parent = liveQuerySignal(
    () => openTask.value?.parentId ?? null,
    async (id) => (id ? ((await db.tasks.get(id)) ?? null) : null),
  );

  /** R3: the customers with this number, by name. */
  const customersWithNumber = async (number: string): Promise<Id[]> => {
    const { customersByPhone } = await import('../db/queries/customers-by-phone');
    const customers = await customersByPhone(db, number);
    return customers.sort((a, b) => a.name.localeCompare(b.name)).map((customer) => customer.id);
  };
  /** R3, R4: the customers an open call log's number belongs to, offered when it has none. */
  const callerCandidates = liveQuerySignal(
    () => {
      const task = openTask.value;
      return task && task.customerId === null ? (task.call?.number ?? null) : null;
    },
    async (number): Promise<Id[]> => (number ? customersWithNumber(number) : []),
  );
  const shownCustomerId = computed(() => {
    const current = route.value;
    if (current.screen === 'customer') return current.customerId;
    if (current.screen === 'new') return current.customerId;
    return openTask.value?.customerId ?? null;
  });
  const customer = liveQuerySignal(
    () => shownCustomerId.value,
    async (id) => (id ? ((await customerById(db, id)) ?? null) : null),
  );
  const customerTasks = liveQuerySignal(
    () => (route.value.screen === 'customer' ? route.value.customerId : null),
    async (id) => (id ? tasksOfCustomer(db, id) : []),
  );

  /** Names of the customers the visible rows show, fetched as rows come into view. */
  const customerNames = signal<ReadonlyMap<Id, string>>(new Map());
  const asked = new Set<Id>();

  const ctx = () => ({ actorId: agentId, now: now().toISOString() });
  // Indexing runs behind the write; a failure only delays search, which retries on the next write.
  const afterWrite = () => {
    import('../db/search-indexer')
      .then(({ catchUpSearchIndex }) => catchUpSearchIndex(db))
      .catch((error: unknown) => console.warn('[wrapup] search indexing deferred:', error));
  };

  return {
    agentId,
    online,
    softphones: softphones.softphones,
    allowSoftphone: softphones.allow,
    pageTask,
    drafts,
    filter,
    sort,
    kind,
    query,
    route,
    user,
    userKnown,
    settings: settings.value,
    definitions: definitions.value,
    codes: codes.value,
    list: list.value,
    listError: list.error,
    customerMatches: customerMatches.value,
    toLog: toLog.value,
    openTaskId,
    openTask,
    history: history.value,
    clones: clones.value,
    parent: parent.value,
    customer: customer.value,
    callerCandidates: callerCandidates.value,
    customersWithNumber,
    customerTasks: customerTasks.value,
    /** The first screen is on show: load the rest of the list, the queue and the settings. */
    screenShown() {
      started.value = true;
      markShown();
    },
    /** Resolves once the first screen is on show; for work the entrypoint defers until then. */
    firstScreenShown,
    /** Whether the agent may do `action` (on `task`): the UI offers only what is allowed (R24). */
    can(action: TaskAction, task?: Task): boolean {
      const current = user.value;
      return current !== null && can(current, action, task);
    },
    open(id: Id) {
      const current = route.value;
      if (current.screen === 'task' && current.taskId === id) return;
      // A saved new task replaces its form: Back goes where the form was opened from.
      if (current.screen === 'new') route.value = { screen: 'task', taskId: id };
      else go({ screen: 'task', taskId: id });
    },
    /** Back to the screen before this one. */
    close() {
      route.value = backStack.pop() ?? { screen: 'list' };
    },
    /** Back past every task screen, to the list or customer the agent came from. */
    closeTasks() {
      let back = backStack.pop();
      while (back && (back.screen === 'task' || back.screen === 'new')) back = backStack.pop();
      route.value = back ?? { screen: 'list' };
    },
    /** A new task by hand (R9); from a customer's record it is that customer's (R10). */
    newTask(customerId: Id | null = null, extras: NewTaskExtras = {}) {
      go({ screen: 'new', customerId, ...extras });
    },
    /** Snoozes the task's reminder (R11); the background moves it and records it in history. */
    async snoozeReminder(taskId: Id, minutes: SnoozeChoiceMinutes): Promise<string | null> {
      if (!reminders) throw new Error('reminders are not available here');
      return reminders.snooze(taskId, minutes);
    },
    canSnooze: reminders !== undefined,
    /** The calls that are due now: the list, on the overdue filter. */
    showDueCalls() {
      query.value = '';
      filter.value = 'overdue';
      backStack.length = 0;
      route.value = { screen: 'list' };
    },
    openCustomer(id: Id) {
      go({ screen: 'customer', customerId: id });
    },
    /**
     * Saves the agent's edits; throws ValidationError with per-field messages on bad input. The
     * store refuses what the agent may not do (PermissionError, R24); the UI does not offer it.
     */
    async save(id: Id, changes: TaskChanges): Promise<Task> {
      const saved = await (await commands()).saveTaskEdit(db, id, changes, ctx());
      afterWrite();
      return saved;
    },
    async create(draft: TaskDraft): Promise<Task> {
      const task = await (await commands()).saveNewTask(db, draft, ctx());
      afterWrite();
      justCreated.value = task.id;
      return task;
    },
    /** Clones a task (R12) and opens the clone. */
    async clone(id: Id): Promise<Task> {
      const clone = await (await commands()).saveClone(db, id, ctx());
      afterWrite();
      go({ screen: 'task', taskId: clone.id });
      return clone;
    },
    /** Throws ConfirmationRequiredError for a parent with clones until `confirmed` (R17). */
    async remove(id: Id, confirmed = false): Promise<void> {
      await (await commands()).saveDelete(db, id, ctx(), { confirmed });
      afterWrite();
    },
    /** Creates a customer from the picker (R4); throws ValidationError keyed by its fields. */
    async createCustomer(input: NewCustomerInput): Promise<Customer> {
      const { saveNewCustomer } = await import('../db/customer-commands');
      try {
        const created = await saveNewCustomer(db, customerDraftFrom(input), ctx());
        customerNames.value = new Map(customerNames.value).set(created.id, created.name);
        return created;
      } catch (error) {
        throw error instanceof ValidationError ? issuesForCustomerForm(error) : error;
      }
    },
    /** Saves a customer's details; throws ValidationError keyed by the edit form's fields. */
    async saveCustomer(id: Id, input: CustomerEditInput): Promise<Customer> {
      const { saveCustomerEdit } = await import('../db/customer-commands');
      try {
        const saved = await saveCustomerEdit(db, id, customerChangesFrom(input), ctx());
        customerNames.value = new Map(customerNames.value).set(saved.id, saved.name);
        return saved;
      } catch (error) {
        throw error instanceof ValidationError ? issuesForCustomerEdit(error) : error;
      }
    },
    async searchCustomers(text: string): Promise<Customer[]> {
      const { searchCustomers } = await import('../db/queries/search-customers');
      return searchCustomers(db, text, 8);
    },
    customerNames,
    justCreated,
    /** A user's name as this device knows it (for "changed by"), or null. */
    /**
     * The agent's own reminder lead (options page, "My settings"), which a new task starts with;
     * null when they keep the contact center's default.
     */
    async preferredReminderLead(): Promise<number | null> {
      const { loadAgentPreferences } = await import('../preferences/agent-preferences');
      return (await loadAgentPreferences()).reminderLeadMinutes;
    },
    async userName(id: Id): Promise<string | null> {
      return (await db.users.get(id))?.name ?? null;
    },
    /** Fetches the names of these customers once each, for the rows on screen. */
    async loadCustomerNames(ids: readonly Id[]): Promise<void> {
      const missing = [...new Set(ids)].filter((id) => !asked.has(id));
      if (missing.length === 0) return;
      for (const id of missing) asked.add(id);
      const found = await db.customers.bulkGet(missing);
      const next = new Map(customerNames.value);
      for (const entry of found) if (entry) next.set(entry.id, entry.name);
      customerNames.value = next;
    },
    dispose() {
      for (const query of [
        storedUser,
        settings,
        definitions,
        codes,
        list,
        customerMatches,
        toLog,
        openTaskQuery,
        history,
        clones,
        parent,
        customer,
        callerCandidates,
        customerTasks,
      ]) {
        query.dispose();
      }
      stopFirstPage();
      softphones.dispose();
      pageTask.dispose();
    },
  };
}

export type AppState = ReturnType<typeof createAppState>;
