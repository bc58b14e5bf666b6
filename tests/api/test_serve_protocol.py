"""``clearance serve``'s HTTP protocol writes an answer's head and body in one write (one
segment, one wake-up of the client), except where the head must go alone: a ``HEAD`` request
and a request that expects ``100 Continue``."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

pytest.importorskip("httptools")

from uvicorn.config import Config  # noqa: E402
from uvicorn.server import ServerState  # noqa: E402

from clearance.cli.serve_protocol import RecyclingHttpToolsProtocol, _HeadWithBody  # noqa: E402


class FakeTransport(asyncio.Transport):
    def __init__(self) -> None:
        super().__init__()
        self.writes: list[bytes] = []
        self.closed = False

    def write(self, data: bytes | bytearray | memoryview) -> None:
        self.writes.append(bytes(data))

    def close(self) -> None:
        self.closed = True

    def is_closing(self) -> bool:
        return self.closed

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"peername": ("127.0.0.1", 5000), "sockname": ("127.0.0.1", 8000)}.get(name)

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    message = await receive()
    body = b"echo:" + message.get("body", b"")
    headers = [(b"content-type", b"text/plain"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def answer(request: bytes) -> list[bytes]:
    """The writes the protocol made to its transport answering ``request``."""

    async def main() -> list[bytes]:
        config = Config(app=app, http="httptools", lifespan="off", access_log=False)
        config.load()
        protocol = RecyclingHttpToolsProtocol(
            config=config, server_state=ServerState(), app_state={}
        )
        transport = FakeTransport()
        protocol.connection_made(transport)
        protocol.data_received(request)
        for _ in range(100):
            await asyncio.sleep(0)
            if protocol.cycle is not None and protocol.cycle.response_complete:
                break
        return transport.writes

    return asyncio.run(main())


def test_the_head_and_the_body_go_in_one_write() -> None:
    writes = answer(b"POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nhi")
    assert len(writes) == 1
    head, _, body = writes[0].partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200 OK") and body == b"echo:hi"


def test_a_head_request_and_100_continue_get_their_head_alone() -> None:
    writes = answer(b"HEAD /x HTTP/1.1\r\nHost: h\r\n\r\n")
    assert (
        len(writes) == 1
        and writes[0].startswith(b"HTTP/1.1 200")
        and writes[0].endswith(b"\r\n\r\n")
    )
    expect = b"POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n"
    writes = answer(expect)
    assert writes[0] == b"HTTP/1.1 100 Continue\r\n\r\n"


def test_a_held_head_goes_out_when_the_connection_closes() -> None:
    transport = FakeTransport()
    held = _HeadWithBody(transport)
    held.write(b"HTTP/1.1 500 x\r\n\r\n")
    assert transport.writes == []
    held.close()
    assert transport.writes == [b"HTTP/1.1 500 x\r\n\r\n"] and transport.closed
    assert held.is_closing()
