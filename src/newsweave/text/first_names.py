"""Given names that say "he" or "she" on their own, for the pronoun rules when the article's
own words (a title, a role) say nothing.

Only names borne almost always by one sex are listed: "Jordan", "Taylor", "Alex", "Robin",
"Sasha" and the like are not, and a name not listed says nothing. The lists are short on
purpose; the evidence an article gives ("Ms", "his wife") always comes first.
"""

from __future__ import annotations

SHE = frozenset(
    """
    abigail ada adriana agnes aisha alexandra alice alicia alison amanda amelia amy ana anastasia
    andrea angela angelina anita ann anna anne annie antonia barbara beatrice betty beverly
    brenda brittany camila carla carmen carol caroline catherine cecilia charlotte chloe christina
    christine claire clara claudia cynthia daniela deborah debra denise diana diane donna doris
    dorothy elena eleanor elisabeth elizabeth ella ellen emily emma erica eva evelyn fatima
    fiona florence frances gabriela grace hannah heather helen helena ingrid irene isabel
    isabella jacqueline jane janet janice jennifer jessica joan joanna josephine joyce judith
    judy julia julie karen katherine kathleen kathryn katie kelly kimberly kristen kristi laura
    lauren leah linda lisa lucy lydia madeleine margaret maria marie marilyn martha mary megan
    melania melissa mia michelle monica nancy natalia natalie nicole nina olga olivia pamela
    patricia paula rachel rebecca rita rosa rose ruth sabrina samantha sandra sara sarah sharon
    shirley sofia sophia sophie stephanie susan svetlana tamara teresa theresa tiffany valentina
    valerie vanessa victoria virginia wendy yasmin yulia zoe
    """.split()  # noqa: SIM905 (a word list reads better as text)
)

HE = frozenset(
    """
    aaron abdul adam adrian ahmed alan albert alberto alejandro alexander alexei ali andrew
    angelo anthony antonio arthur benjamin bernard bill boris brandon brian bruce carl carlos
    charles christopher colin craig daniel david dennis dmitry donald douglas edward eric ernest
    eugene frank fred frederick gary george gerald gregory harold harry henry hugh ian ivan jack
    jacob james jason jeffrey jeremy jerry jim joe john jonathan jorge jose joseph joshua juan
    justin keith kenneth kevin larry lawrence luis marco mark martin matthew michael mikhail
    mohamed mohammad mohammed muhammad nathan neil nicholas oliver omar oscar patrick paul
    pedro peter philip pierre rafael ralph raymond richard robert roger ronald roy russell
    ryan samuel scott sean sergei sergey stephen steve steven stuart thomas timothy todd tom
    victor vincent vladimir walter wayne william yusuf
    """.split()  # noqa: SIM905 (a word list reads better as text)
)


def pronoun_of_given_name(name: str) -> str | None:
    """ "she" or "he" when the full name's first word is a given name listed here."""
    first = name.split()[0].lower().strip(".,") if name.split() else ""
    if first in SHE:
        return "she"
    if first in HE:
        return "he"
    return None
