"""Loaded by the test servers (PYTHONPATH): writes every connection attempt and name lookup to the
file named by TRIAGE_TEST_CONNECT_LOG, marking any that is not to this machine OUTBOUND.
It only records; it blocks nothing, so the servers behave as they would in production."""

import os
import socket

_LOG = os.environ.get("TRIAGE_TEST_CONNECT_LOG")
_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "::1", "0.0.0.0", "::", ""}


def _is_local(host) -> bool:
    if host is None:
        return True
    host = host.decode() if isinstance(host, bytes) else str(host)
    return host in _LOCAL_NAMES or host.startswith("127.") or host.startswith("::ffff:127.")


def _note(kind: str, host, port) -> None:
    try:
        with open(_LOG, "a") as out:
            out.write(f"{'local' if _is_local(host) else 'OUTBOUND'} {kind} {host} {port} pid={os.getpid()}\n")
    except OSError:
        pass


if _LOG:
    _connect, _connect_ex, _getaddrinfo = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo

    def connect(self, address):
        if isinstance(address, tuple):
            _note("connect", address[0], address[1])
        return _connect(self, address)

    def connect_ex(self, address):
        if isinstance(address, tuple):
            _note("connect", address[0], address[1])
        return _connect_ex(self, address)

    def getaddrinfo(host, port, *args, **kwargs):
        _note("lookup", host, port)
        return _getaddrinfo(host, port, *args, **kwargs)

    socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = connect, connect_ex, getaddrinfo
