"""Small text helpers that several stages share: sentence ends, word stems, names and titles.

The bottom layer: these modules import the standard library only, so extraction, analysis,
clustering, the cross-check and the brief can all use one definition of each.
"""
