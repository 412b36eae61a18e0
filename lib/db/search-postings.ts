import { TASK_STATUSES, type TaskStatus } from '../domain/task-kind';
import type { WrapupDb } from './database';
import { searchTerm, updatedMsOfRank } from './task-words-row';

/** Past every rank: a posting list read to its end knows all its ranks up to here. */
const END = '\uffff';
const FIRST_READ = 64;
const MIN_CHECK_BATCH = 16;
/** Below this share of candidates passing, batches stop growing: a few round trips more is fine. */
const MIN_PASS_RATE = 0.05;
/** Each round reads at least twice and at most this many times what a list had. */
const MAX_GROWTH = 8;
/** Read a little past the estimate, so a round seldom falls just short. */
const MARGIN = 1.25;

function earliest(ranks: string[]): string {
  return ranks.sort()[0] ?? END;
}

/**
 * The postings of one exact index key (a word in one status) in rank order, read from the
 * newest. IndexedDB cannot resume an index read at a primary key, so reading further re-reads
 * from the start with a larger count.
 */
class PostingList {
  ranks: string[] = [];
  private exhausted = false;

  constructor(
    private readonly db: WrapupDb,
    private readonly key: string,
  ) {}

  /** Every posting up to this rank has been read. */
  get frontier(): string {
    return this.exhausted ? END : (this.ranks.at(-1) ?? '');
  }

  async read(count: number): Promise<void> {
    this.ranks = await this.db.taskWords.where('terms').equals(this.key).limit(count).primaryKeys();
    this.exhausted = this.ranks.length < count;
  }

  /**
   * Reads far enough to cover the history back to `targetMs`, guessing the count from how densely
   * the postings read so far cover their span of time.
   */
  async readBackTo(targetMs: number, nowMs: number): Promise<void> {
    const frontier = this.frontier;
    if (frontier === END || updatedMsOfRank(frontier) <= targetMs) return;
    const covered = Math.max(1, nowMs - updatedMsOfRank(frontier));
    const wanted = (this.ranks.length * (nowMs - targetMs) * MARGIN) / covered;
    const count = Math.min(this.ranks.length * MAX_GROWTH, Math.max(this.ranks.length * 2, wanted));
    await this.read(Math.ceil(count));
  }
}

/** A query word: the merged postings of every indexed word it starts, in the wanted statuses. */
export class WordPostings {
  private known: Set<string> | null = null;

  private constructor(
    readonly word: string,
    private readonly lists: PostingList[],
  ) {}

  /**
   * The postings of a query word, or null when it starts more than `maxKeys` (word, status) keys
   * (a one-letter or digit prefix): merging that many lists would cost more than checking the
   * word on each candidate. The words come from the indexed-word list in one key read.
   */
  static async open(
    db: WrapupDb,
    word: string,
    statuses: readonly TaskStatus[] | undefined,
    maxKeys: number,
  ): Promise<WordPostings | null> {
    const wantedStatuses = statuses ?? TASK_STATUSES;
    const maxWords = Math.floor(maxKeys / Math.max(1, wantedStatuses.length));
    const words = await db.indexedWords
      .where('word')
      .startsWith(word)
      .limit(maxWords + 1)
      .primaryKeys();
    if (words.length > maxWords) return null;
    const keys = words.flatMap((each) => wantedStatuses.map((status) => searchTerm(each, status)));
    const postings = new WordPostings(
      word,
      keys.map((key) => new PostingList(db, key)),
    );
    await Promise.all(postings.lists.map((list) => list.read(FIRST_READ)));
    return postings;
  }

  get frontier(): string {
    return earliest(this.lists.map((list) => list.frontier));
  }

  /** The ranks known to hold this word: all of them up to the frontier, some beyond. */
  get ranks(): Set<string> {
    this.known ??= new Set(this.lists.flatMap((list) => list.ranks));
    return this.known;
  }

  /** How many postings were read per millisecond of history covered: lower is rarer. */
  density(nowMs: number): number {
    const frontier = this.frontier;
    const reach = frontier === END ? 0 : updatedMsOfRank(frontier);
    return this.ranks.size / Math.max(1, nowMs - reach);
  }

  get isComplete(): boolean {
    return this.frontier === END;
  }

  /** Reads every posting unless there are more than `max`; true when it read them all. */
  async readAll(max: number, nowMs: number): Promise<boolean> {
    while (!this.isComplete && this.ranks.size <= max) {
      await this.readBackTo(Number.NEGATIVE_INFINITY, nowMs);
    }
    return this.isComplete;
  }

  /** Reads every list that has not yet reached back to `targetMs`, all at once. */
  async readBackTo(targetMs: number, nowMs: number): Promise<void> {
    await Promise.all(this.lists.map((list) => list.readBackTo(targetMs, nowMs)));
    this.known = null;
  }
}

/**
 * How far back in time the next round should read: past what was decided by as much again as
 * the matches found so far suggest the page still needs (four times as far when none were found).
 */
function nextTarget(decidedMs: number, nowMs: number, found: number, wanted: number): number {
  const span = Math.max(1, nowMs - decidedMs);
  const needed = found === 0 ? span * 4 : span + ((wanted - found) * span) / found;
  return nowMs - needed * MARGIN;
}

/**
 * Ranks found in every word's postings, in rank order, handed to `accept` in batches until it
 * has accepted `wanted` of them or the postings end. Only ranks up to the lowest frontier are
 * decided each round, so nothing later can come before what was accepted: the result is exactly
 * the first matches in rank order. Each round reads every word back to one point in time, in
 * parallel, so a search takes a few round trips to the database rather than one per list.
 */
export async function intersectPostings(
  words: readonly WordPostings[],
  accept: (ranks: string[]) => Promise<string[]>,
  wanted: number,
  nowMs: number,
): Promise<string[]> {
  const accepted: string[] = [];
  let checked = 0;
  let decidedUpTo = '';
  for (;;) {
    const frontier = earliest(words.map((word) => word.frontier));
    const [lead, ...others] = [...words].sort((a, b) => a.ranks.size - b.ranks.size);
    if (!lead) return accepted;
    const fresh = [...lead.ranks]
      .filter(
        (rank) =>
          rank > decidedUpTo && rank <= frontier && others.every((word) => word.ranks.has(rank)),
      )
      .sort();
    decidedUpTo = frontier;
    // Checking a candidate may mean reading its row: check about as many as the page still needs
    // at the rate candidates have passed so far, in as few round trips as that allows.
    for (let start = 0; start < fresh.length && accepted.length < wanted; ) {
      const passRate = checked === 0 ? 0.5 : Math.max(MIN_PASS_RATE, accepted.length / checked);
      const size = Math.max(
        MIN_CHECK_BATCH,
        Math.ceil(((wanted - accepted.length) / passRate) * MARGIN),
      );
      const batch = fresh.slice(start, start + size);
      accepted.push(...(await accept(batch)));
      checked += batch.length;
      start += size;
    }
    const leadIsDone = lead.frontier === END && [...lead.ranks].every((rank) => rank <= frontier);
    if (accepted.length >= wanted || frontier === END || leadIsDone) return accepted;
    const target = nextTarget(updatedMsOfRank(frontier), nowMs, accepted.length, wanted);
    await Promise.all(words.map((word) => word.readBackTo(target, nowMs)));
  }
}
