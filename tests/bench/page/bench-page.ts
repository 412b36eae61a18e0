import { Dexie, liveQuery } from 'dexie';
import { openWrapupDb, type WrapupDb } from '../../../lib/db/database';
import { myTasks } from '../../../lib/db/queries/my-tasks';
import { searchTasks } from '../../../lib/db/queries/search-tasks';
import { taskById } from '../../../lib/db/queries/task-lookups';
import { tasksOfCustomer } from '../../../lib/db/queries/tasks-of-customer';
import { catchUpSearchIndex, isSearchIndexComplete } from '../../../lib/db/search-indexer';
import { foldText } from '../../../lib/db/search-words';
import { writeOperation } from '../../../lib/db/write-operation';
import type { Task } from '../../../lib/domain/task';
import { generateTasks, generateWorld, seededRandom } from '../generate-tasks';
import type { BenchConfig, BenchReport, QuerySamples } from '../report';

const DB_NAME = 'wrapup-bench';
const LOAD_CHUNK = 2000;

function log(message: string) {
  console.log(`[bench] ${message}`);
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** The baseline: the same task rows read with the bare IndexedDB API, one transaction. */
function rawRead(idb: IDBDatabase, ids: readonly string[]): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const transaction = idb.transaction('tasks', 'readonly');
    const store = transaction.objectStore('tasks');
    for (const id of ids) store.get(id);
    transaction.oncomplete = () => resolve(performance.now() - start);
    transaction.onerror = () => reject(transaction.error);
  });
}

function queryWords(task: Task): string[] {
  return foldText(`${task.subject} ${task.notes}`)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3);
}

/** What a searching agent types: the first three letters or more of a word. */
function typedPrefix(word: string, random: () => number): string {
  return word.slice(0, 3 + Math.floor(random() * (word.length - 2)));
}

async function measure(
  name: string,
  config: BenchConfig,
  idb: IDBDatabase,
  run: (iteration: number) => Promise<Task[]>,
): Promise<QuerySamples> {
  for (let warmup = 0; warmup < config.warmup; warmup++) await run(-1 - warmup);
  const samples: QuerySamples = { name, queryMs: [], rawMs: [], rows: [] };
  for (let iteration = 0; iteration < config.iterations; iteration++) {
    const { ms, value } = await timed(() => run(iteration));
    samples.queryMs.push(ms);
    samples.rows.push(value.length);
    samples.rawMs.push(
      await rawRead(
        idb,
        value.map((task) => task.id),
      ),
    );
  }
  log(`${name}: done`);
  return samples;
}

/** The side panel runs searches inside Dexie live queries; one must work in real Chromium. */
function liveSearchOnce(db: WrapupDb): Promise<void> {
  return new Promise((resolve, reject) => {
    const subscription = liveQuery(() => searchTasks(db, 'refund cus')).subscribe({
      next: () => {
        subscription.unsubscribe();
        resolve();
      },
      error: (error: unknown) => {
        subscription.unsubscribe();
        reject(error);
      },
    });
  });
}

async function load(db: WrapupDb, config: BenchConfig) {
  const world = generateWorld({
    seed: 42,
    now: Date.now(),
    agents: config.agents,
    customers: config.customers,
    tasks: config.tasks,
  });
  const customers = await timed(async () => {
    for (let from = 0; from < world.customers.length; from += LOAD_CHUNK) {
      await writeOperation(db, { customers: world.customers.slice(from, from + LOAD_CHUNK) });
    }
  });
  log(`customers stored in ${customers.ms.toFixed(0)} ms`);
  let storeMs = 0;
  for (let from = 0; from < config.tasks; from += LOAD_CHUNK) {
    const tasks = generateTasks(world, from, Math.min(config.tasks, from + LOAD_CHUNK));
    storeMs += (await timed(() => writeOperation(db, { tasks }))).ms;
    if ((from / LOAD_CHUNK) % 10 === 0) log(`stored ${from + tasks.length} tasks`);
  }
  log(`tasks stored in ${storeMs.toFixed(0)} ms`);
  const agentId = world.agentIds[0] ?? '';
  const firstList = await timed(() => myTasks(db, agentId, { filter: 'open', limit: 50 }));
  const firstTask = firstList.value[0];
  const firstOpen = await timed(() => taskById(db, firstTask?.id ?? ''));
  if (!firstOpen.value) throw new Error('a stored task could not be opened before indexing');
  const earlySearch = await searchTasks(db, 'refund');
  const indexing = await timed(() => catchUpSearchIndex(db, { batchSize: 1000 }));
  log(`search index caught up in ${indexing.ms.toFixed(0)} ms`);
  return {
    world,
    customersMs: customers.ms,
    storeMs,
    indexMs: indexing.ms,
    beforeIndex: {
      listMs: firstList.ms,
      openMs: firstOpen.ms,
      searchSaysIncomplete: !earlySearch.indexComplete,
    },
  };
}

async function runBench(config: BenchConfig): Promise<BenchReport> {
  await Dexie.delete(DB_NAME);
  const db = openWrapupDb(DB_NAME);
  await db.open();
  const idb = db.backendDB();
  const { world, customersMs, storeMs, indexMs, beforeIndex } = await load(db, config);
  if (!(await isSearchIndexComplete(db))) throw new Error('search index did not catch up');
  await liveSearchOnce(db);

  const random = seededRandom(7);
  const sampleTask = () => {
    const index = Math.floor(random() * config.tasks);
    const [task] = generateTasks(world, index, index + 1);
    if (!task) throw new Error('no task to sample');
    return task;
  };
  const results = [
    await measure('one-word search', config, idb, async () => {
      const words = queryWords(sampleTask());
      const term = typedPrefix(words[Math.floor(random() * words.length)] ?? 'call', random);
      return (await searchTasks(db, term)).tasks;
    }),
    await measure('two-word search + status', config, idb, async () => {
      const task = sampleTask();
      const words = [...new Set(queryWords(task))];
      const first = words.splice(Math.floor(random() * words.length), 1)[0] ?? 'call';
      const second = words[Math.floor(random() * words.length)] ?? 'back';
      const query = `${typedPrefix(first, random)} ${typedPrefix(second, random)}`;
      return (await searchTasks(db, query, { statuses: [task.status] })).tasks;
    }),
    await measure('my tasks due today', config, idb, () => {
      const agentId = world.agentIds[Math.floor(random() * world.agentIds.length)] ?? '';
      return myTasks(db, agentId, { filter: 'today', limit: 50 });
    }),
    await measure('tasks of a customer', config, idb, () => {
      const customer = world.customers[Math.floor(random() * world.customers.length)];
      return tasksOfCustomer(db, customer?.id ?? '', { limit: 50 });
    }),
  ];
  db.close();
  await Dexie.delete(DB_NAME);
  return {
    config,
    customersMs,
    storeMs,
    indexMs,
    beforeIndex,
    results,
    userAgent: navigator.userAgent,
  };
}

declare global {
  interface Window {
    runWrapupBench: typeof runBench;
  }
}
window.runWrapupBench = runBench;
