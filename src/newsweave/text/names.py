"""How news copy writes a name: the titles printed before it, and the short forms for it.

Attribution reads "Port Authority spokesman Tom Ellery" as Tom Ellery, the cross-check reads a
figure's holder without "Dr" and merges "Lt. Gen. Douglas Sims" with "Sims", and three stages
match an acronym to the words it stands for. Each asks its own question, so each list and each
matcher keeps its own rule; they live here, side by side, so a new title or a new acronym rule
has one place to go.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Titles, ranks and roles written before a speaker's name; never part of the name ("Lt. Col.
# Maria Duarte", "Port Authority spokesman Tom Ellery"). Lower-cased, full stops dropped.
SPEAKER_TITLES = frozenset(
    """president vice prime minister secretary spokesperson spokesman spokeswoman senator sen
    representative rep congressman congresswoman governor gov mayor chief officer commander
    general gen lieutenant lt colonel col major maj captain capt sergeant sgt admiral adm
    brigadier brig marshal director chairman chairwoman chair ambassador envoy judge justice
    king queen prince princess pope sheikh ayatollah imam rabbi bishop dr mr mrs ms miss sir
    dame councillor councilor inspector superintendent constable const cst detective professor
    prof rev
    coordinator speaker leader deputy attorney chancellor premier emir commissioner sheriff
    official head manager harbourmaster harbormaster trooper coach""".split()  # noqa: SIM905
) | frozenset(
    # roles in business, local office and sport, written before a name as titles are
    # ("GM Ana Ruiz", "Coroner Ben Hale", "Quarterback Tom Vail")
    """gm ceo founder clerk coroner magistrate treasurer comptroller alderman assemblyman
    assemblywoman councilman councilwoman quarterback qb fullback halfback linebacker kicker
    punter goalkeeper goalie midfielder pitcher shortstop outfielder infielder""".split()  # noqa: SIM905
)
# Titles and honorifics written before a name, as printed; they are not part of it ("Lt. Gen.
# Douglas Sims"): the entity merge strips them.
NAME_TITLES = frozenset(
    """
    President Vice Prime Minister Secretary Spokesperson Spokesman Spokeswoman Senator Sen
    Representative Rep Congressman Congresswoman Governor Gov Mayor Chief Officer Commander
    General Gen Lieutenant Lt Colonel Col Major Maj Captain Capt Sergeant Sgt Admiral Adm
    Brigadier Brig Marshal Private Pvt Corporal Cpl Director Chairman Chairwoman Chair
    Ambassador Envoy Judge Justice King Queen Prince Princess Pope Sheikh Sheik Ayatollah
    Imam Rabbi Bishop Archbishop Cardinal Dr Mr Mrs Ms Miss Mx Sir Dame Councillor Councilor
    Inspector Superintendent Constable Const Cst Detective Sergeant Professor Prof Rev Reverend
    Father
    Coordinator Speaker Leader Deputy Assistant Attorney Chancellor Premier Emir Crown
    Commissioner Sheriff Pastor Sister Brother Consul Dean Provost Warden Trooper Agent
    Lawyer Prosecutor Coach Manager GM CEO Founder Clerk Coroner Magistrate Treasurer
    Comptroller Alderman Assemblyman Assemblywoman Councilman Councilwoman Quarterback QB
    Fullback Halfback Linebacker Kicker Punter Goalkeeper Goalie Midfielder Pitcher Shortstop
    Outfielder Infielder
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# Titles a name may follow in lower case ("justice Duncan Ouseley", "lawyer Jane Roe").
LOWER_CASE_TITLES = frozenset(
    """
    justice judge lawyer prosecutor attorney president senator governor mayor minister
    secretary spokesman spokeswoman spokesperson sergeant detective inspector sheriff
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# Titles that say nothing of which person a name is (a figure's holder is compared without them).
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor"}
)
# Function words inside organisation names: an acronym may skip them or take their initial
# ("Department of Defense" is DOD, "Islamic Resistance in Iraq" is IRI).
FUNCTION_WORDS = frozenset(
    "of for and the in on at to by de du des la le el al & y da di von van".split()  # noqa: SIM905
)


def strip_titles(name: str) -> str:
    """A person's name without the titles and roles written before it."""
    words = name.split()
    # Everything up to the last title word goes ("US Trade Secretary Ana Ruiz" → "Ana Ruiz"),
    # but never the last word: "Jonathan Major" keeps a surname that looks like a title.
    cut = 0
    for i, w in enumerate(words[:-1]):
        if w.strip(".,").lower() in SPEAKER_TITLES:
            cut = i + 1
    return " ".join(words[cut:])


def leading_titles(words: Sequence[str]) -> int:
    """How many leading words are titles ("Lt. Gen. Douglas Sims" → 2); at least one word stays."""
    n = 0
    while n < len(words) - 1 and words[n].rstrip(".") in NAME_TITLES:
        n += 1
    return n


def is_acronym(surface: str) -> bool:
    """Initials in capitals, with or without dots ("IRGC", "U.S.", "CENTCOM")."""
    s = surface.replace(".", "").replace("&", "")
    return 2 <= len(s) <= 10 and s.isalpha() and s.isupper() and " " not in surface


def acronym_spans(text: str, acronym: str) -> list[tuple[int, int]]:
    """Where ``acronym`` is printed as a word of its own."""
    pattern = re.compile(rf"(?<![\w.-]){re.escape(acronym)}(?![\w-])")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def spells(acronym: str, words: Sequence[str]) -> bool:
    """Whether ``acronym`` is made from ``words`` (keys, lower case) in order.

    Each content word gives its initial or a clipped syllable of three letters or more, so both
    "IRGC" (Islamic Revolutionary Guard Corps) and "CENTCOM" (Central Command) count, but not
    "NRA" for "National Rail"; function words give their initial or nothing ("DOD", "IRI").
    """
    letters = acronym.lower().replace(".", "").replace("&", "")
    content = [w for w in words if w not in FUNCTION_WORDS]
    if len(letters) < 2 or len(content) < 2 or len(letters) < len(content):
        return False
    memo: dict[tuple[int, int], bool] = {}

    def go(i: int, j: int) -> bool:
        # i: letters used, j: words used.
        if j == len(words):
            return i == len(letters)
        if (i, j) in memo:
            return memo[(i, j)]
        w = words[j]
        ok = False
        if w in FUNCTION_WORDS:
            ok = go(i, j + 1) or (i < len(letters) and letters[i] == w[0] and go(i + 1, j + 1))
        else:
            # An initial, a clipped syllable of three letters or more, or the whole word.
            sizes = [k for k in range(1, len(w) + 1) if k != 2 or k == len(w)]
            ok = any(letters.startswith(w[:k], i) and go(i + k, j + 1) for k in sizes)
        memo[(i, j)] = ok
        return ok

    return go(0, 0)


def short_form_of(short: str, words: Sequence[str]) -> bool:
    """Whether ``short`` spells ``words`` by their leading letters ("CPA" for Coastal Port
    Authority, "US" for United States) or syllables ("Marcom" for Maritime Command).

    Capitals spell a word with one letter each; a short form in lower case needs two or more
    from each word, so a nationality does not spell a body ("Kenya" is not "Keny-" + "a-").
    """
    least = 1 if short.isupper() else 2
    lowered = short.lower()
    words = [w for w in words if w not in {"of", "the", "for", "and", "in"}]

    def go(s: str, i: int, used: int) -> bool:
        if not s:
            return used >= 2  # a short form spells at least two words
        if i >= len(words):
            return False
        w = words[i]
        return any(
            s.startswith(w[:k]) and go(s[k:], i + 1, used + 1) for k in range(len(w), least - 1, -1)
        )

    # The short form may leave out a leading qualifier ("Marcom" for US Maritime Command).
    return len(short) >= 2 and any(go(lowered, i, 0) for i in range(len(words)))


def initials_match(x: str | None, y: str | None) -> bool:
    """ "gdp" and "gross domestic product": one phrase is the other's initials."""
    if not x or not y:
        return False
    for short, long in ((x, y), (y, x)):
        words = [w for w in long.split() if w not in ("of", "the", "and")]
        if (
            len(short) >= 2
            and " " not in short
            and len(words) == len(short)
            and "".join(w[0] for w in words) == short.lower()
        ):
            return True
    return False
