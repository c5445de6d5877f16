/**
 * The offline presenter mode's room: the same room rules (decide, evolve), views and record as the
 * server, run in the facilitator's browser for a room without a network. Hand counts stand in for
 * phones. Its events are kept in localStorage, so a reload (or a laptop that went to sleep) goes on
 * where the room was; a damaged log is set aside, never used half-way.
 */
import { z } from 'zod';
import type { ScenarioBundle } from '../../scenario/validate.ts';
import { newRoomCode } from '../../workshop/codes.ts';
import { RoomEvent } from '../../workshop/events.ts';
import type { Ack, ControlIntent, FacilitatorView, RecordAck, RecordFormat } from '../../workshop/protocol.ts';
import { recordFile } from '../../workshop/record.ts';
import {
  decideControl,
  evolve,
  rebuildRoom,
  roomScenario,
  startRoom,
  type RoomScenario,
  type RoomState,
} from '../../workshop/room.ts';
import { facilitatorView } from '../../workshop/views.ts';
import type { RoomLine } from './room-line.ts';

const eventsKey = (scenario: string) => `branchpoint:workshop:offline:${scenario}`;
const EventLog = z.array(RoomEvent).min(1);

export class LocalRoom implements RoomLine {
  private readonly scenario: RoomScenario;
  private state: RoomState;
  private events: RoomEvent[];
  /** Why a kept session could not be used, for the screen to say once. */
  readonly problem: string | undefined;

  constructor(
    bundle: ScenarioBundle,
    private readonly onView: (view: FacilitatorView) => void,
  ) {
    this.scenario = roomScenario(bundle);
    const kept = this.load();
    this.problem = kept.problem;
    this.events = kept.events ?? [this.created()];
    this.state = kept.state ?? startRoom(this.scenario, this.events[0] as Extract<RoomEvent, { type: 'created' }>);
    this.save();
  }

  get id(): string {
    return this.scenario.index.scenario.id;
  }

  view(): FacilitatorView {
    return facilitatorView(this.scenario, this.state, { now: Date.now() });
  }

  control(intent: ControlIntent): Promise<Ack<{ seq: number }>> {
    const decided = decideControl(this.state, intent, Date.now());
    if (!decided.ok) return Promise.resolve({ ok: false, error: decided.error });
    this.apply(decided.value);
    return Promise.resolve({ ok: true, seq: this.state.seq });
  }

  record(format: RecordFormat): Promise<RecordAck> {
    return Promise.resolve({ ok: true, ...recordFile(this.scenario, this.state, format) });
  }

  /** Starts a new session of the same scenario; the old one's record should be downloaded first. */
  restart(): void {
    this.events = [this.created()];
    this.state = startRoom(this.scenario, this.events[0] as Extract<RoomEvent, { type: 'created' }>);
    this.save();
    this.onView(this.view());
  }

  private apply(event: RoomEvent): void {
    this.state = evolve(this.scenario, this.state, event);
    this.events.push(event);
    this.save();
    this.onView(this.view());
  }

  private created(): RoomEvent {
    return { type: 'created', at: Date.now(), code: newRoomCode(), scenarioId: this.id, secretHash: 'offline' };
  }

  private load(): { events?: RoomEvent[]; state?: RoomState; problem?: string } {
    const raw = safely(() => localStorage.getItem(eventsKey(this.id)));
    if (!raw) return {};
    try {
      const events = EventLog.parse(JSON.parse(raw));
      return { events, state: rebuildRoom(this.scenario, events) };
    } catch {
      safely(() => localStorage.setItem(`${eventsKey(this.id)}:unusable:${new Date().toISOString()}`, raw));
      return {
        problem:
          'The offline session kept in this browser could not be read, so a new one has started. The old one has been kept aside.',
      };
    }
  }

  private save(): void {
    safely(() => localStorage.setItem(eventsKey(this.id), JSON.stringify(this.events)));
  }
}

function safely<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}
