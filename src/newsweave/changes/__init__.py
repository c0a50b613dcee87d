"""What changed: between two versions of an article, and between two briefs of a story.

``revision.py`` diffs an article an outlet edited; ``story.py`` tells what a refresh of a
story's brief changed (a new conflict, a figure updated, a quote changed, a new outlet, an
article revised); ``atom.py`` writes those as an Atom feed (``service/notify.py`` sends them
on).
"""
