"""URL canonicalization and citation domains.

One page reached by two URLs must be one document, so every URL that becomes a `doc_id` goes
through `canonicalize_url`. Citations name a site by `registered_domain`. Both are pure and
offline: the public suffix list ships inside `publicsuffixlist`.
"""

from __future__ import annotations

import ipaddress
import posixpath
import re
from functools import lru_cache
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

from publicsuffixlist import PublicSuffixList

# Query parameters that only say how a visitor arrived: they never change the page.
TRACKING_PARAMS = frozenset(
    {
        "gclid",
        "gclsrc",
        "dclid",
        "fbclid",
        "msclkid",
        "yclid",
        "igshid",
        "twclid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "ref",
        "ref_src",
        "referrer",
        "sessionid",
        "session_id",
        "jsessionid",
        "phpsessid",
        "aspsessionid",
        "sid",
        "s_cid",
        "cmpid",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")

# Leading labels that name a flavour of a site (desktop, mobile, AMP), not a different site.
ALIAS_LABELS = frozenset({"www", "www1", "www2", "www3", "m", "mobile", "amp"})

DEFAULT_PORTS = {"http": 80, "https": 443}

_PATH_PARAM_SESSION = re.compile(r";(?:jsessionid|phpsessid|sid)=[^/?#]*", re.IGNORECASE)
_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
# RFC 3986 unreserved characters: percent-escaping them changes nothing, so they are decoded.
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


@lru_cache(maxsize=1)
def _psl() -> PublicSuffixList:
    """The parsed suffix list is built once: parsing it costs far more than any lookup."""
    return PublicSuffixList()


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def _normalize_host(host: str, original: str) -> str:
    host = host.strip().rstrip(".").lower()
    if not host:
        raise ValueError(f"no host in {original!r}")
    try:
        host.encode("ascii")
    except UnicodeEncodeError:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError as exc:
            raise ValueError(f"invalid host in {original!r}: {exc}") from None
    return host


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def _host_of(url_or_host: str) -> str:
    text = url_or_host.strip()
    if "://" in text:
        parts = urlsplit(text)
        return _normalize_host(parts.hostname or "", url_or_host)
    if text.startswith("//"):
        return _normalize_host(urlsplit(text).hostname or "", url_or_host)
    host = text.split("/", 1)[0].rsplit("@", 1)[-1]
    if host.startswith("["):
        return _normalize_host(host.split("]", 1)[0] + "]", url_or_host)
    return _normalize_host(host.split(":", 1)[0], url_or_host)


def registrable_domain(url_or_host: str) -> str:
    """The public-suffix registrable domain (``nih.gov`` for ``www.ncbi.nlm.nih.gov``).

    Used to decide whether two URLs belong to the same site (rel=canonical trust). Hosts with no
    registrable part (IP addresses, ``localhost``) are their own domain.
    """
    host = _host_of(url_or_host)
    if _is_ip(host) or "." not in host:
        return host
    return _psl().privatesuffix(host) or host


def registered_domain(url_or_host: str) -> str:
    """The citation domain: the host without leading ``www.``/``m.``/``amp.`` alias labels.

    Rule: lowercase the host, then strip leading labels from ``ALIAS_LABELS`` one at a time,
    but never strip into the registrable domain given by the public suffix list. Other
    subdomains are kept because they identify a site: ``www.ncbi.nlm.nih.gov`` cites as
    ``ncbi.nlm.nih.gov`` (the registrable domain, ``nih.gov``, would lump every NIH institute
    together), ``m.en.wikipedia.org`` as ``en.wikipedia.org``, ``www.bbc.co.uk`` as ``bbc.co.uk``,
    while ``www.co.uk`` stays as it is. Unknown top-level domains such as the test TLD
    ``.example`` count as public suffixes, so ``www.neuro-clinic.example`` cites as
    ``neuro-clinic.example``. IP addresses and single-label hosts are returned unchanged.
    """
    host = _host_of(url_or_host)
    if _is_ip(host) or "." not in host:
        return host
    floor = _psl().privatesuffix(host) or host
    while host != floor and host.endswith("." + floor):
        first, rest = host.split(".", 1)
        if first not in ALIAS_LABELS:
            break
        host = rest
    return host


def _normalize_escapes(component: str) -> str:
    """Uppercase percent-escapes and decode the ones that stand for unreserved characters."""

    def fix(match: re.Match[str]) -> str:
        char = chr(int(match.group(0)[1:], 16))
        return char if char in _UNRESERVED else match.group(0).upper()

    return _PERCENT_ESCAPE.sub(fix, component)


def _normalize_path(path: str) -> str:
    path = _PATH_PARAM_SESSION.sub("", path)
    path = quote(_normalize_escapes(path), safe="/%:@!$&'()*+,;=-._~")
    if not path:
        return "/"
    if "/." in path:
        resolved = posixpath.normpath(path)
        if path.endswith("/") and resolved != "/":
            resolved += "/"
        path = "/" + resolved.lstrip("/")
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"
    return path


def _normalize_query(query: str) -> str:
    pairs = [
        (k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k and not _is_tracking(k)
    ]
    pairs.sort()
    return urlencode(pairs, quote_via=quote, safe="-._~")


def _canonical(url: str) -> str:
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise ValueError(f"not an http(s) URL: {url!r}")
    host = _normalize_host(parts.hostname or "", url)
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        raise ValueError(f"invalid port in {url!r}") from None
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    return urlunsplit(
        (scheme, netloc, _normalize_path(parts.path), _normalize_query(parts.query), "")
    )


def canonicalize_url(url: str, rel_canonical: str | None = None) -> str:
    """The one spelling of a page's URL, used as its document key.

    Lowercases scheme and host, drops userinfo, the fragment, default ports, session path
    parameters and tracking query parameters (``utm_*``, ``gclid``, ``fbclid``, ``mc_cid``,
    ``ref``, session ids ...), sorts the remaining query parameters, resolves ``.``/``..``
    segments, normalizes percent-escapes, and strips a trailing slash except on the root path.

    A ``rel=canonical`` target (absolute or relative to ``url``) replaces the URL only when it
    is http(s) and on the same registrable domain: a page may name its own preferred spelling,
    but it may not claim to be another site's page (syndicated copies stay separate documents).
    Raises ValueError naming the URL when it is not an absolute http(s) URL.
    """
    canonical = _canonical(url)
    if rel_canonical and rel_canonical.strip():
        try:
            target = _canonical(urljoin(canonical, rel_canonical.strip()))
        except ValueError:
            return canonical
        if registrable_domain(target) == registrable_domain(canonical):
            return target
    return canonical
