/**
 * Holds the live rooms of one server process and makes their changes durable.
 *
 * Every change goes: decide (room.ts) -> evolve in memory -> write to the store -> acknowledge and
 * publish. Writes are grouped: all the events that arrive in one turn of the event loop are
 * written in one transaction (a room's events wait while an earlier batch of that room is being
 * written; other rooms' are written beside it), and nobody hears of an event (no ack, no view)
 * before its transaction has committed. Views are built from `durable`, the state as of the last commit, so
 * no screen ever shows something a crash could take back.
 *
 * Rooms are loaded from the store on first use, so after a restart they continue where the last
 * commit left them.
 *
 * With a store other processes share (PostgreSQL), a copy of a room may be behind the store. The
 * store's `(room, seq)` key catches that at the next write (`DuplicateEventError`): the copy is
 * dropped, read again, and the request decided once more on what is really there. A request
 * refused on a copy is checked the same way, since the refusal may come from a stale copy.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RoomEvent } from '../workshop/events.ts';
import { newParticipantId, newRoomCode, newSecret } from '../workshop/codes.ts';
import type { ControlIntent, RecordFormat } from '../workshop/protocol.ts';
import { recordFile, type RecordFile } from '../workshop/record.ts';
import {
  decideControl,
  decideJoin,
  decideTimeUp,
  decideVote,
  evolve,
  isRemovedToken,
  rebuildRoom,
  startRoom,
  timeUpAt,
  type Refusal,
  type RoomScenario,
  type RoomState,
} from '../workshop/room.ts';
import { err, ok, type Result } from '../lib/result.ts';
import { DuplicateEventError, type StoredEvent, type WorkshopStore } from './store.ts';

export interface LiveRoom {
  code: string;
  scenario: RoomScenario;
  /** Everything decided so far, including events still being written. */
  state: RoomState;
  /** The state as of the last commit: what views show. */
  durable: RoomState;
  byToken: Map<string, string>;
  /** Live connections per participant id (a phone may have two tabs). */
  connections: Map<string, number>;
  /** Sockets of any role in the room, and when the last one left. */
  sockets: number;
  idleSince: number;
}

/** What changed, for whoever pushes updates to the screens. */
export type Change = 'all' | 'votes' | 'people';

interface Pending {
  room: LiveRoom;
  stored: StoredEvent;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Writes of different rooms under way at once (the PostgreSQL store has 10 connections; room loads need some). */
const MAX_WRITES = 4;
/** How many times a decision is taken on a room read again after a collision. */
const REREADS = 4;

const hash = (secret: string) => createHash('sha256').update(secret).digest('base64url');

export class RoomHost {
  private readonly rooms = new Map<string, LiveRoom>();
  private readonly loading = new Map<string, Promise<LiveRoom | undefined>>();
  private pending: Pending[] = [];
  /** Rooms with a write under way: a room's events are written one batch after another, in order. */
  private readonly writing = new Set<LiveRoom>();
  /** Writes under way (of different rooms). */
  private readonly writes = new Set<Promise<void>>();
  private flushScheduled = false;
  /** The clock of each room with a timed vote open: closes the vote when its time runs out. */
  private readonly clocks = new Map<string, { at: number; timer: ReturnType<typeof setTimeout> }>();
  /** Called after each commit, once per room it touched. */
  onChange: (room: LiveRoom, change: Change) => void = () => {};

  constructor(
    private readonly store: WorkshopStore,
    private readonly scenarios: ReadonlyMap<string, RoomScenario>,
    private readonly now: () => number = Date.now,
    private readonly log: (line: string) => void = (line) => console.error(`[workshop] ${line}`),
  ) {}

  get liveRooms(): number {
    return this.rooms.size;
  }

  async create(scenarioId: string): Promise<Result<{ room: LiveRoom; secret: string }, Refusal>> {
    const scenario = this.scenarios.get(scenarioId);
    if (!scenario) return err({ code: 'unknown-scenario', message: `this server has no scenario "${scenarioId}"` });
    for (let attempt = 0; attempt < 10; attempt++) {
      const code = newRoomCode();
      if (this.rooms.has(code) || this.loading.has(code) || (await this.store.load(code))) continue;
      if (this.rooms.has(code)) continue; // taken while the store answered
      const secret = newSecret();
      const created = { type: 'created' as const, at: this.now(), code, scenarioId, secretHash: hash(secret) };
      const state = startRoom(scenario, created);
      const room: LiveRoom = {
        code,
        scenario,
        state,
        durable: state,
        byToken: new Map(),
        connections: new Map(),
        sockets: 0,
        idleSince: this.now(),
      };
      this.rooms.set(code, room);
      try {
        await this.write(room, { room: code, seq: 1, event: created });
      } catch (error) {
        this.rooms.delete(code);
        throw error;
      }
      return ok({ room, secret });
    }
    throw new Error('Could not find a free room code in 10 tries');
  }

  /** The room with this code, loaded from the store if needed; undefined when there is none. */
  async find(code: string): Promise<LiveRoom | undefined> {
    const live = this.rooms.get(code);
    // A copy nobody here is connected to may have fallen behind another process: read it again.
    const stale = live && this.store.shared && live.sockets === 0 && live.state === live.durable;
    if (live && !stale) return live;
    let loading = this.loading.get(code);
    if (!loading) {
      loading = (live ? this.rereadNow(live) : this.load(code)).finally(() => this.loading.delete(code));
      this.loading.set(code, loading);
    }
    return loading;
  }

  private async load(code: string): Promise<LiveRoom | undefined> {
    const events = await this.store.load(code);
    if (!events) return undefined;
    const first = events[0];
    const scenario = first?.type === 'created' ? this.scenarios.get(first.scenarioId) : undefined;
    if (!scenario)
      throw new Error(
        `Room ${code} plays scenario "${first?.type === 'created' ? first.scenarioId : '?'}", which this server does not have`,
      );
    const state = rebuildRoom(scenario, events);
    const byToken = new Map(Object.values(state.participants).map((p) => [p.tokenHash, p.id]));
    const room: LiveRoom = {
      code,
      scenario,
      state,
      durable: state,
      byToken,
      connections: new Map(),
      sockets: 0,
      idleSince: this.now(),
    };
    this.rooms.set(code, room);
    // A timed vote open when the server stopped closes when its time is up (at once if it already is).
    this.watchClock(room);
    return room;
  }

  isFacilitator(room: LiveRoom, secret: string): boolean {
    const given = Buffer.from(hash(secret));
    const expected = Buffer.from(room.state.secretHash);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** Whether `token` is the token of a participant of this room. */
  holdsToken(room: LiveRoom, token: string | undefined): boolean {
    return token !== undefined && room.byToken.has(hash(token));
  }

  /** A participant by their token (coming back), or a new one. */
  async join(
    room: LiveRoom,
    nickname: string,
    token: string | undefined,
  ): Promise<Result<{ participant: string; token: string; seq: number }, Refusal>> {
    return this.decided(room, async (room) => {
      const known = token ? room.byToken.get(hash(token)) : undefined;
      if (known && token) return ok({ participant: known, token, seq: room.state.seq });
      if (token && isRemovedToken(room.state, hash(token)))
        return err({ code: 'removed', message: 'the facilitator removed you from this session' });
      let participant = newParticipantId();
      for (let attempt = 0; attempt < 10 && room.state.participants[participant]; attempt++)
        participant = newParticipantId();
      const fresh = newSecret();
      const decided = decideJoin(room.state, participant, nickname, hash(fresh), this.now());
      if (!decided.ok) return decided;
      const seq = await this.commit(room, decided.value);
      return ok({ participant, token: fresh, seq });
    });
  }

  async vote(
    room: LiveRoom,
    participant: string,
    option: string,
    reason: string | undefined,
  ): Promise<Result<{ seq: number }, Refusal>> {
    return this.decided(room, async (room) => {
      const decided = decideVote(room.state, participant, option, reason, this.now());
      if (!decided.ok) return decided;
      return ok({ seq: await this.commit(room, decided.value) });
    });
  }

  async control(room: LiveRoom, intent: ControlIntent): Promise<Result<{ seq: number }, Refusal>> {
    return this.decided(room, async (room) => {
      const decided = decideControl(room.state, intent, this.now());
      if (!decided.ok) return decided;
      return ok({ seq: await this.commit(room, decided.value) });
    });
  }

  /** The record as of the last commit. */
  record(room: LiveRoom, format: RecordFormat): RecordFile {
    return recordFile(room.scenario, room.durable, format);
  }

  /** Counts a participant's connections; returns true when that changed whether they are here. */
  connected(room: LiveRoom, participant: string, delta: 1 | -1): boolean {
    const before = room.connections.get(participant) ?? 0;
    const after = Math.max(0, before + delta);
    if (after === 0) room.connections.delete(participant);
    else room.connections.set(participant, after);
    return (before === 0) !== (after === 0);
  }

  socketEntered(room: LiveRoom): void {
    room.sockets++;
  }

  socketLeft(room: LiveRoom): void {
    room.sockets = Math.max(0, room.sockets - 1);
    if (room.sockets === 0) room.idleSince = this.now();
  }

  /** Forgets rooms nobody has been connected to for `idleMs` (they load again on demand); returns their codes. */
  unloadIdle(idleMs: number): string[] {
    const waiting = new Set(this.pending.map((p) => p.room));
    const unloaded: string[] = [];
    for (const [code, room] of this.rooms) {
      if (
        room.sockets === 0 &&
        this.now() - room.idleSince > idleMs &&
        !waiting.has(room) &&
        room.state === room.durable &&
        !this.clocks.has(code)
      ) {
        this.rooms.delete(code);
        unloaded.push(code);
      }
    }
    return unloaded;
  }

  /** Stops every vote clock (the server is shutting down; a restart sets them again from the store). */
  stopClocks(): void {
    for (const { timer } of this.clocks.values()) clearTimeout(timer);
    this.clocks.clear();
  }

  /**
   * Sets (or moves, or clears) the room's clock to the end of its open timed vote. The clock is
   * the server's, so a vote closes on time whether or not the facilitator's page is open, and the
   * screens never show "time is up" on a vote that still takes votes.
   */
  private watchClock(room: LiveRoom): void {
    const at = timeUpAt(room.state);
    const set = this.clocks.get(room.code);
    if (set && set.at === at) return;
    if (set) clearTimeout(set.timer);
    this.clocks.delete(room.code);
    if (at === undefined) return;
    const timer = setTimeout(() => void this.timeUp(room.code, at), Math.max(0, at - this.now()));
    timer.unref?.();
    this.clocks.set(room.code, { at, timer });
  }

  private async timeUp(code: string, at: number): Promise<void> {
    if (this.clocks.get(code)?.at === at) this.clocks.delete(code);
    const room = this.rooms.get(code);
    if (!room) return;
    try {
      await this.decided(room, async (room) => {
        const decided = decideTimeUp(room.state, this.now());
        if (!decided.ok) return decided;
        return ok({ seq: await this.commit(room, decided.value) });
      });
    } catch (error) {
      this.log(`could not close the timed vote of room ${code}: ${String(error)}`);
    }
    // Still open (the clock fired a little early, or the write failed): look again.
    const live = this.rooms.get(code);
    if (live) this.watchClock(live);
  }

  /** Waits for every write in progress. */
  async settle(): Promise<void> {
    while (this.pending.length > 0 || this.writes.size > 0) {
      if (this.writes.size > 0) await Promise.all(this.writes);
      else this.flush();
    }
  }

  // -------------------------------------------------------------------------------------------

  /**
   * Runs a decision on the room. With a shared store, when the write collides (another process
   * wrote the room meanwhile) or the decision is a refusal taken on a copy with nothing in
   * flight, the room is read again and the decision taken once more; a few times at most (screens
   * of one room spread over processes while a balancer changes its mind), then the collision is an
   * error for the caller, who may try again.
   */
  private async decided<T>(
    room: LiveRoom,
    decide: (room: LiveRoom) => Promise<Result<T, Refusal>>,
  ): Promise<Result<T, Refusal>> {
    if (!this.store.shared) return decide(room);
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await decide(room);
        if (result.ok || room.state !== room.durable || attempt > 1) return result;
      } catch (error) {
        if (!(error instanceof DuplicateEventError) || attempt >= REREADS) throw error;
      }
      room = await this.reread(room);
    }
  }

  /** The room as the store has it now, in the same object when nobody has loaded another meanwhile. */
  private async reread(room: LiveRoom): Promise<LiveRoom> {
    const loading = this.loading.get(room.code);
    if (loading) return (await loading) ?? room;
    return this.rereadNow(room);
  }

  private async rereadNow(room: LiveRoom): Promise<LiveRoom> {
    const events = await this.store.load(room.code);
    if (!events) throw new Error(`Room ${room.code} is no longer in the store`);
    const current = this.rooms.get(room.code);
    if (current && current !== room) return current;
    const state = rebuildRoom(room.scenario, events);
    room.state = state;
    room.durable = state;
    room.byToken = new Map(Object.values(state.participants).map((p) => [p.tokenHash, p.id]));
    this.rooms.set(room.code, room);
    this.watchClock(room);
    return room;
  }

  private async commit(room: LiveRoom, event: RoomEvent): Promise<number> {
    room.state = evolve(room.scenario, room.state, event);
    if (event.type === 'joined') room.byToken.set(event.tokenHash, event.participant);
    if (event.type === 'removed')
      for (const [tokenHash, participant] of room.byToken)
        if (participant === event.participant) room.byToken.delete(tokenHash);
    const seq = room.state.seq;
    await this.write(room, { room: room.code, seq, event });
    return seq;
  }

  private write(room: LiveRoom, stored: StoredEvent): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ room, stored, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /**
   * Writes the events waiting, in one transaction, except those of rooms with a write under way,
   * which wait for it (and go in the next batch, with whatever else arrived meanwhile). Writes of
   * different rooms run side by side, up to MAX_WRITES: a vote waits for one commit, not for the
   * commit of another room's batch before its own as when all writes went one after another
   * (bench:cluster, docs/performance.md).
   */
  private flush(): void {
    this.flushScheduled = false;
    if (this.writes.size >= MAX_WRITES) return; // the next write to end flushes again
    const batch = this.pending.filter((p) => !this.writing.has(p.room));
    if (batch.length === 0) return;
    this.pending = this.pending.filter((p) => this.writing.has(p.room));
    // States are immutable: keeping a reference is keeping the snapshot this batch makes durable.
    const reached = new Map(batch.map((p) => [p.room, p.room.state]));
    for (const room of reached.keys()) this.writing.add(room);
    const run = this.writeBatch(batch, reached).finally(() => {
      for (const room of reached.keys()) this.writing.delete(room);
      this.writes.delete(run);
      if (this.pending.length > 0) this.flush();
    });
    this.writes.add(run);
  }

  private async writeBatch(batch: Pending[], reached: Map<LiveRoom, RoomState>): Promise<void> {
    try {
      await this.store.append(batch.map((p) => p.stored));
    } catch (error) {
      this.fail(batch, error);
      return;
    }
    for (const [room, state] of reached) room.durable = state;
    for (const p of batch) p.resolve();
    for (const [room] of reached) this.watchClock(room);
    for (const [room] of reached) {
      try {
        this.onChange(room, changeOf(batch.filter((p) => p.room === room).map((p) => p.stored.event)));
      } catch (error) {
        // The events are committed and acknowledged; a screen misses one update and gets the next.
        this.log(`could not publish a change of room ${room.code}: ${(error as Error).stack ?? String(error)}`);
      }
    }
  }

  /**
   * A write failed: its rooms are dropped from memory (they reload from the store, which holds
   * only committed events), and every event of theirs not yet written is refused.
   */
  private fail(batch: Pending[], error: unknown): void {
    const rooms = new Set(batch.map((p) => p.room));
    const later = this.pending.filter((p) => rooms.has(p.room));
    this.pending = this.pending.filter((p) => !rooms.has(p.room));
    for (const room of rooms) if (this.rooms.get(room.code) === room) this.rooms.delete(room.code);
    this.log(
      `could not write ${batch.length} event(s) for room(s) ${[...rooms].map((r) => r.code).join(', ')}: ${String(error)}`,
    );
    for (const p of [...batch, ...later]) p.reject(error);
  }
}

function changeOf(events: RoomEvent[]): Change {
  if (events.some((e) => e.type !== 'voted' && e.type !== 'joined')) return 'all';
  return events.some((e) => e.type === 'joined') ? 'people' : 'votes';
}
