import type { Customer } from '../../lib/domain/customer';
import type { Task } from '../../lib/domain/task';
import type { TaskKind, TaskStatus } from '../../lib/domain/task-kind';
import {
  COMPANIES,
  FIRST_NAMES,
  LAST_NAMES,
  NOTE_WORDS,
  PRODUCTS,
  TRANSACTION_CODES,
} from './word-lists';

const DAY = 86_400_000;

/** mulberry32: small, fast and the same sequence on every machine for one seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A UUIDv7 for a given time, its random bits drawn from `random`. */
function uuidV7(ms: number, random: () => number): string {
  const hex = (digits: number) =>
    Array.from({ length: digits }, () => Math.floor(random() * 16).toString(16)).join('');
  const time = ms.toString(16).padStart(12, '0');
  const variant = (8 + Math.floor(random() * 4)).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

/** Draws list items with Zipf weights (the first most often). */
function zipf<T>(items: readonly T[], exponent: number): (random: () => number) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 0; rank < items.length; rank++) {
    total += 1 / (rank + 1) ** exponent;
    cumulative.push(total);
  }
  return (random) => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }
    return items[low] as T;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

function weighted<T extends string>(weights: Record<T, number>, random: () => number): T {
  let target = random() * Object.values<number>(weights).reduce((sum, weight) => sum + weight, 0);
  for (const [item, weight] of Object.entries<number>(weights)) {
    target -= weight;
    if (target <= 0) return item as T;
  }
  return Object.keys(weights)[0] as T;
}

const noteWord = zipf(NOTE_WORDS, 1);

function sentence(words: number, random: () => number): string {
  return Array.from({ length: words }, () => noteWord(random)).join(' ');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function phoneNumber(random: () => number): string {
  const area = 200 + Math.floor(random() * 800);
  const line = Math.floor(random() * 10_000)
    .toString()
    .padStart(4, '0');
  return `+1${area}555${line}`;
}

export interface BenchWorld {
  now: number;
  agentIds: string[];
  customers: Customer[];
  taskCount: number;
}

/** The agents and customers the generated tasks belong to, anchored on `now`. */
export function generateWorld(options: {
  seed: number;
  now: number;
  agents: number;
  customers: number;
  tasks: number;
}): BenchWorld {
  const random = seededRandom(options.seed);
  const agentIds = Array.from({ length: options.agents }, () => uuidV7(options.now, random));
  const customers = Array.from({ length: options.customers }, (_, index): Customer => {
    const created = new Date(options.now - 400 * DAY + index * 1000).toISOString();
    const first = capitalize(pick(FIRST_NAMES, random));
    const last = capitalize(pick(LAST_NAMES, random));
    return {
      id: uuidV7(Date.parse(created), random),
      name: `${first} ${last}`,
      phones: [phoneNumber(random)],
      emails: [
        `${first}.${last}@example.com`.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, ''),
      ],
      company: random() < 0.3 ? `${capitalize(pick(COMPANIES, random))} Ltd` : null,
      externalIds: [`C-${10_000 + index}`],
      notes: '',
      createdAt: created,
      updatedAt: created,
      version: 1,
      deletedAt: null,
    };
  });
  return { now: options.now, agentIds, customers, taskCount: options.tasks };
}

/**
 * Tasks `from`…`to` of the world, the same on every run: call logs mostly, a quarter with a due
 * date, some scheduled callbacks, ~25 words of subject and notes each, created over 120 days.
 */
export function generateTasks(world: BenchWorld, from: number, to: number): Task[] {
  const tasks: Task[] = [];
  for (let index = from; index < to; index++) {
    const random = seededRandom(index * 7919 + 17);
    const created = world.now - Math.floor(random() * 120 * DAY);
    // Changed up to five days after creation, and never after `now`.
    const updated = created + Math.floor(random() * Math.min(5 * DAY, world.now - created));
    const kind = weighted<TaskKind>(
      { call: 60, email: 12, meeting: 5, chat: 10, voicemail: 5, web_callback: 4, other: 4 },
      random,
    );
    const status = weighted<TaskStatus>(
      { completed: 60, open: 25, in_progress: 10, cancelled: 5 },
      random,
    );
    const customer =
      random() < 0.85
        ? world.customers[Math.floor(world.customers.length * random() ** 1.5)]
        : undefined;
    const voice = kind === 'call' || kind === 'voicemail' || kind === 'web_callback';
    const due = random() < 0.25 ? created + Math.floor(random() * 14 * DAY) : null;
    const scheduled = random() < 0.1 ? world.now + Math.floor((random() * 14 - 7) * DAY) : null;
    const codes = Array.from({ length: Math.floor(random() * 3) }, () =>
      pick(TRANSACTION_CODES, random),
    );
    const fields: Task['fields'] = {};
    if (random() < 0.3) fields.order_ref = `ORD-${100_000 + Math.floor(random() * 900_000)}`;
    if (random() < 0.5) fields.product = `${capitalize(pick(PRODUCTS, random))} plan`;
    const iso = (ms: number) => new Date(ms).toISOString();
    tasks.push({
      id: uuidV7(created, random),
      number: index + 1,
      kind,
      origin: voice ? 'system' : 'manual',
      subject: capitalize(sentence(4 + Math.floor(random() * 4), random)),
      notes: `${capitalize(sentence(15 + Math.floor(random() * 10), random))}.`,
      status,
      customerId: customer?.id ?? null,
      assigneeId: pick(world.agentIds, random),
      transactionId: voice ? `TX-${created.toString(36)}-${index}` : null,
      transactionCodes: [...new Set(codes)],
      call: voice
        ? {
            number: customer?.phones[0] ?? phoneNumber(random),
            callerName: customer?.name ?? null,
            direction: random() < 0.7 ? 'inbound' : 'outbound',
            queue: 'Support',
            campaign: null,
            startedAt: iso(created),
            connectedAt: iso(created + 5_000),
            endedAt: iso(created + 185_000),
            durationSeconds: 180,
          }
        : null,
      dueAt: due === null ? null : iso(due),
      scheduledAt: scheduled === null ? null : iso(scheduled),
      reminderLeadMinutes: null,
      remindAt: scheduled === null ? null : iso(scheduled - 5 * 60_000),
      fields,
      parentId: null,
      parentNumber: null,
      reference: null,
      createdAt: iso(created),
      updatedAt: iso(updated),
      createdBy: pick(world.agentIds, random),
      updatedBy: pick(world.agentIds, random),
      version: 1,
      deletedAt: null,
      loggedAt: null,
      loggedBy: null,
    });
  }
  return tasks;
}
