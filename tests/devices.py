"""A student's device as the tests play one: a WebSocket to Byline's server, and every
message it has received, in order."""
import json

from websockets.sync.client import connect

WAIT = 30.0     # seconds: only ever reached when something is broken


class Device:
    def __init__(self, server, **kw):
        """server: anything with the address students type (a Server or a Host)."""
        kw.setdefault("origin", server.address)
        # legacy=True: a plain connection, closed when the server stops (as a phone's is).
        self.socket = connect(server.address.replace("http", "ws", 1) + "/ws", proxy=None,
                              open_timeout=WAIT, legacy=True, **kw)
        self.seen: list[dict] = []
        self.raw: list[str] = []

    def send(self, kind, **fields):
        self.socket.send(json.dumps({"v": 1, "type": kind, **fields}))

    def recv(self, timeout: float = WAIT) -> dict:
        text = self.socket.recv(timeout=timeout)
        self.raw.append(text)
        self.seen.append(json.loads(text))
        return self.seen[-1]

    def until(self, kind, timeout: float = WAIT) -> dict:
        """Reads on until a message of this type arrives."""
        while True:
            message = self.recv(timeout)
            if message["type"] == kind:
                return message

    def join(self, name, code="ACDEF"):
        self.send("join", code=code, name=name)
        joined = self.recv()
        assert joined["type"] == "joined", joined
        self.token = joined["token"]
        return self.recv()

    def close(self):
        self.socket.close()


def strings(value):
    """Every string in a message, keys and values, however deep."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
