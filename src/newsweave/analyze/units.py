"""Units as dimensions: what a figure's unit measures, and its size in that dimension's base.

Outlets write one length in feet and another in metres ("a 70-foot fir", "a 21-metre tree");
to compare them both go to the base unit of their dimension. Conversions are exact, but the
figures are not: a writer who turns 60 feet into metres writes "18", not "18.29", so a figure
converted from another unit is compared within ``CONVERSION_SLACK``.
"""

from __future__ import annotations

# Relative slack when two figures of one dimension are written in different units: a
# converted figure is rounded to two or three significant digits (60 ft ≈ 18.3 m is "18 m";
# 50 km ≈ 31.1 mi is "30 miles").
CONVERSION_SLACK = 0.05

# unit code → (dimension, size in the dimension's base unit)
DIMENSIONS: dict[str, tuple[str, float]] = {
    "m": ("length", 1.0),
    "km": ("length", 1000.0),
    "cm": ("length", 0.01),
    "mm": ("length", 0.001),
    "mi": ("length", 1609.344),
    "ft": ("length", 0.3048),
    "yd": ("length", 0.9144),
    "in": ("length", 0.0254),
    "kg": ("mass", 1.0),
    "t": ("mass", 1000.0),
    "lb": ("mass", 0.45359237),
    "g": ("mass", 0.001),
    "l": ("volume", 1.0),
    "gal": ("volume", 3.785411784),
    "bbl": ("volume", 158.987294928),
    "s": ("time", 1.0),
    "min": ("time", 60.0),
    "h": ("time", 3600.0),
    "day": ("time", 86400.0),
    "week": ("time", 604800.0),
    "month": ("time", 2629746.0),
    "year": ("time", 31556952.0),
    "km/h": ("speed", 1.0),
    "mph": ("speed", 1.609344),
    "kn": ("speed", 1.852),
    "km2": ("area", 1.0),
    "ha": ("area", 0.01),
    "acre": ("area", 0.0040468564224),
    "sqmi": ("area", 2.589988110336),
    "%": ("share", 1.0),
    "pp": ("share points", 1.0),
    "age": ("age", 1.0),
}
# Dimensions whose units convert exactly; a figure restated in another of them is one figure.
PHYSICAL = frozenset({"length", "mass", "volume", "time", "speed", "area", "temperature"})
# Temperatures are affine: °F = °C × 9/5 + 32.
TEMPERATURES = frozenset({"°C", "°F"})


def conversion_slack(*values: float | None) -> float:
    """The relative slack for comparing figures written in two units: ``CONVERSION_SLACK``,
    or more when a figure is rounded coarser ("eight km (5 miles)": 5 is written to the
    mile, so it stands for 4.5 to 5.5, ±10%)."""
    slack = CONVERSION_SLACK
    for v in values:
        if v:
            slack = max(slack, _half_step(abs(v)) / abs(v))
    return slack


def _half_step(v: float) -> float:
    """Half of the last significant digit's place: 0.5 for 4 and 18, 5 for 60, 0.05 for 2.5."""
    text = f"{v:.6g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        places = len(mantissa.split(".")[1]) if "." in mantissa else 0
        return 0.5 * 10.0 ** (int(exponent) - places)
    if "." in text:
        return 0.5 * 10.0 ** -len(text.split(".")[1])
    digits = text.rstrip("0")
    return 0.5 * 10.0 ** (len(text) - len(digits))


def dimension(unit: str | None) -> str | None:
    """What ``unit`` measures ("length", "time", "USD"…); None for a plain count.

    A currency is its own dimension: exchange rates move, so dollars are never compared with
    euros.
    """
    if unit is None:
        return None
    if unit in TEMPERATURES:
        return "temperature"
    known = DIMENSIONS.get(unit)
    return known[0] if known else unit


def to_base(value: float | None, unit: str | None) -> float | None:
    """``value`` in its dimension's base unit (°C for temperatures); None stays None."""
    if value is None or unit is None:
        return value
    if unit == "°F":
        return (value - 32.0) * 5.0 / 9.0
    known = DIMENSIONS.get(unit)
    return value * known[1] if known else value
