import type { TaskStatus } from '../domain/task-kind';
import type { SearchTerm, WrapupDb } from './database';
import { splitSearchTerm, updatedMsOfRank } from './task-words-row';

/** Past every rank: a posting list read to its end knows all its ranks up to here. */
const END = '\uffff';
const FIRST_READ = 64;
const MIN_CHECK_BATCH = 16;

function earliest(ranks: string[]): string {
  return ranks.sort()[0] ?? END;
}

/**
 * The postings of one exact index key ([word, status]) in rank order. IndexedDB cannot resume an
 * index read at a primary key, so reading further re-reads with a doubled count: at most twice
 * the keys that were needed.
 */
class PostingList {
  ranks: string[] = [];
  private exhausted = false;

  constructor(
    private readonly db: WrapupDb,
    private readonly key: SearchTerm,
  ) {}

  /** Every posting up to this rank has been read. */
  get frontier(): string {
    return this.exhausted ? END : (this.ranks.at(-1) ?? '');
  }

  async read(): Promise<void> {
    const count = Math.max(FIRST_READ, this.ranks.length * 2);
    this.ranks = await this.db.taskWords.where('terms').equals(this.key).limit(count).primaryKeys();
    this.exhausted = this.ranks.length < count;
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
   * The postings of a query word, or null when it starts more than `maxKeys` distinct
   * (word, status) keys (a one-letter or digit prefix): merging that many lists would cost more
   * than checking the word on each candidate.
   */
  static async open(
    db: WrapupDb,
    word: string,
    statuses: readonly TaskStatus[] | undefined,
    maxKeys: number,
  ): Promise<WordPostings | null> {
    const keys = await db.taskWords
      .where('terms')
      .startsWith(word)
      .limit(maxKeys + 1)
      .uniqueKeys();
    if (keys.length > maxKeys) return null;
    const wanted = keys.filter(
      (key): key is SearchTerm =>
        typeof key === 'string' &&
        (statuses?.some((status) => status === splitSearchTerm(key).status) ?? true),
    );
    const postings = new WordPostings(
      word,
      wanted.map((key) => new PostingList(db, key)),
    );
    await Promise.all(postings.lists.map((list) => list.read()));
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
  async readAll(max: number): Promise<boolean> {
    while (!this.isComplete && this.ranks.size <= max) await this.readMore();
    return this.isComplete;
  }

  /** Reads further in the list that holds the frontier back. */
  async readMore(): Promise<void> {
    const frontier = this.frontier;
    await this.lists.find((list) => list.frontier === frontier)?.read();
    this.known = null;
  }
}

/**
 * Ranks found in every word's postings, in rank order, handed to `accept` in batches until it
 * has accepted `wanted` of them or the postings end. Only ranks up to the lowest frontier are
 * decided each round, so nothing later can come before what was accepted: the result is exactly
 * the first matches in rank order.
 */
export async function intersectPostings(
  words: readonly WordPostings[],
  accept: (ranks: string[]) => Promise<string[]>,
  wanted: number,
): Promise<string[]> {
  const accepted: string[] = [];
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
    // Checking a candidate may mean reading its row: check only as many as the page still needs.
    for (let start = 0; start < fresh.length && accepted.length < wanted; ) {
      const size = Math.max(MIN_CHECK_BATCH, 2 * (wanted - accepted.length));
      accepted.push(...(await accept(fresh.slice(start, start + size))));
      start += size;
    }
    const leadIsDone = lead.frontier === END && [...lead.ranks].every((rank) => rank <= frontier);
    if (accepted.length >= wanted || frontier === END || leadIsDone) return accepted;
    await words.find((word) => word.frontier === frontier)?.readMore();
  }
}
