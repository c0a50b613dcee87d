"""Every figure in a piece of news prose, as a closed interval (CONTRACT.md, "Claim").

``find_quantities`` makes one pass of one compiled pattern over the text. The pattern has two
kinds of branch, tried in order at each position:

1. things that hold digits but are not figures, matched only to be passed over: dates
   ("February 2, 2024", "7 October"), clock times ("2:22 PM", "04.00 pm"), names with a number
   in them ("B-1", "F-35", "Covid-19", "Burj 22", "Article 5"), phone numbers, "24/7",
   list numbers at the start of a line and page counters like "(8)";
2. figures: vague plurals ("dozens", "tens of thousands"), then a number in digits or words with
   what it carries: a qualifier in front ("more than", "nearly"), a currency ("$", "£"), a scale
   ("million", "bn", "m"), a unit ("km", "per cent", "euros"), a qualifier behind ("or more",
   "-plus") and a second number making a range ("between 20 and 30", "20-30", "two or three").

A few checks that need more context than a regex branch run on each figure found: a year
standing alone ("in 2024", but "2000 people" goes with it: outlets write "2,000"), ages
("33-year-old", "aged 33"), "2 hours ago" (a time stamp for the dates stage), "no one",
"one of", and a capitalised number inside a name ("Formula One") unless the whole text is a
Title Case headline, where capitals say nothing.

Intervals follow CONTRACT.md: a bare N is [N, N]; "more than N" and kin give low = N and no
high (the contract's closed reading: N + 1 would assume whole counts, and "more than 4.2%"
has no next value); "fewer than N" and kin give high = N; "about N" is N ± 10% and "nearly N"
is [0.9 N, N]; a vague plural of B ("hundreds") is at least 2 B, and so are "several hundred"
and "a few hundred". "several" and "a few" on their own, and "a number of", are left out: no
outlet's figure is compared against them. "N to M" is a range, but "from N to M" is a change
and gives two figures. A glued "m" is millions with a currency ("$50m") or before a counted
noun ("5.5m people") and metres otherwise ("the 100m sprint"); "pounds" is sterling after a
scale word ("45 million pounds") and weight otherwise.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from newsweave.analyze.amounts import find_amounts
from newsweave.analyze.numbers import ORDINAL_TAIL, SCALES, WORD_NUMBER, word_value
from newsweave.analyze.qualifiers import (
    ABOUT,
    EXACT,
    POST_QUALIFIERS,
    QUALIFIERS,
    SPACES,
    SYMBOL_QUALIFIERS,
    Kind,
    read_qualifier,
    words,
)
from newsweave.analyze.units import PHYSICAL, dimension
from newsweave.model import Quantity, Span
from newsweave.text.casing import is_title_case

RANGE_WHY = "a range: [first, second] as written"
# Rule "a score runs down": "won 24-17", "an 89-79 win", "a 5-4 vote" (a range runs up: "10-20
# people"). Each number is a figure, and the noun after the pair is one thing, not what
# they count: one win, not 89.
SCORE_WHY = "one side of a score or a vote"
VAGUE_WHY = "a vague plural of B ('hundreds') means at least two Bs"

# --- vague plurals -----------------------------------------------------------------------------

# The B of each plural; the low bound is two of them. "scores" and "tens" only count before
# "of" ("scores of people"): elsewhere "scores" is a verb or a noun ("test scores").
VAGUE_BASE = {
    "dozens": 12.0,
    "scores": 20.0,
    "tens": 10.0,
    "hundreds": 100.0,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
}

# --- units and currencies ----------------------------------------------------------------------

# Every spelling of a unit, lower case, and the code it is normalised to.
UNITS = {
    **dict.fromkeys(["km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"], "km"),
    **dict.fromkeys(["metre", "metres", "meter", "meters"], "m"),
    **dict.fromkeys(["cm", "centimetre", "centimetres", "centimeter", "centimeters"], "cm"),
    **dict.fromkeys(["mm", "millimetre", "millimetres", "millimeter", "millimeters"], "mm"),
    **dict.fromkeys(["mile", "miles", "mi"], "mi"),
    **dict.fromkeys(["ft", "foot", "feet"], "ft"),
    **dict.fromkeys(["kg", "kgs", "kilo", "kilos", "kilogram", "kilograms"], "kg"),
    **dict.fromkeys(["tonne", "tonnes", "ton", "tons", "metric tons"], "t"),
    **dict.fromkeys(["lb", "lbs"], "lb"),
    **dict.fromkeys(["gram", "grams"], "g"),
    **dict.fromkeys(["yard", "yards", "yd", "yds"], "yd"),
    **dict.fromkeys(["inch", "inches"], "in"),
    **dict.fromkeys(["gallon", "gallons", "gal"], "gal"),
    **dict.fromkeys(["square miles", "square mile", "sq mi", "sq miles"], "sqmi"),
    **dict.fromkeys(["litre", "litres", "liter", "liters"], "l"),
    **dict.fromkeys(["barrel", "barrels"], "bbl"),
    **dict.fromkeys(["hour", "hours", "hr", "hrs"], "h"),
    **dict.fromkeys(["minute", "minutes", "min", "mins"], "min"),
    # "second" alone is left out: "twenty-second" is an ordinal far more often than a duration.
    **dict.fromkeys(["seconds", "sec", "secs"], "s"),
    **dict.fromkeys(["day", "days"], "day"),
    **dict.fromkeys(["week", "weeks"], "week"),
    **dict.fromkeys(["month", "months"], "month"),
    **dict.fromkeys(["year", "years", "yr", "yrs"], "year"),
    **dict.fromkeys(["%", "percent", "per cent", "per-cent", "pct"], "%"),
    **dict.fromkeys(["percentage point", "percentage points", "pp"], "pp"),
    **dict.fromkeys(["km/h", "kph", "kmh"], "km/h"),
    **dict.fromkeys(["mph"], "mph"),
    **dict.fromkeys(["knot", "knots"], "kn"),
    **dict.fromkeys(["sq km", "km2", "km²", "square kilometres", "square kilometers"], "km2"),
    **dict.fromkeys(["hectare", "hectares"], "ha"),
    **dict.fromkeys(["acre", "acres"], "acre"),
    **dict.fromkeys(["°c", "degrees celsius"], "°C"),
    **dict.fromkeys(["°f", "degrees fahrenheit"], "°F"),
    **dict.fromkeys(["dollar", "dollars", "us dollars", "usd"], "USD"),
    **dict.fromkeys(["euro", "euros", "eur"], "EUR"),
    **dict.fromkeys(["pounds sterling", "sterling", "gbp"], "GBP"),
    # "pounds" is money after a scale word ("45 million pounds") and weight otherwise.
    **dict.fromkeys(["pound", "pounds"], "lb"),
    **dict.fromkeys(["yen", "jpy"], "JPY"),
    **dict.fromkeys(["yuan", "renminbi", "cny"], "CNY"),
    **dict.fromkeys(["rupee", "rupees", "inr"], "INR"),
    **dict.fromkeys(["rouble", "roubles", "ruble", "rubles"], "RUB"),
    **dict.fromkeys(["shekel", "shekels"], "ILS"),
    **dict.fromkeys(["riyal", "riyals", "sar"], "SAR"),
    **dict.fromkeys(["dirham", "dirhams", "aed"], "AED"),
    **dict.fromkeys(["lira", "liras", "try"], "TRY"),
    **dict.fromkeys(["naira"], "NGN"),
    **dict.fromkeys(["baht"], "THB"),
    **dict.fromkeys(["ringgit"], "MYR"),
    **dict.fromkeys(["hryvnia", "hryvnias", "uah"], "UAH"),
    **dict.fromkeys(["zloty", "zlotys"], "PLN"),
}
CURRENCIES = frozenset(
    {"USD", "EUR", "GBP", "JPY", "CNY", "INR", "RUB", "ILS", "AUD", "CAD", "SAR", "AED", "TRY"}
    | {"NGN", "THB", "MYR", "UAH", "PLN"}
)
CURRENCY_PREFIXES = {
    "$": "USD",
    "us$": "USD",
    "a$": "AUD",
    "c$": "CAD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "₹": "INR",
    "rs": "INR",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "inr": "INR",
    "jpy": "JPY",
}
# Scale words after digits ("1.2 million", "500 crore"), and the short forms glued on ("$50m").
SCALE_WORDS = {**SCALES, "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5}
SCALE_WORDS |= {"mn": 1e6, "bn": 1e9, "tn": 1e12, "trn": 1e12}
GLUED_SCALES = {"k": 1e3, "mn": 1e6, "m": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12}

# --- the pattern -------------------------------------------------------------------------------


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
    # page stamps print them in capitals: "JAN. 9, 2021", "APRIL 3, 2022"
    r"|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|"
    r"SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\b\.?"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:1\d|20)\d\d(?!\d)"  # "July 1609" as well as "July 2024"
_AMPM = r"(?i:[ap]\.\s?m\b\.?|[ap]m\b)"
_ZONE = r"(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|IST|ET|PT|(?i:local\s+time))\b"

_STREET = r"(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Walk|Way|Drive|Place|Square|Boulevard)\b"

# Digit-led things that are not figures; also tried where a figure would start, so that
# "about 4 pm" or "over 2 February" do not read as figures through their qualifier.
_NOT_FIGURE_AT_DIGIT = "|".join(
    [
        _DAY + r"\s+(?:of\s+)?" + _MONTH,  # 2 February, 7th of October
        _YEAR + r"-[01]\d-[0-3]\d",  # 2024-02-02
        r"\d{1,2}(?:[:.]\d\d)?\s*(?:[-–]|to|and)\s*\d{1,2}(?:[:.]\d\d)?\s*" + _AMPM,  # 2-3 pm
        r"\d{1,2}[:.]\d\d(?::\d\d)?\s*" + _AMPM,  # 10:22 p.m, 04.00 pm
        r"\d{1,2}:\d\d(?::\d\d)?(?!\d)",  # 6:07, 14:30
        r"\d{1,2}\s*" + _AMPM,  # 4 pm, 4pm
        r"\d{1,2}[.:]?\d\d\s*" + _ZONE,  # 1400 GMT, 10.30 local time
        r"\d+(?:/\d+)+",  # 24/7, 9/11, 02/02/2024
        r"\d{1,2}[.]\d{1,2}[.]\d{2,4}(?!\d)",  # 02.02.2024
        r"\d{3}[-.]\d{3}[-.]\d{4}(?!\d)",  # 555-123-4567
        r"0\d{2,4}(?:[ -]\d{3,7}){1,2}(?!\d|[,.]\d)",  # 0845 125 2222, 0800 555111: a trunk 0
        # a street address: "14 Rope Walk", "10 Downing Street"
        r"\d{1,5}[a-z]?[ \t\u00a0]+(?:[A-Z][\w'’-]*[ \t\u00a0]+){1,3}" + _STREET,
    ]
)
# Capitalised words that may stand before a figure without naming anything ("Some 40 people").
_NOT_A_NAME = (
    r"(?:About|Around|Some|Over|Under|Nearly|Almost|Roughly|Approximately|Only|Just|All|And|"
    r"But|Or|The|In|On|At|By|Since|Until|Of|For|From|To|With|After|Before|Between|Another|"
    r"Those|These|Up|Within|Than|Killing|Including|Among|A|An|More|Less|Fewer|Exactly|"
    r"Precisely|Perhaps|Maybe|Possibly|Estimated|Each|Every|Both|Its|His|Her|Their|Our|My|"
    r"Your|Down|Nearly|At|As|Only|Some|Almost|Still|Now|Then|Of|Rs|USD|EUR|GBP|INR|JPY|"
    # a qualifier that opens a sentence ("Above 40 people")
    + "|".join(sorted({k.split()[0].capitalize() for k in QUALIFIERS}))
    + r")\b"
)
# Heads that take a number as part of a name wherever they stand ("Article 5", "Boeing 737").
_NAME_HEADS = (
    r"(?:Article|Articles|Section|Chapter|Resolution|Flight|Tower|Burj|Route|Highway|Camp|Gate|"
    r"Level|Phase|Apollo|Boeing|Airbus|Model|Block|Unit|Room|Building|Platform|Terminal|Sector|"
    r"Zone|Division|Brigade|Battalion|Regiment|Squadron|Channel|Formula|Windows|iPhone|Galaxy|"
    r"Page|Figure|Table|Item|Rule|Clause|Paragraph|Vol\.|No\.|Nos\.|Pt\.|[Nn]umber)"
)

_SKIP = "|".join(
    [
        # dates led by a month: February 2, 2024; Feb 2; January 2024
        r"(?=[JFMASOND])" + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?",
        r"(?=[JFMASOND])" + _MONTH + r",?\s+" + _YEAR,
        # dates, clock times, "24/7", phone numbers
        r"(?<![\w.,/:-])(?=\d)(?:" + _NOT_FIGURE_AT_DIGIT + r")",
        # a letter-led token glued to digits is a name: B-1, F-35, M142, G7, Covid-19, MQ-9
        r"(?<![\w-])(?!(?:Rs|USD|EUR|GBP|INR|JPY)\.?\s?\d)[A-Za-z][A-Za-z.]*-?\d[\w./-]*",
        r"(?=[A-Zin])" + _NAME_HEADS + r"\s*\d[\w.,/-]*",
        # a capitalised word inside a sentence or opening a bracket or quotation, then a
        # number: "the Burj 22 base", "Tower 22", "(Harbour Quest 2 is free)"
        r"(?:(?<=[a-z,;:][ \u00a0])|(?<=[(“‘\"]))(?=[A-Z])"
        r"(?!" + _WEEKDAY + r"|" + _MONTH + r"|" + _NOT_A_NAME + r")"
        r"[A-Z][\w'’.-]*[ \t\u00a0]+(?P<namenum>\d[\d,.]*(?:-\w+)*)",
        # list numbers at the start of a line ("1." / "2)"), page counters "(8)" and "[12]"
        r"(?m:^)[ \t]*\d{1,2}[.)](?=[ \t])",
        r"\(\d{3}\)\s?\d{3}[-.]\d{4}(?!\d)",  # (555) 123-4567
        r"[(\[]\d{1,4}[)\]]",
        # phone numbers with a country code
        r"\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}",
    ]
)

# "1,200", "4.2", and the no-break spaces some outlets print between thousands ("50 000")
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u202f]\d{3})+|\d+(?:\.\d+)?"
_CURRENCY = r"(?:US\$|A\$|C\$|\$|£|€|¥|₹|(?:Rs\.?|USD|EUR|GBP|INR|JPY)\s?)"
_SCALE = words(list(SCALE_WORDS))
_UNIT = words([u for u in UNITS if u != "%"])


def _figure(n: int) -> str:
    """One number with its currency, scale and unit; group names end in ``n`` (1 or 2)."""
    return (
        rf"(?P<cur{n}>{_CURRENCY}\s?)?"
        rf"(?!{_NOT_FIGURE_AT_DIGIT})"
        rf"(?P<num{n}>{_DIGITS}|{WORD_NUMBER})"
        rf"(?!-{ORDINAL_TAIL}\b|\s+(?i:halves|quarters|thirds|fifths)\b)"
        rf"(?P<half{n}>\s+(?i:and\s+a\s+half)\b)?"
        rf"(?:[\s-](?P<scale{n}>(?i:{_SCALE}))(?!\w)|(?P<glued{n}>[kK]|mn|m|M|bn|b|B|tn|trn)"
        rf"(?![A-Za-z]))?"
        rf"(?:(?P<unit{n}>\s?%|(?:\s|-)?(?i:{_UNIT})(?:-(?i:long|wide|high|deep|tall))?(?!\w)"
        rf"|\s?m(?!\w))|(?P<short{n}>[hts])(?!\w))?"
    )


_QUALIFIER = words(list(QUALIFIERS))
_POST = words([k for k in POST_QUALIFIERS if k not in ("+", "-plus", "-odd")])
_VAGUE = (
    r"(?P<vague>(?i:(?:tens|dozens|hundreds)\s+of\s+(?:thousands|millions|billions)"
    r"|(?:several|a\s+few|many)\s+(?:dozen|hundred|thousand|million|billion)s?"
    r"|dozens|scores(?=\s+of\b)|tens(?=\s+of\b)|hundreds|thousands|millions|billions))"
    r"(?:\s+of\s+(?P<vcur>(?i:dollars|euros|pounds)))?(?!\w)"
)
_QUANTITY = (
    r"(?<![\w.,/:\-−–])"
    r"(?:(?P<qual>(?i:" + _QUALIFIER + r"))\s+|(?P<sym>[~≈<>≤≥])\s?)?"
    r"(?:(?P<btw>(?i:between))\s+)?"
    + _figure(1)
    + r"(?:(?(btw)\s+(?i:and)\s+|(?P<sep>[-–](?=[\d$£€])|\s+(?i:to|or)\s+))"
    + _figure(2)
    + r")?(?(btw)(?(num2)|(?!)))"  # "between" needs its "and M"
    r"(?P<post>\s+(?i:" + _POST + r")\b|\+|-plus\b|-odd\b)?"
    # "40 or more years": the unit may follow the qualifier behind
    r"(?(post)(?:\s+(?P<postunit>(?i:" + _UNIT + r"))(?!\w))?|)"
    r"(?!\w)(?![.,]\d)(?![-–]\d)(?![-–][A-Z])"  # not "1.2.3", "2-3 pm", "7-Eleven"
)
# Every branch starts a word, so one look behind skips the middles of words at once.
PATTERN = re.compile(
    r"(?<!\w)(?:(?P<skip>" + _SKIP + r")|(?<![\w-])" + _VAGUE + r"|" + _QUANTITY + r")"
)
# The figure branch alone, to read a number that the name rule took from a Title Case headline.
QUANTITY_AT = re.compile(_QUANTITY)

# Context checks run once per figure found.
_YEAR_LIKE = re.compile(r"(?:1[89]|20)\d\d")
# Older years stand out by the word before them: "in 1609", "since 1066", "by 1215".
_OLD_YEAR = re.compile(r"1[0-7]\d\d")
_YEAR_WORD_BEFORE = re.compile(
    r"\b(?:in|since|of|from|by|until|till|before|after|around|circa|c\.|year)\s+$",
    re.IGNORECASE,
)
_OLD_AFTER = re.compile(r"[-\s]olds?\b", re.IGNORECASE)
# "one of", "one another", "one-sided", "one night while …": "one" in an idiom, not a count
_ONE_IDIOM_AFTER = re.compile(
    r"\s+(?:of|another|night|morning|evening|afternoon)\b|-", re.IGNORECASE
)
# "no one", "the one", "a great one": "one" as a pronoun, not a count
_ONE_IDIOM_BEFORE = re.compile(
    r"\b(?:no|any|every|each|the|this|that|which)\s+$|\ban?\s+\w+\s+$|-$", re.IGNORECASE
)
# "called 911", "dial 999", "a 911 call": an emergency number is a number to call
_EMERGENCY = frozenset({"911", "999", "112", "000", "110", "119"})
_SERVICE_AFTER = re.compile(
    r"\s+(?:calls?|callers?|dispatch\w*|operators?|cent(?:er|re)s?|lines?|system|services?)\b",
    re.IGNORECASE,
)
_CALL_BEFORE = re.compile(
    r"\b(?:call(?:ed|s|ing)?|dial(?:l?ed|s|ling|ing)?)\s+(?:(?:the|their|her|his|its|a|local)\s+)?$",
    re.IGNORECASE,
)
_IN_NAME_BEFORE = re.compile(r"[a-z,;] $")
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_AGED_BEFORE = re.compile(r"\b(?:aged|age|age of|died at|dies at|dead at)\s+$", re.IGNORECASE)
# "Tom Roe and Ann Lee, both 51, died": one age told of two people named just before.
_BOTH_AGE_BEFORE = re.compile(r"[A-Z][A-Za-z'’-]+,\s(?:both|each)\s$")
# "Nora Pell, 71, said", "Pell, 71, was": a small number set off by commas right after a
# name is the person's age. Words that open a clause or name a time are not names.
_AGE_APPOSITION = re.compile(
    r"(?<![\w'’-])(?!(?:In|On|At|By|For|From|Of|To|The|And|But|So|Since|Until|After|Before|"
    r"During|Between|Yesterday|Today|Tonight|Now|Then|Also|However|Meanwhile|Still|Overall|"
    r"Instead|Earlier|Later|Last|Next|This|That|Here|There|Since|Of|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b)(?:Mr|Mrs|Ms|Dr)?\.?\s?[A-Z][A-Za-z'’-]+,\s$"
)
# ... and closed by a comma, a bracket, "and" or the end of the sentence ("Dunn, 48.")
_AGE_APPOSITION_AFTER = re.compile(r"(?:[,);]|\.(?!\d)|\s+and\b|\s*$)")
AGE_WHY = "an age: how old a person is"
AGO_AFTER = re.compile(r"\s+ago\b", re.IGNORECASE)
# Counted nouns that make a glued "m" millions rather than metres ("5.5m people").
_MILLIONS_OF = re.compile(
    r"\s+(?:people|residents|voters|users|jobs|homes|households|viewers|children|refugees|"
    r"customers|subscribers|doses|barrels|visitors|passengers|patients|workers|members|"
    r"citizens|copies|tonnes|tons)\b",
    re.IGNORECASE,
)
_PLURAL_AFTER = re.compile(r"\s+[a-z]+[a-rt-z]s\b")
_SEPARATORS = re.compile(r"[,\u00a0\u202f]")
_AGE_UNITS = frozenset({"year", "month", "week", "day"})
_NUMBER_WORD_START = re.compile(r"[A-Za-z]")


# --- reading a match ---------------------------------------------------------------------------


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in ``text``, in order, each with its span and closed interval."""
    if not isinstance(text, str) or not text:
        return []
    out: list[Quantity] = []
    done = 0  # where the last figure ended: a match inside it is a piece of it
    title_case: bool | None = None
    for m in PATTERN.finditer(text):
        if m.start() < done:
            continue
        vague = m.group("vague") is not None
        if m.group("namenum") is not None:
            # "Burj 22" is a name, but in "US Strikes 85 Targets" every word has a capital
            title_case = is_title_case(text) if title_case is None else title_case
            retry = QUANTITY_AT.match(text, m.start("namenum")) if title_case else None
            if retry is None:
                continue
            m = retry
        elif m.group("skip") is not None:
            continue
        try:
            found = _from_vague(m) if vague else _from_match(text, m)
        except (ValueError, ArithmeticError, KeyError):
            # one unreadable figure (a spelling the tables lack) must not cost the text the rest
            continue
        if found:
            out.extend(found)
            done = found[-1].span.end
    out = _mark_conversions(text, out)
    extra = find_amounts(text, [q.span for q in out])
    return sorted([*out, *extra], key=lambda q: q.span.start) if extra else out


# "1,200ft (366m)", "a 12-metre (40-foot) boat": the figure again in another unit, in brackets.
_OPEN_BRACKET = re.compile(r"\s*[(\[]\s*(?:about|around|roughly|approximately|some|or|c\.)?\s*$")
_CLOSE_BRACKET = re.compile(r"\s*[)\]]")


CONVERSION_WHY = "the figure before it restated in another unit"
# "€80 billion ($95 billion)": the amount again in another currency, at a rate of the day
# each outlet picks, so two outlets' conversions may differ without contradicting each other
# (the cross-check never calls a conflict on conversions alone).
EXCHANGED_WHY = "the amount before it in another currency, at some rate of exchange"


def _mark_conversions(text: str, found: list[Quantity]) -> list[Quantity]:
    """``found`` with each figure that only restates the one before it in another unit
    marked so (its ``why``): one fact, which the cross-check keeps with the figure it
    restates."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if prev is not None and _in_brackets_after(text, prev, q):
            if dimension(prev.unit) == dimension(q.unit) and dimension(q.unit) in PHYSICAL:
                q = replace(q, why="; ".join(w for w in (CONVERSION_WHY, q.why) if w))
            # the amount's currency, or a sign the page lost ("a? 80-billion ($95-billion)")
            elif (prev.unit in CURRENCIES or prev.unit is None) and q.unit in CURRENCIES:
                q = replace(q, why="; ".join(w for w in (EXCHANGED_WHY, q.why) if w))
        out.append(q)
    return out


def _in_brackets_after(text: str, prev: Quantity, q: Quantity) -> bool:
    """Whether ``q`` stands alone in brackets right after ``prev``, in another unit."""
    return (
        q.unit is not None
        and prev.unit != q.unit
        and bool(_OPEN_BRACKET.fullmatch(text, prev.span.end, q.span.start))
        and bool(_CLOSE_BRACKET.match(text, q.span.end))
    )


def _from_vague(m: re.Match[str]) -> list[Quantity]:
    """ "dozens", "tens of thousands", "several hundred": at least two of the base."""
    words = SPACES.sub(" ", m.group("vague").lower())
    plurals = (w if w.endswith("s") else w + "s" for w in words.split(" "))
    base = math.prod(VAGUE_BASE.get(w, 1.0) for w in plurals)
    money = (m.group("vcur") or "").lower()
    unit = ("GBP" if money == "pounds" else UNITS[money]) if money else None
    qualifier = next((q for q in ("several", "a few", "many") if words.startswith(q)), words)
    span = Span(m.start(), m.end())
    return [Quantity(span, m.group(), 2 * base, None, unit, qualifier, VAGUE_WHY)]


@dataclass(frozen=True, slots=True)
class _Parts:
    """One number of a match as written: what each group said, not yet combined."""

    start: int
    end: int
    value: float
    words: bool
    currency: str | None
    scale: float | None
    glued: str | None
    unit: str | None


def _parts(m: re.Match[str], n: int) -> _Parts | None:
    """Read number ``n`` (1 or 2) of a match into its written parts."""
    num = m.group(f"num{n}")
    if num is None:
        return None
    words = bool(_NUMBER_WORD_START.match(num))
    if not words and len(num) > 1 and num[0] == "0" and num[1].isdigit():
        return None  # "007", "000": a code, or the tail of "50 000" split by a plain space
    value = word_value(num) if words else float(_SEPARATORS.sub("", num))
    if value is None:
        return None
    if m.group(f"half{n}"):
        value += 0.5  # "four and a half times", "two and a half million"
    cur = m.group(f"cur{n}")
    currency = CURRENCY_PREFIXES.get(cur.strip().lower().rstrip(".")) if cur else None
    scale_word = m.group(f"scale{n}")
    scale = SCALE_WORDS[SPACES.sub(" ", scale_word.lower())] if scale_word else None
    unit_text = m.group(f"unit{n}") or m.group(f"short{n}") or m.group("postunit")
    unit = _unit_code(unit_text) if unit_text else None
    start = m.start(f"cur{n}") if cur else m.start(f"num{n}")
    groups = (f"num{n}", f"half{n}", f"scale{n}", f"glued{n}", f"unit{n}", f"short{n}")
    ends = [m.end(g) for g in groups]
    return _Parts(start, max(ends), value, words, currency, scale, m.group(f"glued{n}"), unit)


def _unit_code(written: str) -> str:
    """The normalised code of a unit as written: "kilometre-long" is "km", "per cent" is "%"."""
    key = SPACES.sub(" ", written).strip(" -").lower()
    for tail in ("-long", "-wide", "-high", "-deep", "-tall"):
        key = key.removesuffix(tail)
    if key in ("h", "t", "m", "%"):
        return key
    return UNITS[key]


@dataclass(frozen=True, slots=True)
class _Figure:
    """One number of a match with its scale applied and its unit settled."""

    start: int
    end: int
    value: float
    unit: str | None


def _settle(own: _Parts, other: _Parts | None, *, first: bool, counted: bool) -> _Figure | None:
    """Apply scale and unit, taking from the range's other end what this end leaves out.

    "$20-30m" is $20m to $30m, and "20 to 30 km" is km at both ends; a scale only carries
    back to a smaller first figure ("1 to 2 million", but not "500 to 2 million"). ``counted``
    says a counted noun follows, which makes a glued "m" millions ("5.5m people").
    """
    currency = own.currency or (other.currency if other else None)
    unit = own.unit or (other.unit if other else None)
    has_scale_word = own.scale is not None or (own.glued is not None)
    scale = own.scale
    glued = own.glued
    if scale is None and glued is None and other is not None and first and own.value <= other.value:
        scale, glued = other.scale, other.glued
        has_scale_word = scale is not None or glued is not None
    if unit == "lb" and has_scale_word:
        unit = "GBP"  # "45 million pounds" is money; "200 pounds" a weight
    money = currency is not None or unit in CURRENCIES
    if glued is not None:
        if glued == "m" and not money and not counted:
            unit = unit or "m"  # "a 50m wall": metres unless a currency says millions
        elif glued == "b" and not money:
            return None  # "5b" outside money is a name ("B-5"), not five billion
        elif glued in {"k", "K"} and not money and not counted:
            # "4K streaming", "a 5K race", "in native 4K": a resolution or a race, not
            # thousands, unless it counts a plural noun ("10K followers")
            return None
        else:
            scale = GLUED_SCALES[glued.lower()]
    if unit == "m" and money and scale is None:
        unit, scale = None, 1e6  # "$50 m"
    value = own.value * (scale or 1.0)
    if not math.isfinite(value):
        return None
    return _Figure(own.start, own.end, value, currency or unit)


def _from_match(text: str, m: re.Match[str]) -> list[Quantity]:
    """The figure, range or pair of figures of one match, after the context checks."""
    p1 = _parts(m, 1)
    p2 = _parts(m, 2)
    if p1 is None or (m.group("num2") is not None and p2 is None):
        return []
    counted = _MILLIONS_OF.match(text, m.end()) is not None
    # a glued "k" counts thousands of the plural noun after it ("50k units")
    counted = counted or (
        (p1.glued or "").lower() == "k" and _PLURAL_AFTER.match(text, m.end()) is not None
    )
    one = _settle(p1, p2, first=True, counted=counted)
    two = _settle(p2, p1, first=False, counted=counted) if p2 is not None else None
    if one is None or (p2 is not None and two is None):
        return []
    age = _age(text, m, p1, one, p2)
    if age is not None:
        return age
    if not _is_figure(text, m, p1, one, p2):
        return []
    kind, qualifier = _kind(text, m)
    whole = Span(m.start(), m.end())
    if two is None:
        q = _quantity(text, whole, kind, qualifier, (one.value, one.value), one.unit)
        post_kind, post = _post_kind(m)
        if m.group("qual") and post and post_kind is not kind:
            # "about $70,000 and up": the word behind opens the end the one in front closed
            low, high = post_kind.bounds(one.value)
            q = replace(
                q, low=q.low if low is not None else None, high=q.high if high is not None else None
            )
        return [q]
    unit = two.unit or one.unit
    if m.group("btw"):
        ends = (min(one.value, two.value), max(one.value, two.value))
        kind = EXACT if kind is ABOUT else kind
        return [_quantity(text, whole, kind, qualifier or "between", ends, unit, RANGE_WHY)]
    sep = SPACES.sub(" ", m.group("sep").strip().lower()).replace("–", "-")
    if two.value <= one.value and sep == "-" and _YEAR_LIKE.fullmatch(m.group("num1")):
        return []  # "2023-24" is a season
    if sep == "-" and unit is None and qualifier is None and _alone_in_brackets(text, m):
        return []  # "the Hawks (5-10)": a record or a score, not a count of anything
    score = m.group("sep") in {"-", "–"} and unit is None and qualifier is None
    if two.value <= one.value or (sep == "to" and _from_before(text, m)):
        # "two or one", "rose from 20 to 30": two figures, each standing alone
        post_kind, post = _post_kind(m)
        head, tail = Span(m.start(), one.end), Span(two.start, m.end())
        why = SCORE_WHY if score else None
        return [
            _quantity(text, head, kind, qualifier, (one.value, one.value), one.unit, why),
            _quantity(text, tail, post_kind, post, (two.value, two.value), two.unit, why),
        ]
    ends = (one.value, two.value)
    if kind is ABOUT:
        # "an estimated 10-80 percent": the range already says how loose the figure is
        kind = EXACT
    return [_quantity(text, whole, kind, qualifier or sep, ends, unit, RANGE_WHY)]


def _quantity(
    text: str,
    span: Span,
    kind: Kind,
    qualifier: str | None,
    ends: tuple[float, float],
    unit: str | None,
    why: str | None = None,
) -> Quantity:
    """A Quantity over ``span`` whose bounds ``kind`` draws from the figures at its two ends."""
    low = kind.bounds(ends[0])[0]
    high = kind.bounds(ends[1])[1]
    reasons = "; ".join(r for r in (why, kind.why) if r) or None
    return Quantity(span, span.of(text), low, high, unit, qualifier, reasons)


def _kind(text: str, m: re.Match[str]) -> tuple[Kind, str | None]:
    """The qualifier of a match (in front first, then behind) and how it is written."""
    if m.group("qual"):
        return read_qualifier(m.group("qual"), text, m.start())
    if m.group("sym"):
        return SYMBOL_QUALIFIERS[m.group("sym")], m.group("sym")
    return _post_kind(m)


def _post_kind(m: re.Match[str]) -> tuple[Kind, str | None]:
    """The qualifier written after the figure ("or more", "-plus"), if any."""
    if m.group("post"):
        written = SPACES.sub(" ", m.group("post").strip().lower())
        return POST_QUALIFIERS[written], written
    return EXACT, None


def _alone_in_brackets(text: str, m: re.Match[str]) -> bool:
    """ "(5-10)": a pair with nothing but brackets around it."""
    return m.start() > 0 and text[m.start() - 1] == "(" and text.startswith(")", m.end())


def _from_before(text: str, m: re.Match[str]) -> bool:
    """Whether "from" stands just before the match: "from 20 to 30" is a change, not a range."""
    return _FROM_BEFORE.search(text, max(0, m.start() - 8), m.start()) is not None


def _age(
    text: str, m: re.Match[str], p1: _Parts, one: _Figure, p2: _Parts | None
) -> list[Quantity] | None:
    """A person's age ("the 33-year-old", "aged 33", "Pell, 71,"), or None if not one.

    An age is a figure of its own unit, ``age``: outlets that give one person two ages
    contradict each other, and an age is never compared with a duration.
    """
    start, end = m.start(), m.end()
    if p2 is not None or m.group("qual") or m.group("sym") or m.group("post"):
        return None
    old = _OLD_AFTER.match(text, end)
    if one.unit == "year" and old:
        span = Span(start, old.end())
    elif one.unit is not None or p1.scale is not None or p1.glued is not None:
        return None
    elif _AGED_BEFORE.search(text, max(0, start - 12), start) or (
        len(m.group("num1")) <= 3
        and _AGE_APPOSITION_AFTER.match(text, end)
        and (
            _AGE_APPOSITION.search(text, max(0, start - 40), start)
            or _BOTH_AGE_BEFORE.search(text, max(0, start - 40), start)
        )
    ):
        span = Span(start, end)
    else:
        return None
    if not 0 < one.value <= 120:
        return None
    return [Quantity(span, span.of(text), one.value, one.value, "age", None, AGE_WHY)]


def _is_figure(text: str, m: re.Match[str], p1: _Parts, one: _Figure, p2: _Parts | None) -> bool:
    """The checks that need context: years, ages, "no one", numbers inside names."""
    start, end = m.start(), m.end()
    qualified = bool(m.group("qual") or m.group("sym") or m.group("post"))
    bare = not qualified and one.unit is None and p1.scale is None and p1.glued is None
    num1 = m.group("num1")
    # "in 2024", "since 1999", "2020-2023": a year standing alone is a date, not a figure
    if (
        bare
        and _YEAR_LIKE.fullmatch(num1)
        and (p2 is None or _YEAR_LIKE.fullmatch(m.group("num2") or ""))
    ):
        return False
    # "a six-month-old baby": an age in months or weeks, which no outlet counts as a figure
    if one.unit in _AGE_UNITS and _OLD_AFTER.match(text, end):
        return False
    # "2 hours ago" is a page's time stamp, which the dates stage reads; "six months ago" and
    # "a decade ago" say how long ago something happened, a figure of the story
    if AGO_AFTER.match(text, end) and one.unit in (None, "s", "min", "h"):
        return False
    if bare and p2 is None and _CALL_BEFORE.search(text, max(0, start - 24), start):
        return False
    if bare and num1 in _EMERGENCY and _SERVICE_AFTER.match(text, end):
        return False
    if (
        bare
        and p2 is None
        and _OLD_YEAR.fullmatch(num1)
        and _YEAR_WORD_BEFORE.search(text, max(0, start - 8), start)
    ):
        return False
    if p1.words and p2 is None and not qualified and one.unit is None:
        if num1.lower() == "one" and (
            _ONE_IDIOM_AFTER.match(text, m.end("num1"))
            or _ONE_IDIOM_BEFORE.search(text, max(0, start - 8), start)
        ):
            return False  # "no one", "one of the", "one another", "one-sided"
        if (
            num1[0].isupper()
            and _IN_NAME_BEFORE.search(text, max(0, start - 2), start)
            and not is_title_case(text)
        ):
            return False  # "Formula One", "the Big Three": a capitalised number inside a name
    return True
