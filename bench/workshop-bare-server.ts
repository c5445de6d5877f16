/**
 * The baseline of `npm run bench:workshop`: bare Socket.IO doing the least a vote needs. It speaks
 * just enough of the workshop protocol for the same simulated crowd and projector: a vote is
 * counted in memory, acknowledged at once and its count sent straight to the projector. No
 * validation, no room rules, no database, no coalescing: what is left is Socket.IO's own cost.
 *
 * With BRANCHPOINT_REDIS_URL (bench/cluster.ts) it uses Socket.IO's Redis streams adapter, like
 * the real server, and several of it run behind nginx: a room lives in the process its
 * connections reach (created there on first join), so codes carry the process id.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { connectRedis } from '../src/server/redis.ts';

const http = createServer((request, response) => {
  const path = request.url?.split('?')[0] ?? '';
  const ok = ['/api/health', '/healthz', '/readyz'].includes(path);
  response.writeHead(ok ? 200 : 404).end(JSON.stringify({ ok, pid: process.pid }));
});
const redisUrl = process.env.BRANCHPOINT_REDIS_URL;
const redis = redisUrl ? await connectRedis(redisUrl, (line) => console.log(line)) : undefined;
const io = new Server(http, { serveClient: false, ...(redis ? { adapter: redis.adapter } : {}) });
const rooms = new Map<string, { seq: number; voters: Set<string>; round: number }>();
const roomOf = (code: string) => {
  let room = rooms.get(code);
  if (!room) rooms.set(code, (room = { seq: 1, voters: new Set(), round: 0 }));
  return room;
};
let nextRoom = 0;
let nextToken = 0;

io.on('connection', (socket) => {
  socket.on('create', (_request, ack) => {
    const code = `BARE${process.pid}x${nextRoom++}`;
    roomOf(code);
    ack({ ok: true, code, secret: 'bare', joinUrls: [] });
  });
  socket.on('join', (request, ack) => {
    const room = roomOf(request.code);
    void socket.join([request.code, `${request.code}/${request.role}`]);
    socket.data = { code: request.code, token: request.token ?? `t${process.pid}x${nextToken++}` };
    ack({
      ok: true,
      token: socket.data.token,
      view: { role: request.role, seq: room.seq, vote: { round: room.round, phase: 'open', voters: room.voters.size } },
    });
  });
  socket.on('control', (request, ack) => {
    const room = roomOf(socket.data.code);
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
    const room = roomOf(socket.data.code);
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
