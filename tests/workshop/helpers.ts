/**
 * A room on a small fixture scenario (tests/fixtures/valid/workshop-small), driven through
 * decide + evolve as the server drives it. The tests name its decision points and options, so they
 * do not change when the flagship scenario is rewritten.
 */
import { join } from 'node:path';
import { checkScenario } from '../../src/engine/check.ts';
import { readBeside, readBytes } from '../../src/node/scenario-files.ts';
import type { Result } from '../../src/lib/result.ts';
import type { RoomEvent } from '../../src/workshop/events.ts';
import type { ControlIntent } from '../../src/workshop/protocol.ts';
import {
  decideControl,
  decideJoin,
  decideVote,
  evolve,
  roomScenario,
  startRoom,
  type Refusal,
  type RoomScenario,
  type RoomState,
} from '../../src/workshop/room.ts';

/** The folder of the fixture, and its id: four decision points in a line, three endings. */
// import.meta.dirname, not new URL(): the screen tests load this under happy-dom, whose URL is not Node's.
export const SMALL_FOLDER = join(import.meta.dirname, '../fixtures/valid/workshop-small');
export const SMALL_ID = 'workshop-small';

let small: RoomScenario | undefined;
export function smallScenario(): RoomScenario {
  if (!small) {
    const file = join(SMALL_FOLDER, 'scenario.yaml');
    const checked = checkScenario(file, readBytes(file), readBeside(file));
    if (!checked.bundle) throw new Error(`${file} does not validate`);
    small = roomScenario(checked.bundle);
  }
  return small;
}

/** A test room: state plus the events that made it, with a clock that moves a second per event. */
export class TestRoom {
  state: RoomState;
  readonly events: RoomEvent[];
  now = Date.UTC(2026, 2, 5, 9, 0, 0);

  constructor(readonly scenario: RoomScenario = smallScenario()) {
    const created = {
      type: 'created' as const,
      at: this.now,
      code: 'K7M2QX',
      scenarioId: scenario.index.scenario.id,
      secretHash: 'hash',
    };
    this.state = startRoom(scenario, created);
    this.events = [created];
  }

  private apply(result: Result<RoomEvent, Refusal>): Refusal | undefined {
    this.now += 1000;
    if (!result.ok) return result.error;
    this.events.push(result.value);
    this.state = evolve(this.scenario, this.state, result.value);
    return undefined;
  }

  join(id: string, nickname = id): Refusal | undefined {
    return this.apply(decideJoin(this.state, id, nickname, `token-of-${id}`, this.now));
  }

  vote(id: string, option: string, reason?: string): Refusal | undefined {
    return this.apply(decideVote(this.state, id, option, reason, this.now));
  }

  control(intent: ControlIntent): Refusal | undefined {
    return this.apply(decideControl(this.state, intent, this.now));
  }

  /** Controls that must be accepted; throws with the refusal otherwise. */
  do(...intents: ControlIntent[]): this {
    for (const intent of intents) {
      const refusal = this.control(intent);
      if (refusal) throw new Error(`${intent.type} refused: ${refusal.message}`);
    }
    return this;
  }

  /** Opens a vote, casts one vote per [participant, option], reveals. */
  voteAndReveal(votes: Array<[string, string, string?]>): this {
    this.do({ type: 'open' });
    for (const [id, option, reason] of votes) {
      const refusal = this.vote(id, option, reason);
      if (refusal) throw new Error(`vote refused: ${refusal.message}`);
    }
    return this.do({ type: 'reveal' });
  }
}
