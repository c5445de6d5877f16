/**
 * The baseline of the assignments figure: bare Socket.IO doing the least a student's submit needs,
 * speaking just enough of the assignments protocol for the same crowd and teacher. Each submit is
 * counted in memory, acknowledged at once and its count sent straight to the teacher. No
 * validation, no database, no report, no coalescing: what is left is Socket.IO's own cost.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer((request, response) => {
  response.writeHead(request.url === '/api/health' ? 200 : 404).end('{"ok":true}');
});
const io = new Server(http, { serveClient: false });
const space = io.of('/assignments');
const counts = new Map<string, { nickname: string; events: number }>();
let next = 0;

space.on('connection', (socket) => {
  socket.on('create', (_request, ack) => ack({ ok: true, code: 'BARE22', secret: 'b'.repeat(22), urls: [] }));
  socket.on('teacher', (request, ack) => {
    void socket.join('teacher');
    ack({ ok: true, report: { students: [] }, urls: [] });
  });
  socket.on('student', (request, ack) => {
    const token = `t${String(next++).padStart(21, '0')}`;
    counts.set(token, { nickname: request.nickname, events: 0 });
    ack({ ok: true, token, acked: 0, path: [], assignment: {} });
  });
  socket.on('submit', (request, ack) => {
    const student = counts.get(request.token)!;
    student.events = Math.max(student.events, ...request.events.map((e: { seq: number }) => e.seq));
    ack({ ok: true, acked: student.events });
    space.to('teacher').emit('progress', { nickname: student.nickname, events: student.events });
  });
});

http.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
