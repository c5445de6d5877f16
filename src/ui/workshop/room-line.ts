/** What the facilitator's screen needs of a room, whether it runs on the server or in this browser. */
import type { Ack, ControlIntent, RecordAck, RecordFormat } from '../../workshop/protocol.ts';

export interface RoomLine {
  control(intent: ControlIntent): Promise<Ack<{ seq: number }>>;
  record(format: RecordFormat): Promise<RecordAck>;
}
