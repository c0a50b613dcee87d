"""Which outlet an article is from: a registry of outlets by domain and name.

A page names its outlet in many ways ("(Reuters) —", "reuters.com", "Thomson Reuters"), and a
reader wants more than the name: the country, the owner, the kind (a wire, a public
broadcaster, a state-affiliated outlet). A small starter list written for newsweave covers
outlets that scraped clusters show again and again; a user's registry (``--outlets FILE``,
CSV or JSON, parsed here, read by the CLI) comes before it and may add or correct entries.

Credits that name people are not outlets: "— KENNETH CHANG" closing an article, "Staff
Writer" are bylines (``names_a_person``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from newsweave.errors import RegistryError
from newsweave.model import OutletInfo

# name | other keys (domains, other names) | country | owner | kind. Owners are left out where
# an outlet is a cooperative, a public body or not one company's.
_STARTER = """
Reuters|reuters.com;Thomson Reuters|UK|Thomson Reuters|wire
Associated Press|apnews.com;ap.org;AP|US||wire
Agence France-Presse|afp.com;AFP|France||wire
BBC|bbc.co.uk;bbc.com;BBC News|UK||public broadcaster
NPR|npr.org|US||public broadcaster
PBS|pbs.org|US||public broadcaster
Deutsche Welle|dw.com;DW|Germany||public broadcaster
France 24|france24.com|France|France Médias Monde|public broadcaster
CNN|cnn.com;edition.cnn.com|US|Warner Bros. Discovery|broadcaster
NBC News|nbcnews.com|US|Comcast|broadcaster
ABC News|abcnews.go.com|US|The Walt Disney Company|broadcaster
CBS News|cbsnews.com|US|Paramount|broadcaster
Fox News|foxnews.com|US|Fox Corporation|broadcaster
Sky News|news.sky.com|UK|Comcast|broadcaster
The New York Times|nytimes.com;New York Times|US|The New York Times Company|newspaper
The Washington Post|washingtonpost.com;Washington Post|US|Nash Holdings|newspaper
The Guardian|theguardian.com|UK|Guardian Media Group|newspaper
USA Today|usatoday.com|US|Gannett|newspaper
Politico|politico.com|US|Axel Springer|news site
Axios|axios.com|US|Cox Enterprises|news site
Bloomberg|bloomberg.com;Bloomberg News|US|Bloomberg L.P.|news agency
Al Jazeera|aljazeera.com|Qatar|Al Jazeera Media Network|state-funded broadcaster
RT|rt.com;Russia Today|Russia||state-affiliated broadcaster
Xinhua|xinhuanet.com;news.cn;Xinhua News Agency|China||state news agency
"""


def _starter() -> tuple[OutletInfo, ...]:
    out = []
    for line in _STARTER.strip().splitlines():
        name, keys, country, owner, kind = line.split("|")
        out.append(OutletInfo(name, (name, *keys.split(";")), country or None, owner or None, kind))
    return tuple(out)


STARTER = _starter()
FIELDS = ("key", "name", "country", "owner", "kind")


def parse_registry(text: str, fmt: str) -> tuple[OutletInfo, ...]:
    """Outlets from a registry file's text: ``fmt`` "csv" (a header row with ``key`` and
    ``name``, optional ``country``, ``owner``, ``kind``) or "json" (a list of such objects, or
    an object from key to an object or a name). A key is a domain or a name; rows with one
    name are one outlet."""
    rows: list[dict[str, Any]]
    if fmt == "json":
        try:
            data = json.loads(text)
        except ValueError as err:
            raise RegistryError(f"not JSON: {err}") from None
        if isinstance(data, dict):
            rows = [
                {"key": k, **(v if isinstance(v, dict) else {"name": v})} for k, v in data.items()
            ]
        elif isinstance(data, list) and all(isinstance(r, dict) for r in data):
            rows = data
        else:
            raise RegistryError("expected a list of outlets or an object from key to outlet")
    else:
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames or not {"key", "name"} <= {f.strip() for f in reader.fieldnames}:
            raise RegistryError("a CSV registry needs a header row with 'key' and 'name'")
        rows = [{k.strip(): (v or "").strip() for k, v in r.items() if k} for r in reader]
    by_name: dict[str, dict[str, Any]] = {}
    for r in rows:
        name = str(r.get("name") or r.get("key") or "").strip()
        key = str(r.get("key") or "").strip()
        if not name:
            continue
        entry = by_name.setdefault(
            name, {"keys": [name], "country": None, "owner": None, "kind": None}
        )
        if key and key not in entry["keys"]:
            entry["keys"].append(key)
        for field in ("country", "owner", "kind"):
            entry[field] = entry[field] or (str(r[field]).strip() if r.get(field) else None)
    return tuple(
        OutletInfo(name, tuple(e["keys"]), e["country"], e["owner"], e["kind"])
        for name, e in by_name.items()
    )


def _norm(key: str) -> str:
    return re.sub(r"\s+", " ", key.strip().lower().removeprefix("www."))


def _host(url: str | None) -> str | None:
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def identify(
    outlet: str | None, url: str | None, registry: Sequence[OutletInfo] = ()
) -> OutletInfo | None:
    """The registry's outlet for a name the page gives or its URL's domain (a subdomain
    counts: "edition.example.com" is "example.com"); the user's registry first."""
    host = _host(url)
    name = _norm(outlet) if outlet else None
    for entries in (registry, STARTER):
        for info in entries:
            keys = {_norm(k) for k in info.keys}
            if name and name in keys:
                return info
            if host and any(host == k or host.endswith("." + k) for k in keys if "." in k):
                return info
    return None


# Words of outlets' names: a credit holding one of them names an outlet, not a person.
_OUTLET_WORDS = frozenset(
    """
    news press times post herald journal tribune gazette record chronicle telegraph guardian
    observer express mirror courier inquirer examiner independent standard daily tv radio
    agency network media wire service broadcasting channel online magazine weekly today
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# Job titles that credits print instead of a name ("Staff Writer").
_JOBS = re.compile(
    r"\b(staff|writer|reporter|correspondent|editor|columnist|contributor|producer)s?\b",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^[A-Z][A-Za-z.'’-]+$")


def names_a_person(credit: str) -> bool:
    """Whether a credit line's name is a person's or a job's rather than an outlet's:
    "KENNETH CHANG", "Jane Roe", "Staff Writer" are; "ABC News", "CNN", "Reuters" are not."""
    words = credit.split()
    if _JOBS.search(credit):
        return True
    if not 2 <= len(words) <= 4 or any(w.lower().strip(".") in _OUTLET_WORDS for w in words):
        return False
    if all(w.isupper() and len(w) <= 3 for w in words):
        return False  # initials of an outlet ("ABC", "BBC NI")
    return all(_NAME_WORD.match(w) or w.isupper() for w in words)
