"""Byline's small web server for a class on their devices (issue 14): the student page's few
static files and the sockets, on one port, on an asyncio loop of its own in a daemon thread.
It only carries messages (game.net.bridge): the room lives on the game's thread.

A socket is accepted only from a page this server served: the Origin must be this server's
own address and so must the Host header, so a web page elsewhere, or a name made to point
at this machine (DNS rebinding), cannot reach the game."""
import asyncio
import mimetypes
import threading
from http import HTTPStatus
from pathlib import Path

from websockets.asyncio.server import serve
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosed
from websockets.frames import CloseCode
from websockets.http11 import Response

from game.net.bridge import OUTBOX, Bridge, Client
from game.net.protocol import MAX_BYTES

STATIC = Path(__file__).parent / "static"
SOCKET_PATH = "/ws"
# Past this the library closes the socket unread (1009); between MAX_BYTES and this a
# message is read, refused and counted, and the device stays connected.
MAX_SIZE = 4 * MAX_BYTES
_HEADERS = [
    ("Cache-Control", "no-cache"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    # Nothing from elsewhere: no CDN, no inline script, sockets only back to this server.
    ("Content-Security-Policy", "default-src 'self'; connect-src 'self'; "
                                "frame-ancestors 'none'"),
]


class Server:
    def __init__(self, bridge: Bridge, host: str = "127.0.0.1", port: int = 0,
                 static: Path = STATIC):
        self.bridge, self.host, self.port = bridge, host, port
        # Every file of static/ by its exact name, read at start: no path from a request
        # ever reaches the file system.
        self._files = {"/" + p.name: p for p in static.iterdir()
                       if p.is_file() and not p.name.startswith(".")}
        self._files["/"] = static / "index.html"
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._error: OSError | None = None
        self._stopping: asyncio.Event | None = None

    @property
    def address(self) -> str:
        """What a student types (and the only Origin a socket is accepted from)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def start(self, timeout: float = 10.0) -> None:
        self._thread = threading.Thread(target=asyncio.run, args=(self._main(),),
                                        name="byline-net", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise RuntimeError("the network's thread did not start")
        if self._error is not None:
            raise self._error

    def stop(self, timeout: float = 10.0) -> None:
        loop = self.bridge.loop
        if loop is not None and not loop.is_closed() and self._stopping is not None:
            loop.call_soon_threadsafe(self._stopping.set)
        if self._thread is not None:
            self._thread.join(timeout)

    async def _main(self) -> None:
        self._stopping = asyncio.Event()
        try:
            server = await serve(self._connection, self.host, self.port,
                                 process_request=self._request, max_size=MAX_SIZE,
                                 compression=None, server_header=None)
        except OSError as error:    # the port is taken, or the address is not this machine's
            self._error = error
            self._ready.set()
            return
        async with server:
            self.port = server.sockets[0].getsockname()[1]
            self.bridge.loop = asyncio.get_running_loop()
            self._ready.set()
            await self._stopping.wait()

    # -- the handshake, and the static files --
    def _request(self, connection, request) -> Response | None:
        host_ok = request.headers.get_all("Host") == [self.address.removeprefix("http://")]
        if request.headers.get("Upgrade", "").lower() != "websocket":
            path = request.path.split("?", 1)[0]
            if not host_ok:
                return connection.respond(HTTPStatus.FORBIDDEN, "Wrong host.\n")
            if path not in self._files:
                return connection.respond(HTTPStatus.NOT_FOUND, "Not found.\n")
            return self._file(self._files[path])
        if request.path != SOCKET_PATH:
            return connection.respond(HTTPStatus.NOT_FOUND, "Not found.\n")
        if not host_ok or request.headers.get_all("Origin") != [self.address]:
            self.bridge.count("handshake")
            return connection.respond(HTTPStatus.FORBIDDEN, "Not from this game's page.\n")
        return None

    def _file(self, path: Path) -> Response:
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind.endswith("javascript"):
            kind += "; charset=utf-8"
        body = path.read_bytes()
        headers = Headers([("Content-Type", kind), ("Content-Length", str(len(body))),
                           *_HEADERS])
        return Response(HTTPStatus.OK, "OK", headers, body)

    # -- one device --
    async def _connection(self, socket) -> None:
        loop = asyncio.get_running_loop()
        outbox: asyncio.Queue = asyncio.Queue(OUTBOX)
        address = socket.remote_address[0] if socket.remote_address else "?"
        # A device let go is cut off at once: one that far behind would not read a closing
        # handshake either, and its backlog is freed now.
        client = Client(address, outbox, socket.transport.abort)
        writer = loop.create_task(self._write(socket, outbox))
        self.bridge.connected(client)
        try:
            async for raw in socket:
                self.bridge.received(client, raw)
        except ConnectionClosed as closed:
            if closed.sent is not None and closed.sent.code == CloseCode.MESSAGE_TOO_BIG:
                self.bridge.count("too big")
        finally:
            self.bridge.disconnected(client)
            writer.cancel()

    @staticmethod
    async def _write(socket, outbox: asyncio.Queue) -> None:
        # Its own task per device: a phone that reads slowly holds up only its own queue.
        try:
            while True:
                await socket.send(await outbox.get())
        except ConnectionClosed:
            pass
