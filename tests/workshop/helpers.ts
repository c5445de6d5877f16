/** A room on the flagship scenario, driven through decide + evolve as the server drives it. */
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

export const FLAGSHIP = 'scenarios/atacms-2024/scenario.yaml';

let flagship: RoomScenario | undefined;
export function flagshipScenario(): RoomScenario {
  if (!flagship) {
    const checked = checkScenario(FLAGSHIP, readBytes(FLAGSHIP), readBeside(FLAGSHIP));
    if (!checked.bundle) throw new Error('The flagship scenario does not validate');
    flagship = roomScenario(checked.bundle);
  }
  return flagship;
}

/** A test room: state plus the events that made it, with a clock that moves a second per event. */
export class TestRoom {
  state: RoomState;
  readonly events: RoomEvent[];
  now = Date.UTC(2026, 2, 5, 9, 0, 0);

  constructor(readonly scenario: RoomScenario = flagshipScenario()) {
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
