/**
 * The baseline of `npm run bench:workshop`: bare Socket.IO doing the least a vote needs. It speaks
 * just enough of the workshop protocol for the same simulated crowd and projector: a vote is
 * counted in memory, acknowledged at once and its count sent straight to the projector. No
 * validation, no room rules, no database, no coalescing: what is left is Socket.IO's own cost.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer((request, response) => {
  response.writeHead(request.url === '/api/health' ? 200 : 404).end('{"ok":true}');
});
const io = new Server(http, { serveClient: false });
const rooms = new Map<string, { seq: number; voters: Set<string>; round: number }>();
let nextRoom = 0;
let nextToken = 0;

io.on('connection', (socket) => {
  socket.on('create', (_request, ack) => {
    const code = `BARE${String(nextRoom++).padStart(2, '0')}`;
    rooms.set(code, { seq: 1, voters: new Set(), round: 0 });
    ack({ ok: true, code, secret: 'bare', joinUrls: [] });
  });
  socket.on('join', (request, ack) => {
    const room = rooms.get(request.code)!;
    void socket.join([request.code, `${request.code}/${request.role}`]);
    socket.data = { code: request.code, token: request.token ?? `t${nextToken++}` };
    ack({
      ok: true,
      token: socket.data.token,
      view: { role: request.role, seq: room.seq, vote: { round: room.round, phase: 'open', voters: room.voters.size } },
    });
  });
  socket.on('control', (request, ack) => {
    const room = rooms.get(socket.data.code)!;
    if (request.intent.type === 'open') {
      room.round++;
      room.voters.clear();
      io.to(`${socket.data.code}/participant`).emit('view', {
        seq: ++room.seq,
        vote: { round: room.round, phase: 'open', voters: 0 },
      });
    }
    ack({ ok: true, seq: room.seq });
  });
  socket.on('vote', (_request, ack) => {
    const room = rooms.get(socket.data.code)!;
    room.voters.add(socket.data.token);
    const seq = ++room.seq;
    ack({ ok: true, seq, vote: { option: _request.option } });
    io.to(`${socket.data.code}/presenter`).emit('tally', {
      code: socket.data.code,
      round: room.round,
      seq,
      voters: room.voters.size,
      participants: 0,
    });
  });
});

http.listen(Number(process.env.PORT), '127.0.0.1');
