"""Refuse to connect to addresses inside the network (SSRF), checked when the socket opens.

A story URL or a feed item is untrusted input: without this, ``http://169.254.169.254/`` or a
redirect to ``http://10.0.0.5/admin`` would make newsweave fetch from inside the network it
runs in. The check sits in the connection itself (an httpcore network backend): the host is
resolved once, every address it resolves to is checked, and the socket is opened to the
address that was checked, so a name that resolves to a public address for the check and to a
private one for the connection (DNS rebinding) cannot slip through. Every connection the client
opens goes through it: each redirect hop, robots.txt, feeds.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import httpcore
import httpx

from newsweave.errors import AddressRefused
from newsweave.options import FetchOptions

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
# (host, port) -> the addresses to try, in order; a name that does not resolve raises OSError.
Resolver = Callable[[str, int], Sequence[str]]
# httpcore's type for socket options (its own alias lives in a private module)
SocketOption = (
    tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]
)
# NAT64 gateways turn 64:ff9b::a.b.c.d into a connection to a.b.c.d
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def system_resolver(host: str, port: int) -> list[str]:
    """The host's addresses as the system resolves them (an IP literal resolves to itself).

    getaddrinfo has no timeout of its own: a hung resolver is bounded only by the system's.
    """
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def refusal(address: IPAddress) -> str | None:
    """Why an address is not public ("loopback", "private", …), or None when it is."""
    if isinstance(address, ipaddress.IPv6Address):
        # ::ffff:127.0.0.1 reaches 127.0.0.1; Python 3.11 does not call it loopback
        mapped = address.ipv4_mapped or address.sixtofour
        if mapped is None and address in _NAT64:
            mapped = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if mapped is not None:
            reason = refusal(mapped)
            return f"{reason} (IPv4 inside IPv6)" if reason else None
    checks = (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
        # shared (carrier-grade NAT), documentation and benchmark ranges, and the like
        ("not public", not address.is_global),
    )
    return next((name for name, hit in checks if hit), None)


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """Which addresses may be connected to: public ones, plus any ``allowed`` network.

    ``allow_private`` lets everything through (a newsroom's intranet, tests on 127.0.0.1).
    """

    allow_private: bool = False
    allowed: tuple[IPNetwork, ...] = ()

    @classmethod
    def of(cls, allow_private: bool, networks: Iterable[str] = ()) -> AddressPolicy:
        return cls(allow_private, tuple(ipaddress.ip_network(n, strict=False) for n in networks))

    def check(self, host: str, address: str) -> None:
        """Raise ``AddressRefused`` unless ``address`` (which ``host`` resolved to) is allowed."""
        if self.allow_private:
            return
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
        reason = refusal(ip)
        if reason is None or any(ip in net for net in self.allowed):
            return
        named = host if _is_literal(host, ip) else f"{host} resolves to {address}, which"
        article = "an" if reason[0] in "aeiou" else "a"
        raise AddressRefused(
            f"refused: {named} is {article} {reason} address; newsweave only fetches public "
            "addresses (--allow-private fetches from inside the network)"
        )


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's socket backend, resolving and checking the host before it connects."""

    def __init__(self, policy: AddressPolicy, resolve: Resolver = system_resolver) -> None:
        self._policy = policy
        self._resolve = resolve
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            addresses = list(self._resolve(host.strip("[]"), port))
        except (OSError, UnicodeError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        if not addresses:
            raise httpcore.ConnectError(f"cannot resolve {host}: no addresses")
        # Every address is checked, not only the first: a name that mixes public and private
        # answers is refused outright.
        for address in addresses:
            self._policy.check(host, address)
        last: Exception | None = None
        for address in addresses:
            try:
                # an IP literal: the socket connects to exactly the address just checked
                return self._inner.connect_tcp(
                    address,
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.NetworkStream:
        raise AddressRefused("refused: unix sockets are never fetched")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport over the guarded backend, ignoring proxy settings from the
    environment (a proxy would connect for us, past the check).

    httpx has no public parameter for the network backend, so the connection pool that
    ``HTTPTransport`` builds is replaced by one built the same way with our backend; the
    tests check that connections really go through it (httpx is pinned).
    """

    def __init__(self, backend: GuardedBackend, limits: httpx.Limits | None = None) -> None:
        limits = limits or httpx.Limits(max_connections=20, max_keepalive_connections=10)
        super().__init__(trust_env=False, limits=limits)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=backend,
        )


def guarded_client(fetch: FetchOptions, resolve: Resolver, user_agent: str) -> httpx.Client:
    """An HTTP client that connects only where ``fetch``'s address policy allows, follows no
    redirect by itself (a caller checks each hop) and takes no proxies or .netrc credentials
    from the environment: what the fetcher and the notifier both open."""
    policy = AddressPolicy.of(fetch.allow_private, fetch.allow_networks)
    return httpx.Client(
        transport=GuardedTransport(GuardedBackend(policy, resolve)),
        timeout=httpx.Timeout(fetch.timeout),
        headers={"User-Agent": fetch.user_agent or user_agent},
        follow_redirects=False,
        trust_env=False,
    )


def _is_literal(host: str, address: IPAddress) -> bool:
    """Whether the URL named the address itself (in any spelling: "::ffff:a9fe:a9fe")."""
    try:
        return ipaddress.ip_address(host.strip("[]")) == address
    except ValueError:
        return False
